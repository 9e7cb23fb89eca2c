import type { Proposal } from '../../disclosure/review/index.js'
import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { disclosureCase } from './case-access.js'
import { checkCode, checkReason, itemsIn } from './decision-input.js'
import { insertProposals } from './redaction-rows.js'
import { reviewEngine } from './review-engine.js'

export type Decision = 'accepted' | 'rejected'

/** What a reviewer may do to one redaction: decide it, or undo a decision and put it back to proposed (issue 14). */
export type SingleDecision = Decision | 'proposed'

/** One redaction as it stands after a decision, and how many proposals its page still has (the workbench's JSON). */
export interface DecidedRedaction {
  id: string
  status: SingleDecision
  version: number
  exemptionCode: string
  proposedOnPage: number
}

/**
 * One decision on one redaction, only if nobody changed it since the reviewer saw it (`version`): two people
 * working on one case never overwrite each other unseen. A stale decision is refused with what the other decided.
 */
export async function decideRedaction(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  redactionId: string,
  input: { decision: SingleDecision; exemptionCode: string; reason?: string; version: number },
): Promise<DecidedRedaction> {
  const reason = checkReason(input.reason)
  // Undoing a decision leaves the redaction as it was proposed: nobody has decided it.
  const undo = input.decision === 'proposed'
  return withTransaction(deps.pool, async (tx) => {
    checkCode(input.exemptionCode, await disclosureCase(tx, actor, caseId))
    const r = await tx.query<{ version: number; item_id: string; page: number }>(
      `UPDATE redactions SET status = $3, exemption_code = $4, reason = $5, decided_by = $6, decided_at = $7,
         version = version + 1
       WHERE id = $1 AND case_id = $2 AND version = $8 RETURNING version, item_id, page`,
      [
        redactionId,
        caseId,
        input.decision,
        input.exemptionCode,
        reason,
        undo ? null : auditActorId(actor),
        undo ? null : deps.clock.now(),
        input.version,
      ],
    )
    if (r.rowCount === 0) {
      const now = await tx.query<{ status: string; decided_by: string | null }>(
        'SELECT status, decided_by FROM redactions WHERE id = $1 AND case_id = $2',
        [redactionId, caseId],
      )
      if (!now.rows[0]) throw new DomainError('not-found', `redaction ${redactionId} not found`)
      throw new DomainError(
        'conflict',
        `Someone else changed this redaction while you were looking at it (it is now ${now.rows[0].status}). Your decision was not saved: look at the page again and decide.`,
      )
    }
    const eventType = { accepted: 'RedactionAccepted', rejected: 'RedactionRejected', proposed: 'RedactionUndone' }
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'DecideRedaction',
      eventType: eventType[input.decision],
      payload: { redactionId, exemptionCode: input.exemptionCode, reason },
    })
    const row = r.rows[0]!
    const left = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM redactions WHERE case_id = $1 AND item_id = $2 AND page = $3 AND status = 'proposed'",
      [caseId, row.item_id, row.page],
    )
    return {
      id: redactionId,
      status: input.decision,
      version: row.version,
      exemptionCode: input.exemptionCode,
      proposedOnPage: left.rows[0]?.n ?? 0,
    }
  })
}

/**
 * Accept or reject many at once: every proposal on a page, in a document, or every occurrence of the same text in
 * the case. Only proposals still undecided are touched, so one reviewer's "accept all" never undoes another's
 * explicit decision.
 */
export async function decideMany(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  scope: { itemId?: string; page?: number; sameTextAs?: string },
  input: { decision: Decision; exemptionCode: string; reason?: string },
): Promise<number> {
  const reason = checkReason(input.reason)
  return withTransaction(deps.pool, async (tx) => {
    checkCode(input.exemptionCode, await disclosureCase(tx, actor, caseId))
    const r = await tx.query(
      `UPDATE redactions SET status = $2, exemption_code = $3, reason = $4, decided_by = $5, decided_at = $6,
         version = version + 1
       WHERE case_id = $1 AND status = 'proposed'
         AND ($7::uuid IS NULL OR item_id = $7) AND ($8::int IS NULL OR page = $8)
         AND ($9::uuid IS NULL OR lower(regexp_replace(text, '\\s+', '', 'g')) =
               (SELECT lower(regexp_replace(text, '\\s+', '', 'g')) FROM redactions WHERE id = $9 AND case_id = $1))`,
      [
        caseId,
        input.decision,
        input.exemptionCode,
        reason,
        auditActorId(actor),
        deps.clock.now(),
        scope.itemId ?? null,
        scope.page ?? null,
        scope.sameTextAs ?? null,
      ],
    )
    const count = r.rowCount ?? 0
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'DecideRedactions',
      eventType: input.decision === 'accepted' ? 'RedactionsAccepted' : 'RedactionsRejected',
      payload: { ...scope, count, exemptionCode: input.exemptionCode, reason },
    })
    return count
  })
}

/**
 * Redacts a string found by searching (works without JavaScript) or selected on the page: every occurrence in the
 * chosen page, document or the whole case, accepted at once, except where a box already covers it.
 */
export async function redactText(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: {
    text: string
    itemId?: string
    page?: number
    exemptionCode: string
    reason?: string
    source: 'search' | 'selection'
  },
): Promise<number> {
  const text = input.text.trim()
  if (text.replace(/\s+/g, '').length < 2)
    throw new DomainError('validation', 'search too short', {
      fields: { text: 'Enter at least 2 characters to find and redact' },
    })
  if (text.length > 200)
    throw new DomainError('validation', 'search too long', { fields: { text: 'Enter 200 characters or fewer' } })
  const reason = checkReason(input.reason)
  checkCode(input.exemptionCode, await disclosureCase(deps.pool, actor, caseId))
  const items = await itemsIn(deps.pool, caseId, input.itemId)
  const found: { itemId: string; proposals: Proposal[] }[] = []
  const { searchItem } = await reviewEngine()
  for (const item of items) {
    const pdf = new Uint8Array(await deps.blobs.get(item.storage_key))
    const hits = searchItem(pdf, text, input.page ? [input.page] : undefined)
    const existing = await deps.pool.query<{ page: number; rects: [number, number, number, number][] }>(
      "SELECT page, rects FROM redactions WHERE item_id = $1 AND status = 'accepted'",
      [item.id],
    )
    const fresh = hits.filter((h) => !existing.rows.some((e) => e.page === h.page && sameBoxes(e.rects, h.rects)))
    if (fresh.length) found.push({ itemId: item.id, proposals: fresh })
  }
  const total = found.reduce((n, f) => n + f.proposals.length, 0)
  if (total === 0)
    throw new DomainError('validation', 'not found', {
      fields: { text: `"${text}" was not found (or is already redacted)` },
    })
  await withTransaction(deps.pool, async (tx) => {
    await disclosureCase(tx, actor, caseId)
    for (const f of found)
      await insertProposals(tx, deps, caseId, f.itemId, f.proposals, {
        source: input.source,
        status: 'accepted',
        exemptionCode: input.exemptionCode,
        createdBy: auditActorId(actor),
        ...(reason ? { reason } : {}),
      })
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'AddRedaction',
      eventType: 'RedactionsAdded',
      payload: {
        source: input.source,
        itemId: input.itemId ?? null,
        page: input.page ?? null,
        count: total,
        exemptionCode: input.exemptionCode,
      },
    })
  })
  return total
}

/** A box drawn on the page (an image, a signature, a photo): accepted at once, with whatever text lies under it. */
export async function redactBox(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: {
    itemId: string
    page: number
    rect: [number, number, number, number]
    exemptionCode: string
    reason?: string
  },
): Promise<void> {
  const reason = checkReason(input.reason)
  const [x0, y0, x1, y1] = input.rect
  if (!input.rect.every(Number.isFinite) || x1 - x0 < 2 || y1 - y0 < 2)
    throw new DomainError('validation', 'box too small', { fields: { rect: 'Draw a box over what should be removed' } })
  checkCode(input.exemptionCode, await disclosureCase(deps.pool, actor, caseId))
  const [item] = await itemsIn(deps.pool, caseId, input.itemId)
  if (!item || input.page < 1 || input.page > item.page_count) throw new DomainError('not-found', 'no such page')
  const pdf = new Uint8Array(await deps.blobs.get(item.storage_key))
  const { pageSize, eachTextLayer, textUnder } = await reviewEngine()
  // A box off the page would redact nothing while the schedule claims a redaction: refuse it (1pt of slack).
  const size = pageSize(pdf, input.page)
  if (x0 < -1 || y0 < -1 || x1 > size.width + 1 || y1 > size.height + 1)
    throw new DomainError('validation', 'box off the page', { fields: { rect: 'Draw the box on the page' } })
  let text = ''
  eachTextLayer(pdf, (layer) => (text = textUnder(layer, input.rect)), [input.page])
  await withTransaction(deps.pool, async (tx) => {
    await disclosureCase(tx, actor, caseId)
    await insertProposals(
      tx,
      deps,
      caseId,
      item.id,
      [{ page: input.page, rects: [input.rect], text, type: 'AREA', recogniser: 'reviewer', score: 1 }],
      {
        source: 'box',
        status: 'accepted',
        exemptionCode: input.exemptionCode,
        createdBy: auditActorId(actor),
        ...(reason ? { reason } : {}),
      },
    )
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'AddRedaction',
      eventType: 'RedactionsAdded',
      payload: { source: 'box', itemId: item.id, page: input.page, count: 1, exemptionCode: input.exemptionCode },
    })
  })
}

function sameBoxes(a: readonly number[][], b: readonly number[][]): boolean {
  return a.length === b.length && a.every((r, i) => r.every((n, k) => Math.abs(n - (b[i]![k] ?? NaN)) < 0.5))
}
