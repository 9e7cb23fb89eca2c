import { DomainError } from '../../domain/index.js'
import type { Actor } from '../actor.js'
import { requireAnyPermission, requireController } from '../authorise.js'
import { controllerScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import type { RemovedDisposalItem } from './disposal-decisions.js'
import type { DisposalItem, DisposalList } from './disposal-list.js'

/** Read-only views of the disposal lists and disposal records for the governance pages. */

export const DISPOSAL_READERS = ['retention:propose', 'retention:approve'] as const

/**
 * A list is in the actor's scope when its controller is one of theirs (p: their controllers, null for all); a list
 * with no controller (proposed before lists had one) when every case on it is of one of theirs.
 */
const inScope = (p: string) =>
  `(${p}::text[] IS NULL OR l.controller_id = ANY(${p}::text[]) OR (l.controller_id IS NULL AND NOT EXISTS
  (SELECT 1 FROM jsonb_array_elements(l.items) i WHERE NOT (i->>'controllerId' = ANY(${p}::text[])))))`

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface DisposalListRow {
  id: string
  controllerId: string | null
  month: string
  status: DisposalList['status']
  itemCount: number
  disposedCount: number
  proposedBy: string
  proposedAt: Date
  approvedBy: string | null
  approvedAt: Date | null
  completedAt: Date | null
  rejectedBy: string | null
  rejectedAt: Date | null
  rejectionReason: string | null
}

interface ListRecord {
  id: string
  controller_id: string | null
  month: string
  status: DisposalList['status']
  n: number
  disposed: number
  proposed_by: string
  proposed_at: Date
  approved_by: string | null
  approved_at: Date | null
  completed_at: Date | null
  rejected_by: string | null
  rejected_at: Date | null
  rejection_reason: string | null
}

const LIST_COLUMNS = `l.id, l.controller_id, l.month, l.status, jsonb_array_length(l.items)::int AS n, l.proposed_by, l.proposed_at,
  l.approved_by, l.approved_at, l.completed_at, l.rejected_by, l.rejected_at, l.rejection_reason,
  (SELECT count(*)::int FROM disposal_records r WHERE r.list_id = l.id) AS disposed`

function listRow(r: ListRecord): DisposalListRow {
  return {
    id: r.id,
    controllerId: r.controller_id,
    month: r.month,
    status: r.status,
    itemCount: r.n,
    disposedCount: r.disposed,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    completedAt: r.completed_at,
    rejectedBy: r.rejected_by,
    rejectedAt: r.rejected_at,
    rejectionReason: r.rejection_reason,
  }
}

/**
 * The disposal lists of the actor's controllers, newest first (issue 11: each controller's lists are its own; a list
 * from before lists had a controller is shown only to those who work for every controller its cases belong to).
 */
export async function listDisposalLists(deps: AppDeps, actor: Actor): Promise<DisposalListRow[]> {
  requireAnyPermission(actor, DISPOSAL_READERS)
  const r = await deps.pool.query<ListRecord>(
    `SELECT ${LIST_COLUMNS} FROM disposal_lists l WHERE ${inScope('$1')} ORDER BY l.proposed_at DESC`,
    [controllerScope(actor)],
  )
  return r.rows.map(listRow)
}

export interface DisposalRecordRow {
  caseId: string
  reference: string
  caseType: string
  receivedOn: string
  closedOn: string | null
  outcome: string | null
  ruleId: string
  action: 'delete' | 'anonymise'
  authorisedBy: string
  disposedAt: Date
}

/** What happened to one case on a list: known exactly for disposals; for the rest, from the state when it ran. */
export type ItemResult =
  'pending' | 'disposed' | 'anonymised' | 'skipped-legal-hold' | 'skipped-not-due' | 'already-gone'

export interface DisposalListDetail extends DisposalListRow {
  items: (DisposalItem & { outcome: string | null; onHold: boolean; result: ItemResult })[]
  records: DisposalRecordRow[]
  /** Cases the authorising officer took off the list, with the reason (issue 14). */
  removed: RemovedDisposalItem[]
}

/** One list of the actor's controllers with what became of each case on it; another controller's is not found. */
export async function disposalListDetail(deps: AppDeps, actor: Actor, listId: string): Promise<DisposalListDetail> {
  requireAnyPermission(actor, DISPOSAL_READERS)
  const db = deps.pool
  const r = UUID_PATTERN.test(listId)
    ? await db.query<ListRecord & { items: DisposalItem[]; removed: RemovedDisposalItem[] }>(
        `SELECT ${LIST_COLUMNS}, l.items, l.removed FROM disposal_lists l WHERE l.id = $1`,
        [listId],
      )
    : null
  const row = r?.rows[0]
  if (!row) throw new DomainError('not-found', `no disposal list ${listId}`)
  // Refused as not found (and so audited as a refusal, authorise.ts) when the list is another controller's; a list
  // from before lists had a controller is its cases' controllers'.
  for (const c of row.controller_id ? [row.controller_id] : row.items.map((i) => i.controllerId))
    requireController(actor, c)
  const caseIds = row.items.map((i) => i.caseId)
  const [records, live, holds] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT case_id, reference, case_type, received_on::text, closed_on::text, outcome, rule_id, action, authorised_by,
         disposed_at, list_id FROM disposal_records WHERE case_id = ANY($1::uuid[]) ORDER BY reference`,
      [caseIds],
    ),
    db.query<{ id: string; outcome: string | null }>(
      "SELECT id, state->>'outcome' AS outcome FROM cases WHERE id = ANY($1::uuid[])",
      [caseIds],
    ),
    // A hold counts for the run if it stood when the run finished (a hold lifted since does not rewrite history).
    db.query<{ case_id: string; now_held: boolean; held_at_run: boolean }>(
      `SELECT case_id, bool_or(lifted_at IS NULL) AS now_held,
         bool_or($2::timestamptz IS NOT NULL AND placed_at <= $2 AND (lifted_at IS NULL OR lifted_at > $2)) AS held_at_run
       FROM legal_holds WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [caseIds, row.completed_at],
    ),
  ])
  const recordOf = new Map(records.rows.map((x) => [String(x.case_id), x]))
  const outcomeOf = new Map(live.rows.map((x) => [x.id, x.outcome]))
  const holdOf = new Map(holds.rows.map((x) => [x.case_id, x]))
  const resultOf = (item: DisposalItem): ItemResult => {
    const record = recordOf.get(item.caseId)
    if (record && record.list_id === row.id) return record.action === 'anonymise' ? 'anonymised' : 'disposed'
    if (row.status !== 'completed') return 'pending'
    if (record || !outcomeOf.has(item.caseId)) return 'already-gone'
    return holdOf.get(item.caseId)?.held_at_run ? 'skipped-legal-hold' : 'skipped-not-due'
  }
  return {
    ...listRow(row),
    removed: row.removed,
    items: row.items.map((item) => ({
      ...item,
      outcome: outcomeOf.get(item.caseId) ?? (recordOf.get(item.caseId)?.outcome as string | null) ?? null,
      onHold: holdOf.get(item.caseId)?.now_held ?? false,
      result: resultOf(item),
    })),
    records: records.rows
      .filter((x) => x.list_id === row.id)
      .map((x) => ({
        caseId: String(x.case_id),
        reference: String(x.reference),
        caseType: String(x.case_type),
        receivedOn: String(x.received_on),
        closedOn: (x.closed_on as string | null) ?? null,
        outcome: (x.outcome as string | null) ?? null,
        ruleId: String(x.rule_id),
        action: x.action as 'delete' | 'anonymise',
        authorisedBy: String(x.authorised_by),
        disposedAt: x.disposed_at as Date,
      })),
  }
}
