import { DomainError } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import type { DisposalItem } from './disposal-list.js'

/** A case taken off a list before approval, with who took it off, when and why (issue 14). */
export interface RemovedDisposalItem extends DisposalItem {
  reason: string
  removedBy: string
  removedAt: string
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Both decisions need a reason a later reader can follow: disposal is the end of a record's life (UK GDPR Art 5(1)(e),
 * Art 5(2) accountability), so keeping one longer than the schedule says must be explained as much as destroying it.
 */
function reasonOf(reason: string): string {
  const trimmed = reason.trim()
  if (!trimmed)
    throw new DomainError('validation', 'no reason', { fields: { reason: 'Enter the reason for your decision' } })
  if (trimmed.length > 2000)
    throw new DomainError('validation', 'reason too long', {
      fields: { reason: 'The reason must be 2,000 characters or fewer' },
    })
  return trimmed
}

interface OpenList {
  items: DisposalItem[]
  removed: RemovedDisposalItem[]
  month: string
  controllerId: string
}

/** The list, locked, if the actor's controller owns it and it still waits for a decision. */
async function openList(tx: Queryable, actor: Actor, listId: string): Promise<OpenList> {
  const r = UUID_PATTERN.test(listId)
    ? await tx.query<{
        status: string
        controller_id: string | null
        items: DisposalItem[]
        removed: RemovedDisposalItem[]
        month: string
        proposed_by: string
      }>(
        'SELECT status, controller_id, items, removed, month, proposed_by FROM disposal_lists WHERE id = $1 FOR UPDATE',
        [listId],
      )
    : null
  const row = r?.rows[0]
  if (!row) throw new DomainError('not-found', `disposal list ${listId}`)
  // A list with no controller mixes organisations' records (issue 11): it is the concern of every one of them.
  for (const c of row.controller_id ? [row.controller_id] : row.items.map((i) => i.controllerId))
    requireController(actor, c)
  if (row.status !== 'proposed')
    throw new DomainError('conflict', `list is ${row.status}`, { userMessage: 'This list has already been decided.' })
  // Four eyes, as for approval: whoever proposed the list does not also decide what happens to it.
  if (row.proposed_by === auditActorId(actor))
    throw new DomainError('four-eyes', 'proposer cannot decide', {
      userMessage: 'Someone other than the person who proposed this list must decide on it.',
    })
  return { items: row.items, removed: row.removed, month: row.month, controllerId: row.controller_id ?? '' }
}

/**
 * The authorising officer refuses a proposed list, with a reason (issue 14). Nothing on it is disposed of; the DP
 * manager can propose a new list once the reason is dealt with.
 */
export async function rejectDisposalList(deps: AppDeps, actor: Actor, listId: string, reason: string): Promise<void> {
  requirePermission(actor, 'retention:approve')
  await withTransaction(deps.pool, async (tx) => {
    // The list's controller is checked before anything is said about the input (issue 11: nothing leaks).
    const list = await openList(tx, actor, listId)
    const why = reasonOf(reason)
    const now = deps.clock.now()
    const who = auditActorId(actor)
    await tx.query(
      `UPDATE disposal_lists SET status = 'rejected', rejected_by = $2, rejected_at = $3, rejection_reason = $4
       WHERE id = $1`,
      [listId, who, now, why],
    )
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: who,
        occurredAt: now,
        command: 'RejectDisposalList',
        eventType: 'DisposalListRejected',
        payload: { listId, controllerId: list.controllerId, month: list.month, reason: why },
      },
    ])
  })
}

/**
 * The authorising officer takes one case off a proposed list, with a reason (issue 14): it stays as it is and the
 * rest of the list can still be approved. The case's own record says it was kept and why, so whoever next proposes a
 * list sees it.
 */
export async function removeFromDisposalList(
  deps: AppDeps,
  actor: Actor,
  listId: string,
  caseId: string,
  reason: string,
): Promise<RemovedDisposalItem> {
  requirePermission(actor, 'retention:approve')
  return withTransaction(deps.pool, async (tx) => {
    const list = await openList(tx, actor, listId)
    const why = reasonOf(reason)
    const item = list.items.find((i) => i.caseId === caseId)
    // Already taken off (a second click, a stale page) or never on it: say so on the list.
    if (!item)
      throw new DomainError('conflict', `case ${caseId} is not on list ${listId}`, {
        userMessage: 'This case is not on the list any more.',
      })
    const now = deps.clock.now()
    const who = auditActorId(actor)
    const removed: RemovedDisposalItem = { ...item, reason: why, removedBy: who, removedAt: now.toISOString() }
    await tx.query('UPDATE disposal_lists SET items = $2, removed = $3 WHERE id = $1', [
      listId,
      JSON.stringify(list.items.filter((i) => i.caseId !== caseId)),
      JSON.stringify([...list.removed, removed]),
    ])
    await appendAudit(tx, [
      {
        caseId,
        actorId: who,
        occurredAt: now,
        command: 'RemoveFromDisposalList',
        eventType: 'DisposalListCaseRemoved',
        payload: { listId, month: list.month, reference: item.reference, reason: why },
      },
    ])
    return removed
  })
}
