import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { readOriginal } from '../../discovery/sources/original.js'
import type { Actor } from '../actor.js'
import { requireAnyPermission, requireController, requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import { recordAudit } from '../casework/audit.js'
import { checkStaffUpload } from '../casework/staff-upload.js'
import type { AppDeps } from '../deps.js'
import { requestPreparation } from '../disclosure/runs.js'
import { storeDocumentIn } from '../store-document.js'
import { findSource, sourceRef } from './sources.js'

export interface DiscoveryRun {
  id: string
  caseId: string
  caseReference: string
  taskId: string | null
  controllerId: string
  subject: Record<string, string[]>
  sources: { id: string; name: string; kind: string; owner: string; lastIndexedAt: string | null; itemCount: number }[]
  createdBy: string
  createdByName: string
  createdAt: Date
  candidateCount: number
  hitCount: number
  capped: boolean
  durationMs: number
  scopeNote: string
  addedAt: Date | null
}

export interface Hit {
  id: string
  sourceId: string
  rank: number
  locator: string
  messageId: string | null
  title: string
  sender: string | null
  sentAt: Date | null
  score: number
  reasons: { kind: string; text: string; count: number }[]
  snippet: string
  decision: 'undecided' | 'kept' | 'dropped'
  decidedBy: string | null
  documentId: string | null
}

async function loadRun(db: Queryable, runId: string): Promise<DiscoveryRun | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return undefined
  const r = await db.query(
    `SELECT r.id, r.case_id AS "caseId", c.reference AS "caseReference", r.task_id AS "taskId", r.controller_id AS "controllerId",
       r.subject, r.sources, r.created_by AS "createdBy", r.created_by_name AS "createdByName", r.created_at AS "createdAt",
       r.candidate_count AS "candidateCount", r.hit_count AS "hitCount", r.capped, r.duration_ms AS "durationMs",
       r.scope_note AS "scopeNote", r.added_at AS "addedAt"
       FROM discovery_runs r JOIN cases c ON c.id = r.case_id WHERE r.id = $1`,
    [runId],
  )
  return r.rows[0] as DiscoveryRun | undefined
}

/**
 * Who may open a run: caseworkers of the case's controller; for a run made to answer a search task, also the person
 * who ran it (a source owner sees their own sources' hits, never the case).
 */
export async function runForActor(db: Queryable, actor: Actor, runId: string): Promise<DiscoveryRun> {
  requireAnyPermission(actor, ['case:work', 'task:answer', 'task:assign'])
  const run = await loadRun(db, runId)
  if (!run) throw new DomainError('not-found', `no discovery run ${runId}`)
  requireController(actor, run.controllerId)
  if (actor.kind === 'system' || (run.taskId && run.createdBy === actor.id)) return run
  requirePermission(actor, 'case:work')
  return run
}

export async function hitsOf(db: Queryable, runId: string): Promise<Hit[]> {
  const r = await db.query(
    `SELECT id, source_id AS "sourceId", rank, locator, message_id AS "messageId", title, sender, sent_at AS "sentAt", score,
       reasons, snippet, decision, decided_by AS "decidedBy", document_id AS "documentId"
       FROM discovery_hits WHERE run_id = $1 ORDER BY rank`,
    [runId],
  )
  return r.rows as Hit[]
}

/** Case runs, newest first, for the case's discovery page. */
export async function runsOfCase(deps: AppDeps, actor: Actor, caseId: string): Promise<DiscoveryRun[]> {
  requirePermission(actor, 'case:work')
  await caseInScope(deps.pool, actor, caseId)
  const r = await deps.pool.query<{ id: string }>(
    'SELECT id FROM discovery_runs WHERE case_id = $1 ORDER BY created_at DESC',
    [caseId],
  )
  return Promise.all(r.rows.map(async (row) => (await loadRun(deps.pool, row.id))!))
}

/** A reviewer keeps or drops hits; a decision on a hit already added to the material cannot be changed. */
export async function decideHits(
  deps: AppDeps,
  actor: Actor,
  runId: string,
  decisions: Record<string, 'kept' | 'dropped'>,
) {
  await withTransaction(deps.pool, async (tx) => {
    const run = await runForActor(tx, actor, runId)
    let kept = 0
    let dropped = 0
    for (const [hitId, decision] of Object.entries(decisions)) {
      if (!/^[0-9a-f-]{36}$/i.test(hitId)) continue
      const r = await tx.query(
        `UPDATE discovery_hits SET decision = $3, decided_by = $4, decided_at = $5
          WHERE id = $1 AND run_id = $2 AND document_id IS NULL`,
        [hitId, runId, decision, actor.name, deps.clock.now()],
      )
      if (r.rowCount && decision === 'kept') kept++
      else if (r.rowCount) dropped++
    }
    await recordAudit(tx, deps, actor, {
      caseId: run.taskId && run.createdBy === actor.id ? null : run.caseId,
      command: 'DecideHits',
      eventType: 'DiscoveryHitsDecided',
      payload: { runId, kept, dropped },
    })
  })
}

/**
 * Kept hits become the case's disclosure material, each read again from its source (an email as .eml, a file as
 * itself, a row as JSON), checked by content like any upload, with its provenance kept on the hit (source, where,
 * message id). All or nothing; then the worker reads the new material for the workbench.
 */
export async function addKeptToMaterial(deps: AppDeps, actor: Actor, runId: string): Promise<{ added: number }> {
  const run = await runForActor(deps.pool, actor, runId)
  const kept = (await hitsOf(deps.pool, runId)).filter((h) => h.decision === 'kept' && !h.documentId)
  const files: { hit: Hit; original: { filename: string; bytes: Uint8Array }; contentType: string }[] = []
  for (const h of kept) {
    const source = await findSource(deps.pool, h.sourceId)
    if (!source) throw new DomainError('conflict', `the source of "${h.title}" has been removed`)
    const original = await readOriginal(await sourceRef(deps, source), h.locator, h.title)
    const check = await checkStaffUpload(
      { filename: original.filename, bytes: original.bytes },
      { scanner: deps.virusScanner },
    )
    if (!check.ok)
      throw new DomainError('validation', `"${h.title}": ${check.message}`, {
        fields: { hits: `"${h.title}": ${check.message}` },
      })
    files.push({ hit: h, original, contentType: check.contentType })
  }
  await withTransaction(deps.pool, async (tx) => {
    for (const f of files) {
      const doc = await storeDocumentIn(tx, deps, actor, {
        caseId: run.caseId,
        kind: 'material',
        filename: f.original.filename,
        contentType: f.contentType,
        bytes: f.original.bytes,
      })
      await tx.query('UPDATE discovery_hits SET document_id = $2 WHERE id = $1', [f.hit.id, doc.id])
    }
    await tx.query('UPDATE discovery_runs SET added_at = $2 WHERE id = $1', [runId, deps.clock.now()])
    await recordAudit(tx, deps, actor, {
      caseId: run.caseId,
      command: 'AddDiscoveryMaterial',
      eventType: 'DiscoveryMaterialAdded',
      payload: { runId, documents: files.length },
    })
  })
  if (files.length > 0 && !run.taskId) await requestPreparation(deps, actor, run.caseId)
  return { added: files.length }
}
