import { randomUUID } from 'node:crypto'
import { DomainError, can, formatLongDate, isValidLocalDate, localDateInLondon } from '../../domain/index.js'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { renderEmail } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { requireAnyPermission, requireController, requirePermission } from '../authorise.js'
import { caseInScope, colleaguesOf, inScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { recordAudit } from './audit.js'
import { findTask, tasksFor, type SearchTask } from './search-task-repository.js'

export interface NewSearchTask {
  assigneeId?: string
  team?: string
  dueOn: string
  identifiers: string[]
  scope: string[]
  instructions: string
}

/** Seed 002: records can be live, closed or archived, in any format; the search must cover them all. */
export const SEARCH_SCOPES = ['live', 'closed', 'archived', 'email', 'paper', 'systems'] as const

function validate(input: NewSearchTask, today: string): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!input.assigneeId && !input.team?.trim()) fields.assigneeId = 'Choose who should search, or a team'
  if (!isValidLocalDate(input.dueOn)) fields.dueOn = 'Enter a real date'
  else if (input.dueOn < today) fields.dueOn = 'The date must be today or in the future'
  if (input.identifiers.length === 0) fields.identifiers = 'Enter at least one name, address or number to search for'
  if (input.scope.length === 0) fields.scope = 'Choose where to search'
  return fields
}

/**
 * Who a task's emails go to: the named person, or everyone in the team, and only those who work for the case's
 * controller (issue 11: a team can span controllers; the identifiers of one controller's requester are not shown to
 * another's staff).
 */
async function recipientsOf(db: Queryable, task: Pick<SearchTask, 'assigneeId' | 'team' | 'controllerId'>) {
  const r = await db.query<{ email: string; name: string }>(
    `SELECT email, name FROM users WHERE NOT disabled AND $3 = ANY(controller_ids)
       AND (id = $1 OR (team IS NOT NULL AND team = $2))`,
    [task.assigneeId, task.team, task.controllerId],
  )
  return r.rows
}

/** Who may be sent a search task on a controller's case: its staff who answer tasks, by name or by team. */
export async function taskRecipientsFor(db: Queryable, controllerId: string) {
  const people = await colleaguesOf(db, controllerId, ['task:answer'])
  const teams = [...new Set(people.map((u) => u.team).filter((t): t is string => Boolean(t)))].sort()
  return { people, teams }
}

/** The person or team named must be the case's controller's staff (issue 11), else the task is refused. */
async function requireRecipients(db: Queryable, controllerId: string, input: NewSearchTask): Promise<void> {
  const { people, teams } = await taskRecipientsFor(db, controllerId)
  if (input.assigneeId && !people.some((u) => u.id === input.assigneeId))
    throw new DomainError('validation', `assignee ${input.assigneeId} not of ${controllerId}`, {
      fields: { assigneeId: 'Choose someone who works on this organisation’s cases' },
    })
  const team = input.team?.trim()
  if (team && !teams.includes(team))
    throw new DomainError('validation', `team ${team} has nobody of ${controllerId}`, {
      fields: { team: 'Choose a team with someone who works on this organisation’s cases' },
    })
}

/** The DP manager asks named staff (or a team) to search their records by a date (seed 002: "Locating the data"). */
export async function createSearchTask(deps: AppDeps, actor: Actor, caseId: string, input: NewSearchTask) {
  requirePermission(actor, 'task:assign')
  const today = localDateInLondon(deps.clock.now())
  const fields = validate(input, today)
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid search task', { fields })
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId)
    await requireRecipients(tx, state.controllerId, input)
    const id = randomUUID()
    const assigneeId = input.assigneeId || null
    await tx.query(
      `INSERT INTO search_tasks (id, case_id, assignee_id, team, due_on, identifiers, scope, instructions, status,
         document_ids, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'open','{}',$9,$10)`,
      [
        id,
        caseId,
        assigneeId,
        input.team?.trim() || null,
        input.dueOn,
        JSON.stringify(input.identifiers),
        JSON.stringify(input.scope),
        input.instructions.trim(),
        actor.id,
        deps.clock.now(),
      ],
    )
    const task = (await findTask(tx, id))!
    const people = await recipientsOf(tx, task)
    if (people.length === 0)
      throw new DomainError('validation', 'nobody to send to', {
        fields: { assigneeId: 'Nobody active is in that team' },
      })
    await emailTask(tx, deps, task, 'task-assigned', { requestedBy: actor.name })
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'CreateSearchTask',
      eventType: 'SearchTaskCreated',
      payload: {
        taskId: id,
        assigneeName: people.length === 1 && assigneeId ? people[0]!.name : '',
        team: task.team ?? '',
        dueOn: task.dueOn,
        dueOnText: formatLongDate(task.dueOn),
      },
    })
    return task
  })
}

export async function emailTask(tx: Tx, deps: AppDeps, task: SearchTask, template: string, extra: object = {}) {
  const controller = await findController(tx, task.controllerId)
  for (const person of await recipientsOf(tx, task)) {
    const mail = renderEmail(template, {
      ...extra,
      assigneeName: person.name,
      reference: task.caseReference,
      controller: { name: controller?.name ?? '' },
      dueOn: formatLongDate(task.dueOn),
      identifiers: task.identifiers,
      scope: task.scope.join(', '),
      instructions: task.instructions,
      taskUrl: `${deps.baseUrl}/staff/tasks/${task.id}`,
    })
    const job: EmailJob = { to: [person.email], subject: mail.subject, text: mail.body }
    await deps.jobs.enqueue(tx, 'email-send', job)
  }
}

async function teamOf(db: Queryable, userId: string): Promise<string | null> {
  const r = await db.query<{ team: string | null }>('SELECT team FROM users WHERE id = $1', [userId])
  return r.rows[0]?.team ?? null
}

/** "My tasks": sent to me or my team; whoever sets tasks also sees those they set; only my controllers' (issue 11). */
export async function listMyTasks(deps: AppDeps, actor: Actor): Promise<SearchTask[]> {
  requireAnyPermission(actor, ['task:answer', 'task:assign'])
  const setter = can(actor.roles, 'task:assign')
  const tasks = await tasksFor(deps.pool, actor.id, await teamOf(deps.pool, actor.id), setter)
  return tasks.filter((t) => inScope(actor, t.controllerId))
}

/**
 * A task is open to the person (or team) it was sent to, and to staff who may set tasks for that controller. Staff
 * see the identifiers to search for, never the case itself (least privilege: role 'staff' has no case:view).
 */
export async function taskForActor(
  db: Queryable,
  actor: Actor,
  taskId: string,
  forUpdate = false,
): Promise<SearchTask> {
  requireAnyPermission(actor, ['task:answer', 'task:assign'])
  const task = await findTask(db, taskId, forUpdate)
  if (!task) throw new DomainError('not-found', `no task ${taskId}`)
  // Issue 11: even a task sent to me (or my team) is refused once I no longer work for its controller.
  requireController(actor, task.controllerId)
  const team = await teamOf(db, actor.id)
  const mine = task.assigneeId === actor.id || (task.team !== null && task.team === team)
  if (mine) return task
  requirePermission(actor, 'task:assign')
  return task
}

export async function openTask(deps: AppDeps, actor: Actor, taskId: string): Promise<SearchTask> {
  return withTransaction(deps.pool, async (tx) => {
    const task = await taskForActor(tx, actor, taskId)
    await recordAudit(tx, deps, actor, {
      caseId: task.caseId,
      command: 'ViewTask',
      eventType: 'TaskViewed',
      payload: { taskId },
    })
    return task
  })
}
