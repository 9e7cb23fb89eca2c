import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { unblockAccount } from './throttle.js'

/**
 * Ends a pause on signing in to an account early (the person called the administrator, who checked it was really
 * them). It lets nobody in by itself: the password and any second factor are still needed.
 */
export async function unlockUser(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  requirePermission(actor, 'user:admin')
  await withTransaction(deps.pool, async (tx) => {
    const user = await findUserById(tx, userId)
    if (!user) throw new DomainError('not-found', `no user ${userId}`)
    await unblockAccount(tx, user.email)
    await recordAudit(tx, deps, actor, { command: 'UnlockUser', eventType: 'UserUnlocked', payload: { userId } })
  })
}
