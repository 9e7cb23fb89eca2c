import { hash } from '@node-rs/argon2'
import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { readableSecret } from '../casework/readable-secret.js'

/**
 * Gives the account a one-time password, shown once to the administrator to pass on by a separate route. The person
 * must choose their own at the next sign-in, and every session of theirs ends now.
 */
export async function resetPassword(
  deps: AppDeps,
  actor: Actor,
  userId: string,
): Promise<{ temporaryPassword: string }> {
  requirePermission(actor, 'user:admin')
  const temporaryPassword = readableSecret()
  const passwordHash = await hash(temporaryPassword)
  await withTransaction(deps.pool, async (tx) => {
    const r = await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, failed_sign_ins = 0, locked_until = NULL
       WHERE id = $1`,
      [userId, passwordHash],
    )
    if (r.rowCount !== 1) throw new DomainError('not-found', `no user ${userId}`)
    await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [userId])
    await recordAudit(tx, deps, actor, { command: 'ResetPassword', eventType: 'PasswordReset', payload: { userId } })
  })
  return { temporaryPassword }
}
