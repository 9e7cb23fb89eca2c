import type { Queryable } from '../db.js'
import type { CaseState } from '../../domain/index.js'
import { personSearchCondition, personSearchOrder, type PersonSearch } from './person-search-sql.js'
import { queueCondition, type QueueContext, type QueueId } from './work-queue-sql.js'

export interface CaseRowSummary {
  id: string
  reference: string
  controllerId: string
  caseType: string
  right: string | null
  status: string
  receivedOn: string
  dueOn: string | null
  assigneeId: string | null
  requesterName: string
  parentCaseId: string | null
  version: number
  /** The deadline was extended (Art 12A(3)). */
  extended: boolean
  /** The requester sent something no officer has opened yet (issue 14). */
  unread?: boolean
  /** The recorded outcome, so a decided appeal is named by its decision rather than "Approved". */
  outcome?: string | null
}

export interface CaseFilter {
  status?: string[]
  right?: string[]
  controllerIds?: string[]
  caseType?: string[]
  dueBefore?: string
  overdueAsOf?: string
  assigneeId?: string
  /** "Find a person" (issue 14): a reference, identifiers or a name, read by application/casework/person-keys. */
  search?: PersonSearch
  open?: boolean
  /** Only cases assigned to this user or copied to them (actors without case:view-all). */
  visibleToUserId?: string
  /** One of the staff home's work queues (issue 14). */
  queue?: { id: QueueId; context: QueueContext }
  limit: number
  offset: number
}

const CLOSED_STATUSES = ['closed', 'withdrawn', 'responded']

function columnsOf(state: CaseState, dueOn: string | null) {
  return [
    state.id,
    state.reference,
    state.controllerId,
    state.caseType,
    state.right ?? null,
    state.status,
    state.receivedOn,
    dueOn,
    state.assigneeId ?? null,
    state.subject.name,
    state.subject.email ?? state.representative?.email ?? null,
    state.parentCaseId ?? null,
    state.version,
    JSON.stringify(state),
  ]
}

export async function insertCase(tx: Queryable, state: CaseState, dueOn: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, reference, controller_id, case_type, "right", status, received_on, due_on, assignee_id,
       requester_name, requester_email, parent_case_id, version, state)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    columnsOf(state, dueOn),
  )
}

/** Optimistic concurrency as a second guard: the row was locked FOR UPDATE, so the version must match. */
export async function updateCase(tx: Queryable, state: CaseState, dueOn: string | null, expectedVersion: number) {
  const r = await tx.query(
    `UPDATE cases SET status = $2, due_on = $3, assignee_id = $4, requester_name = $5, requester_email = $6,
       parent_case_id = $7, version = $8, state = $9, "right" = $10, updated_at = now()
     WHERE id = $1 AND version = $11`,
    [
      state.id,
      state.status,
      dueOn,
      state.assigneeId ?? null,
      state.subject.name,
      state.subject.email ?? state.representative?.email ?? null,
      state.parentCaseId ?? null,
      state.version,
      JSON.stringify(state),
      state.right ?? null,
      expectedVersion,
    ],
  )
  if (r.rowCount !== 1) throw new Error(`case ${state.id} changed underneath this update`)
}

export async function loadCaseForUpdate(tx: Queryable, id: string): Promise<CaseState | null> {
  const r = await tx.query<{ state: CaseState }>('SELECT state FROM cases WHERE id = $1 FOR UPDATE', [id])
  return r.rows[0]?.state ?? null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Finds a case by id or by its public reference (case-insensitive). */
export async function findCase(db: Queryable, idOrReference: string): Promise<CaseState | null> {
  const byId = UUID.test(idOrReference)
  const r = await db.query<{ state: CaseState }>(
    byId ? 'SELECT state FROM cases WHERE id = $1' : 'SELECT state FROM cases WHERE upper(reference) = upper($1)',
    [idOrReference],
  )
  return r.rows[0]?.state ?? null
}

export async function findCases(db: Queryable, ids: readonly string[]): Promise<CaseState[]> {
  if (ids.length === 0) return []
  const r = await db.query<{ state: CaseState }>('SELECT state FROM cases WHERE id = ANY($1::uuid[])', [ids])
  return r.rows.map((row) => row.state)
}

export async function listCases(db: Queryable, f: CaseFilter): Promise<{ total: number; rows: CaseRowSummary[] }> {
  const where: string[] = []
  const values: unknown[] = []
  const add = (clause: (p: string) => string, value: unknown) => {
    values.push(value)
    where.push(clause(`$${values.length}`))
  }
  if (f.status?.length) add((p) => `status = ANY(${p})`, f.status)
  if (f.right?.length) add((p) => `"right" = ANY(${p})`, f.right)
  if (f.caseType?.length) add((p) => `case_type = ANY(${p})`, f.caseType)
  if (f.controllerIds) add((p) => `controller_id = ANY(${p})`, f.controllerIds)
  if (f.dueBefore) add((p) => `due_on < ${p}`, f.dueBefore)
  if (f.assigneeId) add((p) => `assignee_id = ${p}`, f.assigneeId)
  if (f.open) add((p) => `NOT (status = ANY(${p}))`, CLOSED_STATUSES)
  if (f.overdueAsOf) {
    add((p) => `due_on < ${p}`, f.overdueAsOf)
    add((p) => `NOT (status = ANY(${p}))`, CLOSED_STATUSES)
  }
  if (f.visibleToUserId) {
    add(
      (p) => `(assignee_id = ${p} OR id IN (SELECT case_id FROM case_copies WHERE user_id = ${p}))`,
      f.visibleToUserId,
    )
  }
  if (f.queue) {
    const q = f.queue
    where.push(
      queueCondition(q.id, q.context, (v) => {
        values.push(v)
        return `$${values.length}`
      }),
    )
  }
  if (f.search) {
    where.push(
      personSearchCondition(f.search, (v) => {
        values.push(v)
        return `$${values.length}`
      }),
    )
  }
  const sqlWhere = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM cases ${sqlWhere}`, values)
  const closest = f.search ? personSearchOrder(f.search, (v) => `$${values.push(v)}`) : ''
  const rows = await db.query(
    `SELECT id, reference, controller_id, case_type, "right", status, received_on, due_on, assignee_id, requester_name,
       parent_case_id, version, (state ? 'extension') AS extended,
       EXISTS (SELECT 1 FROM case_messages m WHERE m.case_id = cases.id AND m.direction = 'in' AND m.read_at IS NULL)
         AS unread, state->>'outcome' AS outcome
     FROM cases ${sqlWhere} ORDER BY ${closest}due_on ASC NULLS LAST, received_on ASC, reference ASC
     LIMIT ${Number(f.limit)} OFFSET ${Number(f.offset)}`,
    values,
  )
  return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows.map(toSummary) }
}

function toSummary(r: Record<string, unknown>): CaseRowSummary {
  return {
    id: String(r.id),
    reference: String(r.reference),
    controllerId: String(r.controller_id),
    caseType: String(r.case_type),
    right: (r.right as string | null) ?? null,
    status: String(r.status),
    receivedOn: String(r.received_on),
    dueOn: (r.due_on as string | null) ?? null,
    assigneeId: (r.assignee_id as string | null) ?? null,
    requesterName: String(r.requester_name),
    parentCaseId: (r.parent_case_id as string | null) ?? null,
    version: Number(r.version),
    extended: r.extended === true,
    unread: r.unread === true,
    outcome: (r.outcome as string | null) ?? null,
  }
}

/** Next reference for a controller and year, e.g. OPCC-2026-00042. Counters only move forward. */
export async function nextReference(tx: Queryable, prefix: string, year: number): Promise<string> {
  const key = `${prefix}-${year}`
  const r = await tx.query<{ next: number }>(
    `INSERT INTO reference_counters (key, next) VALUES ($1, 1)
     ON CONFLICT (key) DO UPDATE SET next = reference_counters.next + 1 RETURNING next`,
    [key],
  )
  return `${key}-${String(r.rows[0]?.next ?? 1).padStart(5, '0')}`
}
