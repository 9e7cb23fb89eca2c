import type { Queryable } from '../../persistence/db.js'

export type SearchTaskStatus = 'open' | 'returned' | 'cancelled'

export interface SearchTask {
  id: string
  caseId: string
  caseReference: string
  controllerId: string
  assigneeId: string | null
  team: string | null
  dueOn: string
  identifiers: string[]
  scope: string[]
  instructions: string
  status: SearchTaskStatus
  nilReturn: boolean | null
  whereSearched: string | null
  documentIds: string[]
  createdBy: string
  createdAt: Date
  returnedAt: Date | null
  lastChasedOn: string | null
}

const SELECT = `SELECT t.*, c.reference AS case_reference, c.controller_id FROM search_tasks t JOIN cases c ON c.id = t.case_id`

function toTask(r: Record<string, unknown>): SearchTask {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    caseReference: String(r.case_reference),
    controllerId: String(r.controller_id),
    assigneeId: (r.assignee_id as string | null) ?? null,
    team: (r.team as string | null) ?? null,
    dueOn: String(r.due_on),
    identifiers: r.identifiers as string[],
    scope: r.scope as string[],
    instructions: String(r.instructions),
    status: r.status as SearchTaskStatus,
    nilReturn: (r.nil_return as boolean | null) ?? null,
    whereSearched: (r.where_searched as string | null) ?? null,
    documentIds: (r.document_ids as string[]) ?? [],
    createdBy: String(r.created_by),
    createdAt: r.created_at as Date,
    returnedAt: (r.returned_at as Date | null) ?? null,
    lastChasedOn: (r.last_chased_on as string | null) ?? null,
  }
}

export async function findTask(db: Queryable, id: string, forUpdate = false): Promise<SearchTask | null> {
  const r = await db.query(`${SELECT} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id])
  return r.rows[0] ? toTask(r.rows[0]) : null
}

export async function tasksOfCase(db: Queryable, caseId: string): Promise<SearchTask[]> {
  const r = await db.query(`${SELECT} WHERE t.case_id = $1 ORDER BY t.created_at`, [caseId])
  return r.rows.map(toTask)
}

/** Tasks for a person: sent to them, to their team, or (for whoever sets tasks) set by them. */
export async function tasksFor(db: Queryable, userId: string, team: string | null, includeSetBy: boolean) {
  const r = await db.query(
    `${SELECT} WHERE t.assignee_id = $1 OR (t.team IS NOT NULL AND t.team = $2) OR ($3 AND t.created_by = $1)
     ORDER BY (t.status = 'open') DESC, t.due_on, t.created_at`,
    [userId, team, includeSetBy],
  )
  return r.rows.map(toTask)
}

export async function overdueOpenTasks(db: Queryable, today: string): Promise<SearchTask[]> {
  const r = await db.query(`${SELECT} WHERE t.status = 'open' AND t.due_on < $1 ORDER BY t.due_on`, [today])
  return r.rows.map(toTask)
}
