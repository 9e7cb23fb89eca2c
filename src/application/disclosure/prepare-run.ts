import { randomUUID } from 'node:crypto'
import type { IngestedDocument } from '../../disclosure/ingest/index.js'
import { sameTextNeedles, type Proposal } from '../../disclosure/review/index.js'
import { inOrder } from '../../disclosure/threads/in-order.js'
import { disclosurePool } from '../../disclosure/threads/pool.js'
import type { CaseState } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { proposalExemption, protectedStrings, subjectIdentifiers } from './case-access.js'
import { findRun, updateRun } from './runs.js'
import { insertProposals } from './redaction-rows.js'

/**
 * The preparation job: each material file not yet read is ingested (every format to PDF pages), flattened, stored
 * and detected; its items and proposals are written in one transaction with the progress counter. A worker killed
 * half-way loses at most the file it was on: the retried job skips every file that already has items. Then the
 * strings detected anywhere are proposed wherever else they occur, across all the case's material.
 */
export async function runPreparation(deps: AppDeps, runId: string): Promise<void> {
  const run = await findRun(deps.pool, runId)
  if (!run || run.status === 'done' || run.status === 'failed') return
  const state = await caseState(deps.pool, run.caseId)
  if (!state) return updateRun(deps.pool, runId, { status: 'failed', error: 'the case no longer exists' })
  await deps.pool.query(
    `UPDATE disclosure_runs SET status = 'running', stage = 'read', attempts = attempts + 1,
       started_at = coalesce(started_at, $2) WHERE id = $1`,
    [runId, deps.clock.now()],
  )
  const code = proposalExemption(state)
  const staffNames = (await deps.pool.query<{ name: string }>('SELECT name FROM users')).rows.map((u) => u.name)
  const detectOptions = { subject: subjectIdentifiers(state), staffNames, staffPolicy: 'disclose' as const }
  const sources = await deps.pool.query<{ id: string; filename: string; storage_key: string }>(
    `SELECT d.id, d.filename, d.storage_key FROM documents d
      WHERE d.case_id = $1 AND d.kind = 'material' AND d.storage_key IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM disclosure_items i WHERE i.source_document_id = d.id)
      ORDER BY d.created_at, d.filename, d.id`,
    [run.caseId],
  )
  const failed = new Set(run.failures.map((f) => f.document))
  let done = run.done
  const files = sources.rows.filter((source) => !failed.has(source.filename))
  const pool = disclosurePool(files.length)
  // Files are read on the pool's threads (both cores), and stored here one at a time in the order listed.
  await inOrder(
    files,
    pool.concurrency,
    async (source) =>
      pool.prepareFile({
        bytes: new Uint8Array(await deps.blobs.get(source.storage_key)),
        filename: source.filename,
        detectOptions,
      }),
    async (source, { documents: prepared, errors }) => {
      const keys: string[] = []
      try {
        for (const p of prepared) keys.push(await deps.blobs.put(p.pdf))
        done++
        await withTransaction(deps.pool, async (tx) => {
          for (const [i, p] of prepared.entries())
            await insertItem(tx, deps, run.caseId, source.id, i, p.doc, keys[i]!, p.pageCount, p.proposals, code)
          if (errors.length)
            await tx.query(
              'UPDATE disclosure_runs SET failures = coalesce(failures, $2::jsonb) || $3::jsonb WHERE id = $1',
              [runId, '[]', JSON.stringify(errors.map((error) => ({ document: source.filename, error })))],
            )
          await tx.query('UPDATE disclosure_runs SET done = $2 WHERE id = $1', [runId, done])
        })
      } catch (err) {
        for (const key of keys) await deps.blobs.delete(key).catch(() => undefined)
        throw err
      }
    },
  )
  await updateRun(deps.pool, runId, { stage: 'cross-check' })
  await crossCheck(deps, run.caseId, protectedStrings(state), code)
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(`UPDATE disclosure_runs SET status = 'done', stage = NULL, finished_at = $2 WHERE id = $1`, [
      runId,
      deps.clock.now(),
    ])
    await recordAudit(tx, deps, 'system', {
      caseId: run.caseId,
      command: 'PrepareMaterial',
      eventType: 'MaterialPrepared',
      payload: { runId, files: done },
    })
  })
}

async function caseState(db: Queryable, caseId: string): Promise<CaseState | null> {
  const r = await db.query<{ state: CaseState }>('SELECT state FROM cases WHERE id = $1', [caseId])
  return r.rows[0]?.state ?? null
}

async function insertItem(
  tx: Queryable,
  deps: AppDeps,
  caseId: string,
  sourceId: string,
  index: number,
  doc: Omit<IngestedDocument, 'pdf'>,
  storageKey: string,
  pageCount: number,
  proposals: Proposal[],
  exemptionCode: string,
): Promise<void> {
  // Exact duplicates (same bytes) are listed but not disclosed twice; the same email in another mailbox is flagged.
  const same = await tx.query<{ id: string }>(
    'SELECT id FROM disclosure_items WHERE case_id = $1 AND sha256 = $2 AND duplicate_of IS NULL LIMIT 1',
    [caseId, doc.sha256],
  )
  const near = doc.email
    ? await tx.query<{ id: string }>(
        'SELECT id FROM disclosure_items WHERE case_id = $1 AND email_hash = $2 AND duplicate_of IS NULL LIMIT 1',
        [caseId, doc.email.contentHash],
      )
    : { rows: [] }
  const id = randomUUID()
  await tx.query(
    `INSERT INTO disclosure_items (id, case_id, source_document_id, source_index, title, source_name, kind, sha256,
       page_count, storage_key, needs_manual_review, warnings, duplicate_of, near_duplicate_of, email_hash, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
    [
      id,
      caseId,
      sourceId,
      index,
      doc.title,
      doc.sourceName,
      doc.kind,
      doc.sha256,
      pageCount,
      storageKey,
      doc.needsManualReview,
      JSON.stringify(doc.warnings),
      same.rows[0]?.id ?? null,
      same.rows[0] ? null : (near.rows[0]?.id ?? null),
      doc.email?.contentHash ?? null,
      deps.clock.now(),
    ],
  )
  await insertProposals(tx, deps, caseId, id, proposals, {
    source: 'detected',
    status: 'proposed',
    exemptionCode,
    createdBy: 'system',
  })
}

/** Every detected string, proposed wherever else it appears in the case's material. Safe to run again. */
async function crossCheck(deps: AppDeps, caseId: string, subject: string[], exemptionCode: string): Promise<void> {
  const detected = await deps.pool.query<{ text: string; type: string }>(
    `SELECT DISTINCT text, type FROM redactions WHERE case_id = $1 AND source = 'detected' AND length(text) >= 2`,
    [caseId],
  )
  if (detected.rows.length === 0) return
  const items = await deps.pool.query<{ id: string; storage_key: string }>(
    'SELECT id, storage_key FROM disclosure_items WHERE case_id = $1 AND duplicate_of IS NULL ORDER BY created_at',
    [caseId],
  )
  const needles = sameTextNeedles(
    detected.rows.map((d) => ({ text: d.text, type: d.type as Proposal['type'] })),
    subject,
  )
  const pool = disclosurePool(items.rows.length)
  await inOrder(
    items.rows,
    pool.concurrency,
    async (item) => {
      const existing = await deps.pool.query<{ page: number; rects: [number, number, number, number][] }>(
        'SELECT page, rects FROM redactions WHERE item_id = $1',
        [item.id],
      )
      const pdf = new Uint8Array(await deps.blobs.get(item.storage_key))
      return pool.proposeElsewhere({ pdf, needles, existing: existing.rows })
    },
    async (item, more) => {
      if (more.length === 0) return
      await withTransaction(deps.pool, (tx) =>
        insertProposals(tx, deps, caseId, item.id, more, {
          source: 'detected',
          status: 'proposed',
          exemptionCode,
          createdBy: 'system',
        }),
      )
    },
  )
}
