import { randomUUID } from 'node:crypto'
import { DomainError, disposalDecision, localDateInLondon } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
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
  /** Null only on a list proposed before lists had a controller (it cannot be approved: propose it again). */
  controllerId: string | null
  month: string
  status: 'proposed' | 'approved' | 'completed' | 'rejected'
  items: DisposalItem[]
  proposedBy: string
  approvedBy: string | null
}

/**
 * The controller a list is for: the one named, or the actor's only one. Each controller decides about its own records
 * (UK GDPR Art 5(1)(e), Art 24): issue 11 found an OPCC officer's list destroying the force's cases.
 */
function listController(actor: Actor, controllerId: string | undefined): string {
  const chosen = controllerId || (actor.controllerIds?.length === 1 ? actor.controllerIds[0] : undefined)
  if (!chosen)
    throw new DomainError('validation', 'no controller for the disposal list', {
      fields: { controllerId: 'Choose the organisation whose records the list is for' },
    })
  requireController(actor, chosen)
  return chosen
}

/**
 * Proposes this month's disposal list for one controller: every ended case of that controller past its retention date
 * with no legal hold. Nothing is destroyed until an authorising officer of the same controller approves the list
 * (approveDisposalList).
 */
export async function proposeDisposalList(
  deps: AppDeps,
  actor: Actor,
  month: string,
  controllerId?: string,
): Promise<DisposalList> {
  requirePermission(actor, 'retention:propose')
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new DomainError('validation', 'bad month', { fields: { month: 'Enter a month as YYYY-MM' } })
  const controller = listController(actor, controllerId)
  const today = localDateInLondon(deps.clock.now())
  return withTransaction(deps.pool, async (tx) => {
    const rules = await loadRetentionRules(tx)
    const holds = await activeHoldCaseIds(tx)
    const ended = await tx.query<{ state: CaseState }>(
      "SELECT state FROM cases WHERE status IN ('closed','withdrawn') AND controller_id = $1 ORDER BY reference",
      [controller],
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
      controllerId: controller,
      month,
      status: 'proposed',
      items,
      proposedBy: auditActorId(actor),
      approvedBy: null,
    }
    await tx.query(
      `INSERT INTO disposal_lists (id, controller_id, month, status, items, proposed_by, proposed_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [list.id, controller, month, list.status, JSON.stringify(items), list.proposedBy, deps.clock.now()],
    )
    const payload = { listId: list.id, controllerId: controller, month, references: items.map((i) => i.reference) }
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
 * The authorising officer approves the list (four eyes: never the officer who proposed it). Both must work for the
 * list's controller (issue 11); a list of another controller is reported as not found. Disposal then runs as a job
 * queued in the same transaction.
 */
export async function approveDisposalList(deps: AppDeps, actor: Actor, listId: string): Promise<void> {
  requirePermission(actor, 'retention:approve')
  await withTransaction(deps.pool, async (tx) => {
    const r = await tx.query<{ status: string; proposed_by: string; controller_id: string | null }>(
      'SELECT status, proposed_by, controller_id FROM disposal_lists WHERE id = $1 FOR UPDATE',
      [listId],
    )
    const row = r.rows[0]
    if (!row) throw new DomainError('not-found', `disposal list ${listId}`)
    if (row.controller_id === null)
      throw new DomainError('conflict', `list ${listId} has no controller`, {
        userMessage: 'This list mixes organisations’ records. Propose a new list for each organisation instead.',
      })
    requireController(actor, row.controller_id)
    if (row.status !== 'proposed')
      throw new DomainError('conflict', `list is ${row.status}`, { userMessage: 'This list has already been decided.' })
    if (row.proposed_by === auditActorId(actor)) {
      throw new DomainError('four-eyes', 'proposer cannot approve', {
        userMessage: 'A disposal list must be approved by someone other than the person who proposed it.',
      })
    }
    await requireProposerHolds(tx, row.proposed_by, row.controller_id)
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

/** The officer who proposed a list must still work for its controller when it is approved (four eyes, one controller). */
async function requireProposerHolds(tx: Queryable, proposedBy: string, controllerId: string): Promise<void> {
  const userId = /^user:(.+)$/.exec(proposedBy)?.[1] ?? ''
  const r = await tx.query('SELECT 1 FROM users WHERE id::text = $1 AND NOT disabled AND $2 = ANY(controller_ids)', [
    userId,
    controllerId,
  ])
  if (r.rowCount === 0)
    throw new DomainError('conflict', `proposer ${proposedBy} no longer works for ${controllerId}`, {
      userMessage: 'The officer who proposed this list no longer works for this organisation. Propose the list again.',
    })
}

export async function findDisposalList(deps: AppDeps, listId: string): Promise<DisposalList | null> {
  const r = await deps.pool.query(
    'SELECT id, controller_id, month, status, items, proposed_by, approved_by FROM disposal_lists WHERE id = $1',
    [listId],
  )
  const row = r.rows[0]
  if (!row) return null
  return {
    id: row.id,
    controllerId: row.controller_id,
    month: row.month,
    status: row.status,
    items: row.items,
    proposedBy: row.proposed_by,
    approvedBy: row.approved_by,
  }
}
