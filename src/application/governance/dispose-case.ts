import { clockOf, disposalDecision, localDateInLondon, statisticsOf } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { bundleRunsForDisposal } from '../../reporting/load.js'
import { BLOB_DELETE_QUEUE } from '../purge-documents.js'
import type { AppDeps } from '../deps.js'
import { DomainError } from '../../domain/index.js'
import { activeHoldCaseIds } from './legal-hold.js'
import { loadRetentionRules } from './retention-rules.js'
import type { DisposalItem, DisposalList } from './disposal-list.js'

export type DisposalOutcome = 'disposed' | 'already-gone' | 'skipped-legal-hold' | 'skipped-not-due'

/** Tables holding a case's personal data, all keyed by case_id; each is emptied for the case. */
const CASE_TABLES = [
  'case_messages',
  'search_tasks',
  'letters',
  'access_codes',
  'legal_holds',
  'redactions',
  'disclosure_withheld_pages',
  'disclosure_runs',
  'release_markings',
  // Issue 14: notifications about the case go with it.
  'staff_notifications',
] as const

/**
 * Destroys one case under an approved list: its documents (blobs and rows), messages, tasks and letters,
 * its snapshot, and the payloads of its audit events. What remains is the disposal record (statistics, no
 * personal data) and the audit chain, whose hashes still verify; a final CaseDisposed event lists every
 * event whose payload was removed, so the chain itself proves what was destroyed, when and on whose authority.
 */
export async function disposeCaseIn(
  tx: Tx,
  deps: AppDeps,
  list: DisposalList,
  item: DisposalItem,
): Promise<DisposalOutcome> {
  const r = await tx.query<{ state: CaseState }>('SELECT state FROM cases WHERE id = $1 FOR UPDATE', [item.caseId])
  const state = r.rows[0]?.state
  if (!state) return 'already-gone'
  // Issue 11: a list destroys only its own controller's cases, whatever its items say.
  if (state.controllerId !== list.controllerId) return 'skipped-not-due'
  const today = localDateInLondon(deps.clock.now())
  const onHold = (await activeHoldCaseIds(tx)).has(state.id)
  const decision = disposalDecision(state, await loadRetentionRules(tx), today, onHold)
  if (!decision.eligible) return decision.why === 'legal-hold' ? 'skipped-legal-hold' : 'skipped-not-due'

  const now = deps.clock.now()
  const asOf = state.response?.sentOn ?? today
  const statistics: Record<string, unknown> = {
    ...statisticsOf(state, clockOf(state, deps.calendar, deps.clockSettings, asOf)),
  }
  if (decision.rule.action === 'anonymise') statistics.timeline = await anonymisedTimeline(tx, state.id)
  // The exemption figures count redactions in finished disclosure bundles; keep those counts (no personal data).
  const bundleRuns = await bundleRunsForDisposal(tx, state.id)
  if (bundleRuns.length) statistics.bundleRuns = bundleRuns

  const docs = await tx.query<{ storage_key: string | null }>(
    'DELETE FROM documents WHERE case_id = $1 RETURNING storage_key',
    [state.id],
  )
  // Disclosure material: the prepared items and the redacted parts of bundle runs are blobs of their own.
  const parts = await tx.query<{ storage_key: string }>(
    'DELETE FROM disclosure_run_parts WHERE run_id IN (SELECT id FROM disclosure_runs WHERE case_id = $1) RETURNING storage_key',
    [state.id],
  )
  const items = await tx.query<{ storage_key: string }>(
    'DELETE FROM disclosure_items WHERE case_id = $1 RETURNING storage_key',
    [state.id],
  )
  const keys = [...docs.rows, ...parts.rows, ...items.rows]
    .map((d) => d.storage_key)
    .filter((k): k is string => k !== null)
  if (keys.length) await deps.jobs.enqueue(tx, BLOB_DELETE_QUEUE, { keys })
  for (const table of CASE_TABLES) await tx.query(`DELETE FROM ${table} WHERE case_id = $1`, [state.id])

  const redacted = await tx.query<{ seq: string }>(
    'UPDATE audit_events SET payload = NULL, redacted_at = $2 WHERE case_id = $1 AND payload IS NOT NULL RETURNING seq',
    [state.id, now.toISOString()],
  )
  const redactedSeqs = redacted.rows.map((row) => Number(row.seq)).sort((a, b) => a - b)
  await tx.query(
    `INSERT INTO disposal_records (case_id, reference, controller_id, case_type, "right", received_on, closed_on, outcome,
       statistics, rule_id, action, list_id, authorised_by, disposed_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      state.id,
      state.reference,
      state.controllerId,
      state.caseType,
      state.right ?? null,
      state.receivedOn,
      state.closedOn ?? null,
      state.outcome ?? null,
      JSON.stringify(statistics),
      decision.rule.id,
      decision.rule.action,
      list.id,
      list.approvedBy ?? 'unknown',
      now,
    ],
  )
  await tx.query('DELETE FROM cases WHERE id = $1', [state.id])
  const payload = {
    reference: state.reference,
    ruleId: decision.rule.id,
    action: decision.rule.action,
    listId: list.id,
    authorisedBy: list.approvedBy,
    redactedSeqs,
    documentsDeleted: docs.rowCount ?? 0,
  }
  await appendAudit(tx, [
    {
      caseId: state.id,
      actorId: 'system',
      occurredAt: now,
      command: 'DisposeCase',
      eventType: 'CaseDisposed',
      payload,
    },
  ])
  return 'disposed'
}

async function anonymisedTimeline(tx: Tx, caseId: string): Promise<{ event: string; on: string }[]> {
  const r = await tx.query<{ event_type: string; occurred_at: Date }>(
    "SELECT event_type, occurred_at FROM audit_events WHERE case_id = $1 AND event_type NOT IN ('CaseViewed') ORDER BY seq",
    [caseId],
  )
  return r.rows.map((row) => ({ event: row.event_type, on: localDateInLondon(row.occurred_at) }))
}

/** Runs an approved list, one transaction per case, then marks the list completed. Safe to run again. */
export async function runDisposalList(deps: AppDeps, listId: string): Promise<Record<DisposalOutcome, number>> {
  const r = await deps.pool.query(
    'SELECT id, controller_id, month, status, items, proposed_by, approved_by FROM disposal_lists WHERE id = $1',
    [listId],
  )
  const row = r.rows[0]
  if (!row) throw new DomainError('not-found', `disposal list ${listId}`)
  if (row.status !== 'approved' && row.status !== 'completed') {
    throw new DomainError('approval-required', `list ${listId} is ${row.status}`, {
      userMessage: 'Nothing is disposed of until the list is approved.',
    })
  }
  const list: DisposalList = {
    id: row.id,
    controllerId: row.controller_id,
    month: row.month,
    status: row.status,
    items: row.items,
    proposedBy: row.proposed_by,
    approvedBy: row.approved_by,
  }
  const counts: Record<DisposalOutcome, number> = {
    disposed: 0,
    'already-gone': 0,
    'skipped-legal-hold': 0,
    'skipped-not-due': 0,
  }
  for (const item of list.items)
    counts[await withTransaction(deps.pool, (tx) => disposeCaseIn(tx, deps, list, item))] += 1
  await withTransaction(deps.pool, async (tx) => {
    await tx.query("UPDATE disposal_lists SET status = 'completed', completed_at = $2 WHERE id = $1", [
      listId,
      deps.clock.now(),
    ])
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: 'system',
        occurredAt: deps.clock.now(),
        command: 'RunDisposalList',
        eventType: 'DisposalListCompleted',
        payload: { listId, ...counts },
      },
    ])
  })
  return counts
}
