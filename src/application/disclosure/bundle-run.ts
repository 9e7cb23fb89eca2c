import type { DetectedSpan } from '../../disclosure/detect/types.js'
import { releaseEngineCaches, type Rect } from '../../disclosure/pdf/index.js'
import { titleNeedles } from '../../disclosure/bundle/index.js'
import { buildNeedles, foldNeedle } from '../../disclosure/redact/index.js'
import { assembleReviewedBundle, RedactionNotAppliedError, type RedactedPart } from '../../disclosure/review/index.js'
import { inOrder } from '../../disclosure/threads/in-order.js'
import { disclosurePool } from '../../disclosure/threads/pool.js'
import type { RedactionKind, Survivor } from '../../disclosure/redact/index.js'
import { formatLongDate, localDateInLondon, type CaseState } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { SYSTEM_ACTOR } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { BLOB_DELETE_QUEUE } from '../purge-documents.js'
import { storeDocumentIn } from '../store-document.js'
import { proposalExemption, protectedStrings, subjectIdentifiers } from './case-access.js'
import { findRun, updateRun } from './runs.js'
import type { DecisionSnapshot, SnapshotItem } from './snapshot.js'

/** Redactions made to remove information wherever it is: their text must not survive anywhere in the bundle. */
const EVERYWHERE_SOURCES = new Set(['detected', 'search', 'selection'])

/**
 * The bundle job. Stage 1 redacts item by item; each finished item is stored as a part (blob + row) together with
 * the progress counter, so a worker killed mid-build resumes after the last finished item, never redoing or
 * repeating one. Stage 2 assembles the parts in the snapshot's order (cover, contents, documents, schedule, stamps)
 * and verifies the file with three extractors; only a verified bundle is stored, as a 'bundle' document of the case.
 */
export async function runBundle(deps: AppDeps, runId: string): Promise<void> {
  const run = await findRun(deps.pool, runId)
  if (!run || run.kind !== 'bundle' || run.status === 'done' || run.status === 'failed') return
  const head = await deps.pool.query<{
    snapshot: DecisionSnapshot
    state: CaseState | null
    controller: string | null
  }>(
    `SELECT r.snapshot, c.state, k.name AS controller FROM disclosure_runs r
       LEFT JOIN cases c ON c.id = r.case_id LEFT JOIN controllers k ON k.id = c.controller_id WHERE r.id = $1`,
    [runId],
  )
  const { snapshot, state, controller } = head.rows[0]!
  if (!state) return updateRun(deps.pool, runId, { status: 'failed', error: 'the case no longer exists' })
  await deps.pool.query(
    `UPDATE disclosure_runs SET status = 'running', stage = 'redact', attempts = attempts + 1,
       started_at = coalesce(started_at, $2) WHERE id = $1`,
    [runId, deps.clock.now()],
  )
  try {
    await redactParts(deps, runId, snapshot)
  } catch (err) {
    if (!(err instanceof RedactionNotAppliedError)) throw err
    return fail(deps, runId, run.caseId, err.message)
  }
  await updateRun(deps.pool, runId, { stage: 'assemble' })
  const parts = await loadParts(deps, runId, snapshot)
  const bundle = await assembleReviewedBundle(parts, {
    reference: state.reference,
    controllerName: controller ?? state.controllerId,
    date: formatLongDate(localDateInLondon(deps.clock.now())),
    needles: needlesOf(snapshot, protectedStrings(state)),
    titleNeedles: titlesOf(snapshot, state),
    // On a Part 3 case a name removed from the contents list cites s.45(4)(e), like the rest of the bundle.
    defaultExemption: proposalExemption(state),
    route: state.route,
    // A portability request (UK GDPR Art 20) gets the data in a machine-readable form too.
    exportData: state.right === 'portability',
  })
  releaseEngineCaches()
  if (!bundle.verification.ok) return fail(deps, runId, run.caseId, survivorMessage(bundle.verification.survivors))
  await withTransaction(deps.pool, async (tx) => {
    // Two workers may finish the same run (a job retried while a slow one was still going): one bundle only.
    const now = await tx.query<{ status: string }>('SELECT status FROM disclosure_runs WHERE id = $1 FOR UPDATE', [
      runId,
    ])
    if (now.rows[0]?.status !== 'running') return
    const doc = await storeDocumentIn(tx, deps, SYSTEM_ACTOR, {
      caseId: run.caseId,
      kind: 'bundle',
      filename: `${state.reference}-disclosure-bundle.pdf`,
      contentType: 'application/pdf',
      bytes: bundle.pdf,
    })
    for (const file of bundle.exportFiles ?? [])
      await storeDocumentIn(tx, deps, SYSTEM_ACTOR, {
        caseId: run.caseId,
        kind: 'bundle',
        filename: `${state.reference}-${file.name}`,
        contentType: file.name.endsWith('.csv') ? 'text/csv' : 'application/json',
        bytes: Buffer.from(file.content),
      })
    await tx.query(
      `UPDATE disclosure_runs SET status = 'done', stage = NULL, finished_at = $2, result_document_id = $3,
         page_count = $4, redaction_count = $5, exemption_counts = $6 WHERE id = $1`,
      [
        runId,
        deps.clock.now(),
        doc.id,
        bundle.pageCount,
        bundle.schedule.length,
        JSON.stringify(bundle.exemptionCounts),
      ],
    )
    // The redacted parts were only steps towards the bundle: they go now the bundle is stored.
    const gone = await tx.query<{ storage_key: string }>(
      'DELETE FROM disclosure_run_parts WHERE run_id = $1 RETURNING storage_key',
      [runId],
    )
    if (gone.rows.length) await deps.jobs.enqueue(tx, BLOB_DELETE_QUEUE, { keys: gone.rows.map((r) => r.storage_key) })
    await recordAudit(tx, deps, 'system', {
      caseId: run.caseId,
      command: 'BuildBundle',
      eventType: 'BundleBuilt',
      payload: {
        runId,
        documentId: doc.id,
        pages: bundle.pageCount,
        redactions: bundle.schedule.length,
        exemptionCounts: bundle.exemptionCounts,
        verifiedBy: bundle.verification.extractors,
      },
    })
  })
}

async function redactParts(deps: AppDeps, runId: string, snapshot: DecisionSnapshot): Promise<void> {
  const finished = await deps.pool.query<{ item_id: string }>(
    'SELECT item_id FROM disclosure_run_parts WHERE run_id = $1',
    [runId],
  )
  const have = new Set(finished.rows.map((r) => r.item_id))
  const items = snapshot.items.filter((item) => !have.has(item.id))
  const pool = disclosurePool(items.length)
  // Items are redacted on the pool's threads (both cores); each finished part is stored here, in order.
  await inOrder(
    items,
    pool.concurrency,
    async (item) => pool.redact(await decisionsOf(deps, item)),
    async (item, part) => {
      const key = await deps.blobs.put(part.pdf)
      const inserted = await withTransaction(deps.pool, async (tx) => {
        const r = await tx.query(
          `INSERT INTO disclosure_run_parts (run_id, item_id, storage_key, page_count, applied) VALUES ($1,$2,$3,$4,$5)
           ON CONFLICT DO NOTHING`,
          [runId, item.id, key, part.pageCount, JSON.stringify(part.applied)],
        )
        await tx.query(
          'UPDATE disclosure_runs SET done = (SELECT count(*) FROM disclosure_run_parts WHERE run_id = $1) WHERE id = $1',
          [runId],
        )
        return r.rowCount === 1
      })
      // Another worker finished the same item first (a retried job overlapping a slow one): keep theirs.
      if (!inserted) await deps.blobs.delete(key)
    },
  )
}

async function decisionsOf(deps: AppDeps, item: SnapshotItem) {
  const row = await deps.pool.query<{ storage_key: string }>('SELECT storage_key FROM disclosure_items WHERE id = $1', [
    item.id,
  ])
  const key = row.rows[0]?.storage_key
  if (!key) throw new Error(`item ${item.id} is no longer held`)
  return {
    title: item.title,
    kind: item.kind,
    pdf: new Uint8Array(await deps.blobs.get(key)),
    withheldCode: item.withheldCode,
    withheldPages: new Map(item.withheldPages),
    redactions: item.redactions.map((r) => ({
      page: r.page,
      rects: r.rects as Rect[],
      text: r.text,
      type: r.type as RedactionKind,
      exemptionCode: r.exemptionCode,
    })),
  }
}

async function loadParts(deps: AppDeps, runId: string, snapshot: DecisionSnapshot) {
  const rows = await deps.pool.query<{ item_id: string; storage_key: string; page_count: number; applied: unknown }>(
    'SELECT item_id, storage_key, page_count, applied FROM disclosure_run_parts WHERE run_id = $1',
    [runId],
  )
  const byItem = new Map(rows.rows.map((r) => [r.item_id, r]))
  const parts: { title: string; kind: string; part: RedactedPart }[] = []
  for (const item of snapshot.items) {
    const row = byItem.get(item.id)
    if (!row) throw new Error(`item ${item.id} has no redacted part`)
    parts.push({
      title: item.title,
      kind: item.kind,
      part: {
        pdf: new Uint8Array(await deps.blobs.get(row.storage_key)),
        pageCount: row.page_count,
        applied: row.applied as RedactedPart['applied'],
      },
    })
  }
  return parts
}

/**
 * What must not survive anywhere: the text of every accepted redaction made to remove that information wherever it
 * is (detections, searches, selections), unless a reviewer kept the same text somewhere else on purpose. Drawn boxes
 * are checked where they are, by redactItem. Detected text inside the subject's own identifiers does not count.
 */
function needlesOf(snapshot: DecisionSnapshot, subject: string[]) {
  const kept = new Set(snapshot.keptTexts)
  const everywhere = snapshot.items
    .flatMap((i) => i.redactions)
    .filter((r) => EVERYWHERE_SOURCES.has(r.source) && !kept.has(r.text.toLowerCase().replace(/\s+/g, '')))
  const terms = everywhere.filter((r) => r.source !== 'detected').map((r) => r.text)
  const spans: DetectedSpan[] = everywhere
    .filter((r) => r.source === 'detected')
    .map((r) => ({
      start: 0,
      end: r.text.length,
      text: r.text,
      type: r.type as DetectedSpan['type'],
      score: 1,
      recogniser: '',
    }))
  return buildNeedles(
    terms.filter((t) => foldNeedle(t).length >= 2),
    spans,
    subject,
  )
}

/**
 * The page-level message a failed build shows: the pages of the bundle where redacted text can still be read, and
 * whether only the rendered page shows it (then it is in a picture or drawn as shapes: withhold the page, or draw
 * a box over it). Never the text itself.
 */
export function survivorMessage(survivors: Survivor[]): string {
  const places = new Map<string, Set<string>>()
  for (const s of survivors) places.set(s.where, (places.get(s.where) ?? new Set()).add(s.extractor))
  const where = [...places]
    .slice(0, 5)
    .map(([place, by]) => (by.size === 1 && by.has('ocr') ? `${place}, seen only on the page as drawn` : place))
  const more = places.size > 5 ? ` and ${places.size - 5} more` : ''
  return `redacted text was still readable in the bundle (${where.join('; ')}${more}); nothing was kept`
}

async function fail(deps: AppDeps, runId: string, caseId: string, error: string): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(`UPDATE disclosure_runs SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`, [
      runId,
      error,
      deps.clock.now(),
    ])
    await recordAudit(tx, deps, 'system', {
      caseId,
      command: 'BuildBundle',
      eventType: 'BundleFailed',
      payload: { runId, error },
    })
  })
}

/** Redacted from the contents list: the people (and searched text) redacted anywhere in the case (bundle/titles.ts). */
function titlesOf(snapshot: DecisionSnapshot, state: CaseState) {
  const accepted = snapshot.items.flatMap((i) => i.redactions)
  const people = accepted.filter((r) => r.type === 'PERSON').map((r) => r.text)
  const terms = accepted
    .filter((r) => r.type !== 'PERSON' && r.type !== 'AREA' && r.text.length >= 2)
    .map((r) => r.text)
  return titleNeedles(people, terms, subjectIdentifiers(state).names)
}
