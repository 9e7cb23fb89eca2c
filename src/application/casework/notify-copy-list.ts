import type { CaseState } from '../../domain/index.js'
import { formatLongDate, rightDefinition } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { LETTER_PHRASES, renderEmail } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { recordAudit } from './audit.js'
import { readSettings } from './settings.js'

/**
 * Seed 002 "Process on receipt": Correspondence copies every new request to the Chief Executive, the Head of Policy
 * Coordination & Research, the Head of Standards & Regulation and the Communications Manager (the copy list is a
 * setting). Each is recorded, so a copy recipient can then read that case and no other.
 */
export async function notifyCopyListIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  due: string | null,
): Promise<number> {
  const { copyList } = await readSettings(tx)
  const emails = [...new Set(copyList.map((r) => r.email.trim().toLowerCase()).filter(Boolean))]
  if (emails.length === 0) return 0
  const controller = await findController(tx, state.controllerId)
  const now = deps.clock.now()
  for (const email of emails) {
    await tx.query(
      `INSERT INTO case_copies (case_id, email, user_id, notified_at)
       VALUES ($1, $2, (SELECT id FROM users WHERE email = $2 AND NOT disabled), $3) ON CONFLICT DO NOTHING`,
      [state.id, email, now],
    )
  }
  const mail = renderEmail('copy-list', {
    reference: state.reference,
    caseTypeName: LETTER_PHRASES.caseTypes[state.caseType] ?? 'case',
    controller: { name: controller?.name ?? state.controllerId },
    rightTitle: state.right ? rightDefinition(state.right).title : null,
    receivedOn: formatLongDate(state.receivedOn),
    channel: state.channel,
    due: due ? formatLongDate(due) : null,
    caseUrl: `${deps.baseUrl}/staff/cases/${state.id}`,
  })
  const job: EmailJob = { to: emails, subject: mail.subject, text: mail.body }
  await deps.jobs.enqueue(tx, 'email-send', job)
  await recordAudit(tx, deps, actor, {
    caseId: state.id,
    command: 'NotifyCopyList',
    eventType: 'CopyListNotified',
    payload: { count: emails.length, emails },
  })
  return emails.length
}
