import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'

/** Removes a lost authenticator; if the person's role requires one, they set up a new one at the next sign-in. */
export async function resetTwoFactor(deps: AppDeps, actor: Actor, userId: string): Promise<void> {
  requirePermission(actor, 'user:admin')
  await withTransaction(deps.pool, async (tx) => {
    const r = await tx.query('UPDATE users SET totp_secret = NULL, totp_last_step = NULL WHERE id = $1', [userId])
    if (r.rowCount !== 1) throw new DomainError('not-found', `no user ${userId}`)
    await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [userId])
    await recordAudit(tx, deps, actor, { command: 'ResetTwoFactor', eventType: 'TwoFactorReset', payload: { userId } })
  })
}
