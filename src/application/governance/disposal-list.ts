import { randomUUID } from 'node:crypto'
import { DomainError, disposalDecision, localDateInLondon } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { activeHoldCaseIds } from './legal-hold.js'
import { loadRetentionRules } from './retention-rules.js'

export const DISPOSAL_QUEUE = 'disposal-run'

export interface DisposalItem {
  caseId: string
  reference: string
  caseType: string
  controllerId: string
  endedOn: string
  ruleId: string
  action: 'delete' | 'anonymise'
  retainUntil: string
}

export interface DisposalList {
  id: string
  month: string
  status: 'proposed' | 'approved' | 'completed' | 'rejected'
  items: DisposalItem[]
  proposedBy: string
  approvedBy: string | null
}

/**
 * Proposes this month's disposal list: every ended case past its retention date with no legal hold.
 * Nothing is destroyed until an authorising officer approves the list (approveDisposalList).
 */
export async function proposeDisposalList(deps: AppDeps, actor: Actor, month: string): Promise<DisposalList> {
  requirePermission(actor, 'retention:propose')
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new DomainError('validation', 'bad month', { fields: { month: 'Enter a month as YYYY-MM' } })
  const today = localDateInLondon(deps.clock.now())
  return withTransaction(deps.pool, async (tx) => {
    const rules = await loadRetentionRules(tx)
    const holds = await activeHoldCaseIds(tx)
    const ended = await tx.query<{ state: CaseState }>(
      "SELECT state FROM cases WHERE status IN ('closed','withdrawn') ORDER BY reference",
    )
    const items: DisposalItem[] = []
    for (const { state } of ended.rows) {
      const d = disposalDecision(state, rules, today, holds.has(state.id))
      if (!d.eligible) continue
      const endedOn = state.closedOn ?? state.withdrawal?.on ?? state.receivedOn
      items.push({
        caseId: state.id,
        reference: state.reference,
        caseType: state.caseType,
        controllerId: state.controllerId,
        endedOn,
        ruleId: d.rule.id,
        action: d.rule.action,
        retainUntil: d.retainUntil,
      })
    }
    const list: DisposalList = {
      id: randomUUID(),
      month,
      status: 'proposed',
      items,
      proposedBy: auditActorId(actor),
      approvedBy: null,
    }
    await tx.query(
      'INSERT INTO disposal_lists (id, month, status, items, proposed_by, proposed_at) VALUES ($1,$2,$3,$4,$5,$6)',
      [list.id, month, list.status, JSON.stringify(items), list.proposedBy, deps.clock.now()],
    )
    const payload = { listId: list.id, month, references: items.map((i) => i.reference) }
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: list.proposedBy,
        occurredAt: deps.clock.now(),
        command: 'ProposeDisposalList',
        eventType: 'DisposalListProposed',
        payload,
      },
    ])
    return list
  })
}

/**
 * The authorising officer approves the list (four eyes: never the officer who proposed it). Disposal then
 * runs as a job queued in the same transaction.
 */
export async function approveDisposalList(deps: AppDeps, actor: Actor, listId: string): Promise<void> {
  requirePermission(actor, 'retention:approve')
  await withTransaction(deps.pool, async (tx) => {
    const r = await tx.query<{ status: string; proposed_by: string }>(
      'SELECT status, proposed_by FROM disposal_lists WHERE id = $1 FOR UPDATE',
      [listId],
    )
    const row = r.rows[0]
    if (!row) throw new DomainError('not-found', `disposal list ${listId}`)
    if (row.status !== 'proposed')
      throw new DomainError('conflict', `list is ${row.status}`, { userMessage: 'This list has already been decided.' })
    if (row.proposed_by === auditActorId(actor)) {
      throw new DomainError('four-eyes', 'proposer cannot approve', {
        userMessage: 'A disposal list must be approved by someone other than the person who proposed it.',
      })
    }
    const now = deps.clock.now()
    await tx.query("UPDATE disposal_lists SET status = 'approved', approved_by = $2, approved_at = $3 WHERE id = $1", [
      listId,
      auditActorId(actor),
      now,
    ])
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: now,
        command: 'ApproveDisposalList',
        eventType: 'DisposalListApproved',
        payload: { listId },
      },
    ])
    await deps.jobs.enqueue(tx, DISPOSAL_QUEUE, { listId })
  })
}

export async function findDisposalList(deps: AppDeps, listId: string): Promise<DisposalList | null> {
  const r = await deps.pool.query(
    'SELECT id, month, status, items, proposed_by, approved_by FROM disposal_lists WHERE id = $1',
    [listId],
  )
  const row = r.rows[0]
  if (!row) return null
  return {
    id: row.id,
    month: row.month,
    status: row.status,
    items: row.items,
    proposedBy: row.proposed_by,
    approvedBy: row.approved_by,
  }
}
