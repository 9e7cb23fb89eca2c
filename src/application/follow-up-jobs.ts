import type { CaseEvent, CaseState } from '../domain/index.js'
import { formatLongDate } from '../domain/index.js'
import type { Queryable } from '../persistence/db.js'
import type { AppDeps } from './deps.js'

export interface FollowUpJob {
  queue: string
  data: object
}

export interface EmailJob {
  to: string[]
  subject: string
  text: string
}

const FLAG_SUBJECT: Record<string, (ref: string, date: string) => string> = {
  'due-soon': (ref, date) => `${ref} is due on ${date}`,
  overdue: (ref, date) => `${ref} is overdue: it was due on ${date}`,
  'extension-notice-due': (ref, date) => `${ref}: the last day to give notice of an extension is ${date}`,
  'acknowledgement-due': (ref, date) => `${ref}: the complaint must be acknowledged by ${date}`,
}

/**
 * Emails that follow from events, queued in the same transaction (so a reminder goes out if and only if
 * the flag was recorded). Overdue cases also go to the DP manager and the reviewer (issue: reminders).
 */
export async function followUpJobs(
  db: Queryable,
  deps: AppDeps,
  state: CaseState,
  events: readonly CaseEvent[],
): Promise<FollowUpJob[]> {
  const jobs: FollowUpJob[] = []
  for (const event of events) {
    if (event.type !== 'DeadlineFlagged') continue
    const to = await recipients(db, state, event.kind === 'overdue')
    if (to.length === 0) continue
    const date = formatLongDate(event.forDate)
    const subject = FLAG_SUBJECT[event.kind]?.(state.reference, date) ?? `${state.reference}: deadline`
    const link = `${deps.baseUrl}/staff/cases/${state.id}`
    const text = `${subject}.\n\nOpen the case: ${link}\n\nThis reminder was sent by Rightsdesk's deadline check.\n`
    const email: EmailJob = { to, subject, text }
    jobs.push({ queue: 'email-send', data: email })
  }
  return jobs
}

async function recipients(db: Queryable, state: CaseState, escalate: boolean): Promise<string[]> {
  const r = await db.query<{ email: string }>(
    `SELECT email FROM users WHERE NOT disabled AND $1 = ANY(controller_ids)
       AND (id = $2 OR ($3 AND roles && ARRAY['dp-manager','reviewer']::text[]))`,
    [state.controllerId, state.assigneeId ?? null, escalate],
  )
  return [...new Set(r.rows.map((row) => row.email))]
}
