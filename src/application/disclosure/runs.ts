import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { disclosureCase } from './case-access.js'
import { decisionSnapshot } from './snapshot.js'

export const DISCLOSURE_PREPARE_QUEUE = 'disclosure-prepare'
export const DISCLOSURE_BUNDLE_QUEUE = 'disclosure-bundle'

export type RunKind = 'prepare' | 'bundle'
export type RunStatus = 'queued' | 'running' | 'done' | 'failed'

export interface DisclosureRun {
  id: string
  caseId: string
  kind: RunKind
  status: RunStatus
  stage: string | null
  done: number
  total: number
  attempts: number
  requestedBy: string
  requestedAt: Date
  finishedAt: Date | null
  resultDocumentId: string | null
  pageCount: number | null
  redactionCount: number | null
  exemptionCounts: Record<string, number> | null
  failures: { document: string; error: string }[]
  error: string | null
}

function toRun(r: Record<string, unknown>): DisclosureRun {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    kind: r.kind as RunKind,
    status: r.status as RunStatus,
    stage: (r.stage as string | null) ?? null,
    done: Number(r.done),
    total: Number(r.total),
    attempts: Number(r.attempts),
    requestedBy: String(r.requested_by),
    requestedAt: r.requested_at as Date,
    finishedAt: (r.finished_at as Date | null) ?? null,
    resultDocumentId: (r.result_document_id as string | null) ?? null,
    pageCount: (r.page_count as number | null) ?? null,
    redactionCount: (r.redaction_count as number | null) ?? null,
    exemptionCounts: (r.exemption_counts as Record<string, number> | null) ?? null,
    failures: (r.failures as DisclosureRun['failures'] | null) ?? [],
    error: (r.error as string | null) ?? null,
  }
}

export async function findRun(db: Queryable, runId: string): Promise<DisclosureRun | null> {
  const r = await db.query('SELECT * FROM disclosure_runs WHERE id = $1', [runId])
  return r.rows[0] ? toRun(r.rows[0]) : null
}

export async function runsOfCase(db: Queryable, caseId: string): Promise<DisclosureRun[]> {
  const r = await db.query('SELECT * FROM disclosure_runs WHERE case_id = $1 ORDER BY requested_at DESC', [caseId])
  return r.rows.map(toRun)
}

/** A run still queued or running for the case, of the kind: a second click must not start a second build. */
async function activeRun(db: Queryable, caseId: string, kind: RunKind): Promise<DisclosureRun | null> {
  const r = await db.query(
    `SELECT * FROM disclosure_runs WHERE case_id = $1 AND kind = $2 AND status IN ('queued', 'running')
      ORDER BY requested_at DESC LIMIT 1`,
    [caseId, kind],
  )
  return r.rows[0] ? toRun(r.rows[0]) : null
}

/**
 * Reads the case's material not yet read (uploads, search-task returns) into the workbench: each file ingested
 * and detected by the worker, with progress kept on the run. Nothing to read is a refusal, not an empty run.
 */
export async function requestPreparation(deps: AppDeps, actor: Actor, caseId: string): Promise<DisclosureRun> {
  return withTransaction(deps.pool, async (tx) => {
    await disclosureCase(tx, actor, caseId, true)
    const existing = await activeRun(tx, caseId, 'prepare')
    if (existing) return existing
    const pending = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM documents d
        WHERE d.case_id = $1 AND d.kind = 'material' AND d.storage_key IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM disclosure_items i WHERE i.source_document_id = d.id)`,
      [caseId],
    )
    const total = Number(pending.rows[0]?.n ?? 0)
    if (total === 0)
      throw new DomainError('conflict', 'There is no new material to read: add material to the case first')
    return insertRun(tx, deps, actor, caseId, 'prepare', total, null)
  })
}

/**
 * Asks for the bundle to be built from the decisions as they stand now (frozen in the run, so a reviewer carrying on
 * meanwhile changes the next bundle, not this one). Refused while proposals remain undecided.
 */
export async function requestBundle(deps: AppDeps, actor: Actor, caseId: string): Promise<DisclosureRun> {
  return withTransaction(deps.pool, async (tx) => {
    await disclosureCase(tx, actor, caseId, true)
    const existing = await activeRun(tx, caseId, 'bundle')
    if (existing) return existing
    const preparing = await activeRun(tx, caseId, 'prepare')
    if (preparing) throw new DomainError('conflict', 'The material is still being read: wait for it to finish')
    const snapshot = await decisionSnapshot(tx, caseId)
    if (snapshot.items.length === 0) throw new DomainError('conflict', 'There is no material to put in a bundle')
    if (snapshot.undecided > 0)
      throw new DomainError(
        'conflict',
        `${snapshot.undecided} proposed redaction${snapshot.undecided === 1 ? ' is' : 's are'} not decided yet: accept or reject every proposal first`,
      )
    return insertRun(tx, deps, actor, caseId, 'bundle', snapshot.items.length, snapshot)
  })
}

async function insertRun(
  tx: Queryable,
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  kind: RunKind,
  total: number,
  snapshot: unknown,
): Promise<DisclosureRun> {
  const id = randomUUID()
  const r = await tx.query(
    `INSERT INTO disclosure_runs (id, case_id, kind, status, total, requested_by, requested_at, snapshot, options)
     VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, '{}') RETURNING *`,
    [id, caseId, kind, total, actor.id, deps.clock.now(), snapshot === null ? null : JSON.stringify(snapshot)],
  )
  await deps.jobs.enqueue(tx, kind === 'prepare' ? DISCLOSURE_PREPARE_QUEUE : DISCLOSURE_BUNDLE_QUEUE, { runId: id })
  await recordAudit(tx, deps, actor, {
    caseId,
    command: kind === 'prepare' ? 'PrepareMaterial' : 'BuildBundle',
    eventType: kind === 'prepare' ? 'MaterialPreparationRequested' : 'BundleRequested',
    payload: { runId: id, total },
  })
  return toRun(r.rows[0]!)
}

/** Progress as the worker goes: one short transaction per step, so the workbench can show it. */
export async function updateRun(
  db: Queryable,
  runId: string,
  fields: Partial<{ status: RunStatus; stage: string; done: number; total: number; error: string | null }>,
): Promise<void> {
  const sets: string[] = []
  const values: unknown[] = [runId]
  for (const [k, v] of Object.entries(fields)) {
    values.push(v)
    sets.push(`${k} = $${values.length}`)
  }
  if (sets.length) await db.query(`UPDATE disclosure_runs SET ${sets.join(', ')} WHERE id = $1`, values)
}
