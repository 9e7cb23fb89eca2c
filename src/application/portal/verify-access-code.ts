import { withTransaction } from '../../persistence/db.js'
import { appendAudit } from '../../persistence/audit-log.js'
import type { AppDeps } from '../deps.js'
import { ACCESS_CODE_MAX_ATTEMPTS, accessCodeMatches, isWellFormedAccessCode, normaliseEmail } from './access-code.js'
import { caseEmails, findCaseByReference } from './request-access-code.js'

/**
 * Checks a one-time code for the case with this reference and email. Returns the case id when it matches, else
 * null, without saying why (unknown reference, wrong address, wrong, expired, used or exhausted code all look the
 * same). A code only ever opens the case it was sent for: it is looked up by that case, never on its own.
 */
export async function verifyAccessCode(
  deps: AppDeps,
  input: { reference: string; email: string; code: string },
): Promise<string | null> {
  if (!isWellFormedAccessCode(input.code)) return null
  return withTransaction(deps.pool, async (tx) => {
    const state = await findCaseByReference(tx, input.reference)
    if (!state || !caseEmails(state).includes(normaliseEmail(input.email))) return null
    const now = deps.clock.now()
    const r = await tx.query<{ id: string; code_hash: string }>(
      `SELECT id, code_hash FROM access_codes WHERE case_id = $1 AND used_at IS NULL AND expires_at > $2
         AND attempts < $3 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [state.id, now, ACCESS_CODE_MAX_ATTEMPTS],
    )
    const row = r.rows[0]
    if (!row) return null
    const matches = accessCodeMatches(input.code, row.code_hash)
    // Every try counts, right or wrong; a right one is also used up.
    await tx.query(
      'UPDATE access_codes SET attempts = attempts + 1, used_at = CASE WHEN $2::boolean THEN $3::timestamptz END WHERE id = $1',
      [row.id, matches, now],
    )
    if (!matches) return null
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: `public:${state.id}`,
        occurredAt: now,
        command: 'VerifyAccessCode',
        eventType: 'RequesterSignedIn',
        payload: {},
      },
    ])
    return state.id
  })
}
