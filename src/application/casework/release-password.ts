import { DomainError } from '../../domain/index.js'
import type { PasswordReleaseVia } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { applyCommand } from '../apply-command.js'
import { requireCommandPermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'
import { buildLetterContext, recipientOf } from './letter-context.js'
import { queueEmail } from './send-response.js'

/**
 * Seed 002: "confirmation of identity required prior to sending password". The officer records how they confirmed
 * they were dealing with the requester, then the password goes in a separate email, or is shown once here for the
 * officer to read out on the telephone. Both are recorded.
 */
export async function releasePassword(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: { via: PasswordReleaseVia; identityConfirmedHow: string },
): Promise<{ password?: string }> {
  requireCommandPermission(actor, { type: 'RecordPasswordReleased', ...input })
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    const next = await applyCommand(deps, tx, actor, state, { type: 'RecordPasswordReleased', ...input })
    const row = await tx.query<{ id: string; password_key: string | null }>(
      `SELECT id, password_key FROM response_passwords WHERE case_id = $1 AND released_at IS NULL
       ORDER BY created_at DESC LIMIT 1`,
      [caseId],
    )
    const stored = row.rows[0]
    if (!stored?.password_key) throw new DomainError('not-found', `no password held for case ${caseId}`)
    const password = (await deps.blobs.get(stored.password_key)).toString('utf8')
    await tx.query(
      'UPDATE response_passwords SET released_at = $2, released_via = $3, released_by = $4 WHERE id = $1',
      [stored.id, deps.clock.now(), input.via, `user:${actor.id}`],
    )
    if (input.via === 'separate-email') {
      const to = recipientOf(next.state).email
      if (!to)
        throw new DomainError('validation', 'no email address', {
          fields: { via: 'There is no email address: give the password by telephone' },
        })
      const { context } = await buildLetterContext(tx, deps, next.state, actor)
      await queueEmail(tx, deps, to, 'response-password', { ...context, password }, [], next.state, 'password')
      return {}
    }
    await recordAudit(tx, deps, actor, { caseId, command: 'ReleasePassword', eventType: 'PasswordShown', payload: {} })
    return { password }
  })
}
