import type { CaseEvent, CaseState, DeadlineFlagKind } from '../domain/index.js'
import { formatLongDate } from '../domain/index.js'
import type { Queryable } from '../persistence/db.js'
import { renderEmail } from '../notifications/letters.js'
import { readSettings, type ReminderSettings } from './casework/settings.js'
import type { AppDeps } from './deps.js'

export interface FollowUpJob {
  queue: string
  data: object
}

export interface EmailJob {
  to: string[]
  subject: string
  text: string
  html?: string
  /** Files from the document store; the worker loads them by id when it sends (so the job holds no personal data). */
  attachments?: { documentId: string; filename: string }[]
  /**
   * The message carries a secret only its recipient may see (a one-time code, a set-password link, a password): the
   * outbox an administrator can read shows that it exists but not what it says (issue 11: admins do not read codes).
   */
  secret?: EmailSecret
}

export type EmailSecret = 'one-time-code' | 'set-password-link' | 'password'

/**
 * Emails that follow from events, queued in the same transaction (so a reminder goes out if and only if the flag was
 * recorded). Who is told is a setting (issue: Reminders): the assignee when a case is due soon or the extension
 * notice deadline is near; the DP manager and the reviewer (by default) when it is overdue.
 */
export async function followUpJobs(
  db: Queryable,
  deps: AppDeps,
  state: CaseState,
  events: readonly CaseEvent[],
): Promise<FollowUpJob[]> {
  const flags = events.filter((e) => e.type === 'DeadlineFlagged')
  if (flags.length === 0) return []
  const { reminders } = await readSettings(db)
  const jobs: FollowUpJob[] = []
  for (const event of flags) {
    const to = await recipients(db, state, event.kind, reminders)
    if (to.length === 0) continue
    const mail = renderEmail('reminder', {
      kind: event.kind,
      reference: state.reference,
      date: formatLongDate(event.forDate),
      caseUrl: `${deps.baseUrl}/staff/cases/${state.id}`,
    })
    const email: EmailJob = { to, subject: mail.subject, text: mail.body }
    jobs.push({ queue: 'email-send', data: email })
  }
  return jobs
}

async function recipients(
  db: Queryable,
  state: CaseState,
  kind: DeadlineFlagKind,
  rules: ReminderSettings,
): Promise<string[]> {
  const toAssignee =
    kind === 'overdue' ||
    kind === 'acknowledgement-due' ||
    (kind === 'due-soon' && rules.remindAssigneeDueSoon) ||
    (kind === 'extension-notice-due' && rules.remindAssigneeExtensionNotice)
  const escalateTo = kind === 'overdue' ? rules.overdueRoles : []
  const r = await db.query<{ email: string }>(
    `SELECT email FROM users WHERE NOT disabled AND $1 = ANY(controller_ids)
       AND ((id = $2 AND $3) OR roles && $4::text[])`,
    [state.controllerId, state.assigneeId ?? null, toAssignee, escalateTo],
  )
  return [...new Set(r.rows.map((row) => row.email))]
}
