import { addWorkingDays, can, localDateInLondon } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import {
  QUEUE_IDS,
  queueCondition,
  type QueueContext,
  type QueueId,
} from '../../persistence/repositories/work-queue-sql.js'
import type { Actor } from '../actor.js'
import { requirePermission, seesAllCases } from '../authorise.js'
import type { AppDeps } from '../deps.js'

export { QUEUE_IDS, type QueueId }

export function isQueueId(v: unknown): v is QueueId {
  return typeof v === 'string' && (QUEUE_IDS as readonly string[]).includes(v)
}

/** What "waiting for me" and "due soon" mean for this person today. */
export function queueContext(deps: AppDeps, actor: Actor): QueueContext {
  const today = localDateInLondon(deps.clock.now())
  return {
    userId: actor.id,
    today,
    dueSoonBy: addWorkingDays(today, deps.dueSoonWorkingDays, deps.calendar),
    mayApprove: can(actor.roles, 'case:approve'),
    mayDecideAppeals: can(actor.roles, 'review:decide'),
  }
}

export interface WorkQueues {
  counts: Record<QueueId, number>
  /** Open search tasks assigned to this person. */
  myTasks: number
  /** Notifications on the staff home not yet cleared (issue 14). */
  notifications: number
}

/**
 * The counts on the staff home and in the navigation: new today, to acknowledge, requester replied, waiting for me,
 * due in 5 working days, overdue, and my search tasks (issue 14). Counted over the cases the person may see, with
 * the same conditions the case list filters by, so a count and its list always agree. Every staff page shows them in
 * its navigation, so they are one statement: one round trip to PostgreSQL.
 */
export async function workQueues(db: Queryable, deps: AppDeps, actor: Actor): Promise<WorkQueues> {
  requirePermission(actor, 'case:view')
  const context = queueContext(deps, actor)
  const values: unknown[] = []
  const param = (v: unknown) => {
    values.push(v)
    return `$${values.length}`
  }
  const scope: string[] = []
  if (actor.controllerIds !== null) scope.push(`controller_id = ANY(${param([...actor.controllerIds])})`)
  if (!seesAllCases(actor)) {
    const me = param(actor.id)
    scope.push(`(assignee_id = ${me} OR id IN (SELECT case_id FROM case_copies WHERE user_id = ${me}))`)
  }
  const columns = QUEUE_IDS.map((id) => `count(*) FILTER (WHERE ${queueCondition(id, context, param)}) AS "${id}"`)
  const tasksFor = param(actor.id)
  const notesFor = param(actor.id)
  const r = await db.query<Record<string, string>>(
    `SELECT ${columns.join(', ')},
       (SELECT count(*) FROM search_tasks WHERE assignee_id = ${tasksFor} AND status = 'open') AS "my-tasks",
       (SELECT count(*) FROM staff_notifications WHERE user_id = ${notesFor} AND cleared_at IS NULL) AS "notifications"
     FROM cases ${scope.length ? `WHERE ${scope.join(' AND ')}` : ''}`,
    values,
  )
  const row = r.rows[0] ?? {}
  const counts = Object.fromEntries(QUEUE_IDS.map((id) => [id, Number(row[id] ?? 0)])) as Record<QueueId, number>
  return { counts, myTasks: Number(row['my-tasks'] ?? 0), notifications: Number(row.notifications ?? 0) }
}
