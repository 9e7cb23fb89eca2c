/** The work queues on the staff home (issue 14), as SQL conditions on `cases`, shared by the counts and the list. */
export const QUEUE_IDS = ['new-today', 'to-acknowledge', 'replied', 'waiting-for-me', 'due-soon', 'overdue'] as const
export type QueueId = (typeof QUEUE_IDS)[number]

export interface QueueContext {
  userId: string
  today: string
  /** The last day that counts as "due soon" (5 working days from today by default). */
  dueSoonBy: string
  mayApprove: boolean
  mayDecideAppeals: boolean
}

const OPEN = `status NOT IN ('closed', 'withdrawn', 'responded')`
const RESTARTING = `status IN ('awaiting-identity', 'awaiting-authority', 'awaiting-fee')`

/** The condition for one queue, with its values pushed through `param` (which returns the placeholder). */
export function queueCondition(id: QueueId, q: QueueContext, param: (value: unknown) => string): string {
  switch (id) {
    case 'new-today':
      return `received_on = ${param(q.today)}`
    case 'to-acknowledge':
      return `${OPEN} AND NOT (state ? 'acknowledgedOn')`
    case 'replied':
      return `EXISTS (SELECT 1 FROM case_messages m WHERE m.case_id = cases.id AND m.direction = 'in' AND m.read_at IS NULL)`
    case 'waiting-for-me': {
      // A draft waits for an approver who did not write it (four eyes); an appeal for whoever decides appeals; an
      // approved answer for its caseworker to send. Each use of the user id is its own parameter, typed where it is
      // compared with text, so PostgreSQL never has to deduce two types for one placeholder.
      const parts = [`(status = 'approved' AND assignee_id = ${param(q.userId)})`]
      if (q.mayApprove)
        parts.push(
          `(status = 'in-review' AND case_type <> 'review' AND (state->'draft'->>'drafterId') IS DISTINCT FROM ${param(q.userId)}::text)`,
        )
      if (q.mayDecideAppeals)
        parts.push(`(case_type = 'review' AND status IN ('received', 'in-progress', 'in-review'))`)
      return `(${parts.join(' OR ')})`
    }
    case 'due-soon':
      return `${OPEN} AND NOT ${RESTARTING} AND due_on >= ${param(q.today)} AND due_on <= ${param(q.dueSoonBy)}`
    case 'overdue':
      return `${OPEN} AND due_on < ${param(q.today)}`
  }
}
