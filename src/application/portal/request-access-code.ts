import type { CaseState } from '../../domain/index.js'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { appendAudit } from '../../persistence/audit-log.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import {
  ACCESS_CODE_TTL_MINUTES,
  ACCESS_CODES_PER_HOUR,
  hashAccessCode,
  newAccessCode,
  normaliseEmail,
  normaliseReference,
} from './access-code.js'
import type { EmailText } from './intake-support.js'

export interface AccessCodeRequest {
  reference: string
  email: string
  compose: (facts: { reference: string; code: string; expiresAt: Date; privacyUrl: string }) => EmailText
}

/** The email addresses a case may be followed from: the person's own, or their representative's. */
export function caseEmails(state: CaseState): string[] {
  return [state.subject.email, state.representative?.email].filter((e): e is string => !!e).map(normaliseEmail)
}

/** By the public reference only (never by internal id), ignoring case and spaces. */
export async function findCaseByReference(db: Queryable, reference: string): Promise<CaseState | null> {
  const r = await db.query<{ state: CaseState }>('SELECT state FROM cases WHERE upper(reference) = $1', [
    normaliseReference(reference),
  ])
  return r.rows[0]?.state ?? null
}

/**
 * Sends a one-time code to the email address on a case, if the reference and the address match one. It returns
 * nothing either way, and the web layer answers the same, so nobody can learn whether a reference exists or which
 * address it has. Codes to one case are capped per hour, so the form cannot be used to flood someone's inbox.
 */
export async function requestAccessCode(deps: AppDeps, input: AccessCodeRequest): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    const state = await findCaseByReference(tx, input.reference)
    if (!state || !caseEmails(state).includes(normaliseEmail(input.email))) return
    await tx.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [state.id])
    if ((await codesInLastHour(tx, deps, state.id)) >= ACCESS_CODES_PER_HOUR) return
    const code = newAccessCode()
    const now = deps.clock.now()
    const expiresAt = new Date(now.getTime() + ACCESS_CODE_TTL_MINUTES * 60_000)
    // A new code replaces any earlier one, so only the latest email works.
    await tx.query('UPDATE access_codes SET used_at = $2 WHERE case_id = $1 AND used_at IS NULL', [state.id, now])
    await tx.query(
      `INSERT INTO access_codes (id, case_id, code_hash, created_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      [state.id, hashAccessCode(code), now, expiresAt],
    )
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: 'public:follow',
        occurredAt: now,
        command: 'RequestAccessCode',
        eventType: 'AccessCodeSent',
        payload: { expiresAt: expiresAt.toISOString() },
      },
    ])
    const email: EmailJob = {
      to: [normaliseEmail(input.email)],
      ...input.compose({
        reference: state.reference,
        code,
        expiresAt,
        privacyUrl: `${deps.baseUrl}/privacy/${state.controllerId}`,
      }),
      secret: 'one-time-code',
    }
    await deps.jobs.enqueue(tx, 'email-send', email)
  })
}

async function codesInLastHour(tx: Tx, deps: AppDeps, caseId: string): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - 3_600_000)
  const r = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM access_codes WHERE case_id = $1 AND created_at > $2',
    [caseId, since],
  )
  return r.rows[0]?.n ?? 0
}
