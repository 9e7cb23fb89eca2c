import { DomainError } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { canonicalJson } from '../../persistence/canonical-json.js'
import { listCaseDocuments, type DocumentRecord } from '../../persistence/repositories/document-repository.js'
import { decisionSnapshot } from '../disclosure/snapshot.js'

/** Why a file may go to the requester: the verified bundle of the current decisions, or a recorded decision. */
export type ReleaseBasis =
  | { kind: 'bundle'; runId: string; builtAt: Date; pageCount: number | null; redactionCount: number | null }
  | {
      kind: 'disclose-in-full'
      markingId: string
      reason: string
      thirdParty: 'none' | 'consent' | 'reasonable'
      thirdPartyDecision: string | null
      markedBy: string
      markedAt: Date
    }

export interface ReleasableFile {
  documentId: string
  filename: string
  sha256: string
  storageKey: string
  basis: ReleaseBasis
}

/** A file held on the case that is not offered, and why (shown so the DP manager knows where it went). */
export interface HeldBackFile {
  documentId: string
  filename: string
  why: string
}

export interface CaseReleasables {
  files: ReleasableFile[]
  heldBack: HeldBackFile[]
}

/** The one string an approval binds a file's basis to: a rebuilt bundle or a changed marking is a different basis. */
export function basisKey(b: ReleaseBasis): string {
  return b.kind === 'bundle' ? `bundle:${b.runId}` : `marking:${b.markingId}`
}

const WHY_NOT: Record<string, string> = {
  identity: 'Identity documents are never sent to the requester.',
  authority: 'Proof of authority is never sent to the requester.',
  letter: 'A letter already sent: letters are not attached to other letters.',
  response: 'An earlier response or a copy of what was sent: never attached again.',
  report: 'Not part of this case’s material.',
  certificate: 'Not part of this case’s material.',
}
const MATERIAL_WHY =
  'Material gathered for the case: it goes to the requester only in the verified bundle, or once it is marked “disclose in full”.'
/** Kinds a DP manager may mark "disclose in full" (never identity or authority documents, letters or bundles). */
export const MARKABLE_KINDS: readonly string[] = ['material', 'correspondence', 'original-request']

interface BundleRun {
  id: string
  result_document_id: string
  finished_at: Date
  page_count: number | null
  redaction_count: number | null
  snapshot: unknown
}

/**
 * The latest verified bundle of the case, if it was built from the decisions as they stand now. A bundle built
 * before a later one, or before a decision changed (a redaction accepted or rejected, a page withheld, new material
 * read), is superseded: what it contains is no longer what the DP manager decided.
 */
async function currentBundle(db: Queryable, caseId: string): Promise<{ run: BundleRun; current: boolean } | null> {
  const r = await db.query<BundleRun>(
    `SELECT id, result_document_id, finished_at, page_count, redaction_count, snapshot FROM disclosure_runs
      WHERE case_id = $1 AND kind = 'bundle' AND status = 'done' AND result_document_id IS NOT NULL
      ORDER BY finished_at DESC, requested_at DESC LIMIT 1`,
    [caseId],
  )
  const run = r.rows[0]
  if (!run) return null
  const now = await decisionSnapshot(db, caseId)
  return { run, current: canonicalJson(now) === canonicalJson(run.snapshot) }
}

interface MarkingRow {
  id: string
  document_id: string
  document_sha256: string
  reason: string
  third_party: 'none' | 'consent' | 'reasonable'
  third_party_decision: string | null
  marked_by: string
  marked_at: Date
}

export async function currentMarkings(db: Queryable, caseId: string): Promise<Map<string, MarkingRow>> {
  const r = await db.query<MarkingRow>(
    `SELECT id, document_id, document_sha256, reason, third_party, third_party_decision, marked_by, marked_at
       FROM release_markings WHERE case_id = $1 AND withdrawn_at IS NULL`,
    [caseId],
  )
  return new Map(r.rows.map((m) => [m.document_id, m]))
}

function markingBasis(m: MarkingRow): ReleaseBasis {
  return {
    kind: 'disclose-in-full',
    markingId: m.id,
    reason: m.reason,
    thirdParty: m.third_party,
    thirdPartyDecision: m.third_party_decision,
    markedBy: m.marked_by,
    markedAt: m.marked_at,
  }
}

function bundleWhy(d: DocumentRecord, bundle: { run: BundleRun; current: boolean } | null): string {
  if (bundle?.run.result_document_id === d.id) {
    return 'Built from decisions that have changed since (a redaction, a withheld page or new material): build the bundle again.'
  }
  if (d.contentType !== 'application/pdf') return 'A data file made with the bundle: not sent as a letter enclosure.'
  return 'An earlier bundle, superseded by a later one.'
}

/**
 * Everything that may go to the requester from this case, and everything else held with the reason it may not. The
 * only list "Draft the response" offers and the only one the release gate accepts (issue 10).
 */
export async function caseReleasables(db: Queryable, caseId: string): Promise<CaseReleasables> {
  const [documents, bundle, markings] = await Promise.all([
    listCaseDocuments(db, caseId),
    currentBundle(db, caseId),
    currentMarkings(db, caseId),
  ])
  const files: ReleasableFile[] = []
  const heldBack: HeldBackFile[] = []
  for (const d of documents) {
    if (d.purgedAt || !d.storageKey || !d.sha256) continue
    const held = (why: string) => heldBack.push({ documentId: d.id, filename: d.filename, why })
    const base = { documentId: d.id, filename: d.filename, sha256: d.sha256, storageKey: d.storageKey }
    if (d.kind === 'bundle') {
      if (bundle?.current && bundle.run.result_document_id === d.id) {
        const { run } = bundle
        files.push({
          ...base,
          basis: {
            kind: 'bundle',
            runId: run.id,
            builtAt: run.finished_at,
            pageCount: run.page_count,
            redactionCount: run.redaction_count,
          },
        })
      } else held(bundleWhy(d, bundle))
      continue
    }
    const marking = markings.get(d.id)
    if (MARKABLE_KINDS.includes(d.kind) && marking && d.contentType === 'application/pdf') {
      if (marking.document_sha256 === d.sha256) files.push({ ...base, basis: markingBasis(marking) })
      else held('Marked “disclose in full”, but the file has changed since: mark it again.')
      continue
    }
    held(WHY_NOT[d.kind] ?? MATERIAL_WHY)
  }
  return { files, heldBack }
}

/**
 * The files given, in the order given, if every one may go to the requester; otherwise a refusal naming each file
 * that may not and why (stable code `not-releasable`, a 422 problem in the API).
 */
export async function requireReleasable(
  db: Queryable,
  caseId: string,
  ids: readonly string[],
): Promise<ReleasableFile[]> {
  if (ids.length === 0) return []
  const { files, heldBack } = await caseReleasables(db, caseId)
  const byId = new Map(files.map((f) => [f.documentId, f]))
  const refused = ids.filter((id) => !byId.has(id))
  if (refused.length === 0) return ids.map((id) => byId.get(id)!)
  const held = new Map(heldBack.map((h) => [h.documentId, h]))
  const reasons = refused.map((id) => {
    const h = held.get(id)
    return h ? `${h.filename}: ${h.why}` : 'A file that is not held on this case.'
  })
  throw new DomainError('not-releasable', `attachments not releasable: ${refused.join(', ')}`, {
    userMessage: 'Only the verified disclosure bundle, or a document marked “disclose in full”, can be sent.',
    fields: { attachmentDocumentIds: reasons.join(' ') },
  })
}
