import { randomUUID } from 'node:crypto'
import { DomainError, type CaseState } from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { findDocument, type DocumentRecord } from '../../persistence/repositories/document-repository.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { isCommonWord, secretsOfCase } from './case-secrets.js'
import { MARKABLE_KINDS } from './releasable-files.js'
import { findRedactedText } from './text-check.js'

export type ThirdPartyBasis = 'none' | 'consent' | 'reasonable'

export interface MarkingInput {
  reason: string
  thirdParty: string
  thirdPartyDecision: string
}

function validated(input: MarkingInput): { reason: string; thirdParty: ThirdPartyBasis; decision: string | null } {
  const fields: Record<string, string> = {}
  const reason = input.reason.trim()
  if (reason.length < 10 || reason.length > 2000) fields.reason = 'Say why this document can be disclosed in full'
  const thirdParty = input.thirdParty as ThirdPartyBasis
  if (!['none', 'consent', 'reasonable'].includes(thirdParty))
    fields.thirdParty = 'Say whether the document holds information about anyone other than the requester'
  const decision = input.thirdPartyDecision.trim()
  if (thirdParty !== 'none' && !fields.thirdParty && (decision.length < 10 || decision.length > 4000))
    fields.thirdPartyDecision =
      thirdParty === 'consent'
        ? 'Record who consented, when and how'
        : 'Record why it is reasonable to disclose it without their consent'
  if (Object.keys(fields).length) throw new DomainError('validation', 'marking', { fields })
  return { reason, thirdParty, decision: thirdParty === 'none' ? null : decision }
}

async function markableDocument(tx: Tx, state: CaseState, documentId: string): Promise<DocumentRecord> {
  const doc = /^[0-9a-f-]{36}$/i.test(documentId) ? await findDocument(tx, documentId) : null
  if (!doc || doc.caseId !== state.id || !doc.storageKey || !doc.sha256 || doc.purgedAt) {
    throw new DomainError('not-found', `no document ${documentId} on case ${state.id}`)
  }
  if (!MARKABLE_KINDS.includes(doc.kind)) {
    throw new DomainError('not-releasable', `${doc.kind} cannot be marked`, {
      userMessage: 'Only material, correspondence or the original request can be marked to disclose in full.',
    })
  }
  if (doc.contentType !== 'application/pdf') {
    throw new DomainError('validation', 'not a PDF', {
      fields: {
        reason:
          'Only a PDF can be sent as it is. Read this file in the disclosure workbench and send it in the bundle.',
      },
    })
  }
  return doc
}

/**
 * "Nothing about anyone else" must be true: refused when the workbench proposed redactions in this document, or when
 * its text holds a string the case redacted elsewhere. The DP manager then records the basis, or uses the bundle.
 */
async function requireNoOthers(deps: AppDeps, tx: Tx, state: CaseState, doc: DocumentRecord): Promise<void> {
  const found = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM redactions r JOIN disclosure_items i ON i.id = r.item_id
      WHERE i.source_document_id = $1 AND r.status <> 'rejected'`,
    [doc.id],
  )
  const proposed = found.rows[0]?.n ?? 0
  const secrets = await secretsOfCase(tx, state)
  // The PDF engine (MuPDF, WebAssembly) loads when a document is first checked, not with the web server (issue 12).
  const { readPageTexts } = await import('../../disclosure/pdf/index.js')
  const pages = secrets.length ? readPageTexts(new Uint8Array(await deps.blobs.get(doc.storageKey!))) : []
  const texts = pages.map((text, i) => ({ place: `page ${i + 1}`, field: 'thirdParty', text }))
  const hits = findRedactedText(texts, secrets, isCommonWord)
  if (proposed === 0 && hits.length === 0) return
  const where = hits.length
    ? `it names “${hits[0]!.found}” (${hits[0]!.place}), which this case redacted elsewhere`
    : `the disclosure workbench found ${proposed} item${proposed === 1 ? '' : 's'} of other people’s information in it`
  throw new DomainError('validation', 'document holds third-party data', {
    fields: {
      thirdParty: `This document is not only about the requester: ${where}. Record on what basis it is disclosed, or send it in the bundle instead.`,
    },
  })
}

/**
 * Marks a document of the case "disclose in full" (issue 10): with a reason and, where it holds other people's
 * information, the decision that allows disclosing it (their consent, or that it is reasonable without it: DPA 2018
 * Sch 2 para 16(1)). Marking again replaces the old marking, so an approval bound to the old one no longer matches.
 */
export async function markDiscloseInFull(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  documentId: string,
  input: MarkingInput,
): Promise<void> {
  requirePermission(actor, 'case:draft')
  const v = validated(input)
  await withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    const doc = await markableDocument(tx, state, documentId)
    if (v.thirdParty === 'none') await requireNoOthers(deps, tx, state, doc)
    await endMarking(tx, deps, actor, documentId)
    const id = randomUUID()
    await tx.query(
      `INSERT INTO release_markings (id, case_id, document_id, document_sha256, reason, third_party,
         third_party_decision, marked_by, marked_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, caseId, doc.id, doc.sha256, v.reason, v.thirdParty, v.decision, `user:${actor.id}`, deps.clock.now()],
    )
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'MarkDiscloseInFull',
      eventType: 'DocumentMarkedDiscloseInFull',
      payload: { documentId: doc.id, markingId: id, filename: doc.filename, thirdParty: v.thirdParty },
    })
  })
}

async function endMarking(tx: Tx, deps: AppDeps, actor: Actor, documentId: string): Promise<number> {
  const r = await tx.query(
    'UPDATE release_markings SET withdrawn_at = $2, withdrawn_by = $3 WHERE document_id = $1 AND withdrawn_at IS NULL',
    [documentId, deps.clock.now(), `user:${actor.id}`],
  )
  return r.rowCount ?? 0
}

/** Withdraws a marking: the document is no longer offered, and an approval that included it no longer matches. */
export async function withdrawDiscloseInFull(deps: AppDeps, actor: Actor, caseId: string, documentId: string) {
  requirePermission(actor, 'case:draft')
  await withTransaction(deps.pool, async (tx) => {
    await caseInScope(tx, actor, caseId, { forUpdate: true })
    const doc = /^[0-9a-f-]{36}$/i.test(documentId) ? await findDocument(tx, documentId) : null
    if (!doc || doc.caseId !== caseId) throw new DomainError('not-found', `no document ${documentId}`)
    if ((await endMarking(tx, deps, actor, documentId)) === 0) return
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'WithdrawDiscloseInFull',
      eventType: 'DiscloseInFullWithdrawn',
      payload: { documentId, filename: doc.filename },
    })
  })
}
