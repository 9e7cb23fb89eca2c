import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'

/** Ends a lockout early (the person called the administrator, who checked it was really them). */
export async function unlockUser(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  requirePermission(actor, 'user:admin')
  await withTransaction(deps.pool, async (tx) => {
    const r = await tx.query('UPDATE users SET locked_until = NULL, failed_sign_ins = 0 WHERE id = $1', [userId])
    if (r.rowCount !== 1) throw new DomainError('not-found', `no user ${userId}`)
    await recordAudit(tx, deps, actor, { command: 'UnlockUser', eventType: 'UserUnlocked', payload: { userId } })
  })
}
