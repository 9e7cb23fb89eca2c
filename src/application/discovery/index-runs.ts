import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { knownVersions, touchItems, upsertItems } from '../../discovery/index/store.js'
import type { IndexItem } from '../../discovery/index/item.js'
import { READERS } from '../../discovery/sources/readers.js'
import type { Actor } from '../actor.js'
import { SYSTEM_ACTOR } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { findSource, sourceRef } from './sources.js'

export const DISCOVERY_QUEUES = { plan: 'discovery-plan', unit: 'discovery-unit' } as const
const BATCH = 250
const MAX_PROBLEMS = 200

export interface IndexRun {
  id: string
  sourceId: string
  status: 'queued' | 'running' | 'done' | 'failed'
  requestedAt: Date
  finishedAt: Date | null
  unitsTotal: number
  unitsDone: number
  itemsAdded: number
  itemsUpdated: number
  itemsUnchanged: number
  itemsRemoved: number
  problems: { locator: string; message: string }[]
  error: string | null
}

export async function latestRun(db: Queryable, sourceId: string): Promise<IndexRun | undefined> {
  const r = await db.query(
    `SELECT id, source_id AS "sourceId", status, requested_at AS "requestedAt", finished_at AS "finishedAt",
       units_total AS "unitsTotal", units_done AS "unitsDone", items_added AS "itemsAdded", items_updated AS "itemsUpdated",
       items_unchanged AS "itemsUnchanged", items_removed AS "itemsRemoved", problems, error
       FROM discovery_index_runs WHERE source_id = $1 ORDER BY requested_at DESC LIMIT 1`,
    [sourceId],
  )
  return r.rows[0] as IndexRun | undefined
}

/** Starts indexing a source (or says one is already running). Never changes the source: readers only read. */
export async function startIndexing(deps: AppDeps, actor: Actor, sourceId: string): Promise<IndexRun> {
  requirePermission(actor, 'discovery:manage')
  const source = await findSource(deps.pool, sourceId)
  if (!source) throw new DomainError('not-found', `no source ${sourceId}`)
  requireController(actor, source.controllerId)
  const runId = await withTransaction(deps.pool, async (tx) => {
    await tx.query('SELECT 1 FROM discovery_sources WHERE id = $1 FOR UPDATE', [sourceId])
    const running = await latestRun(tx, sourceId)
    if (running && (running.status === 'queued' || running.status === 'running')) return running.id
    const id = randomUUID()
    await tx.query(
      `INSERT INTO discovery_index_runs (id, source_id, status, requested_by, requested_at) VALUES ($1,$2,'queued',$3,$4)`,
      [id, sourceId, actor.id, deps.clock.now()],
    )
    await deps.jobs.enqueue(tx, DISCOVERY_QUEUES.plan, { runId: id })
    await recordAudit(tx, deps, actor, {
      command: 'StartIndexing',
      eventType: 'DiscoveryIndexingStarted',
      payload: { sourceId, runId: id },
    })
    return id
  })
  return (await latestRun(deps.pool, sourceId)) ?? ({ id: runId } as IndexRun)
}

/** Worker: lists the units of a run (files, tables) and queues one job per unit, for as many workers as there are. */
export async function planRun(deps: AppDeps, runId: string): Promise<void> {
  const run = await deps.pool.query<{ source_id: string; status: string; units_total: number }>(
    'SELECT source_id, status, units_total FROM discovery_index_runs WHERE id = $1',
    [runId],
  )
  const row = run.rows[0]
  if (!row || row.status !== 'queued') return
  const source = await findSource(deps.pool, row.source_id)
  if (!source) return
  const ref = await sourceRef(deps, source)
  let units
  try {
    units = await READERS[source.kind].plan(ref)
  } catch (err) {
    await failRun(deps.pool, runId, err)
    return
  }
  await withTransaction(deps.pool, async (tx) => {
    for (const u of units) {
      const id = randomUUID()
      await tx.query(
        `INSERT INTO discovery_index_units (id, run_id, source_id, unit_key, status, cursor) VALUES ($1,$2,$3,$4,'queued',$5)`,
        [id, runId, source.id, u.key, JSON.stringify(u.cursor)],
      )
      await deps.jobs.enqueue(tx, DISCOVERY_QUEUES.unit, { unitId: id })
    }
    await tx.query(`UPDATE discovery_index_runs SET status = 'running', units_total = $2 WHERE id = $1`, [
      runId,
      units.length,
    ])
    if (units.length === 0) await finishRun(tx, deps, runId, source.id)
  })
}

async function failRun(db: Queryable, runId: string, err: unknown): Promise<void> {
  const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err)
  await db.query(`UPDATE discovery_index_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
    runId,
    message.slice(0, 500),
  ])
}

/**
 * Worker: reads one unit from its stored cursor to the end. Each batch of items, the unit's new cursor and the run's
 * counts commit together, so a worker killed at any point loses nothing and repeats at most one batch. A session
 * lock on the unit keeps a second job for the same unit (queued again on restart) from reading it twice at once.
 */
export async function runUnit(deps: AppDeps, unitId: string): Promise<void> {
  const client = await deps.pool.connect()
  try {
    const lock = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 16)) AS ok', [
      unitId,
    ])
    if (!lock.rows[0]?.ok) return
    try {
      await readUnit(deps, unitId)
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 16))', [unitId])
    }
  } finally {
    client.release()
  }
}

async function readUnit(deps: AppDeps, unitId: string): Promise<void> {
  const u = await deps.pool.query<{
    run_id: string
    source_id: string
    unit_key: string
    status: string
    cursor: unknown
  }>(
    `UPDATE discovery_index_units SET status = 'running', attempts = attempts + 1 WHERE id = $1 AND status <> 'done'
       RETURNING run_id, source_id, unit_key, status, cursor`,
    [unitId],
  )
  const unit = u.rows[0]
  if (!unit) return
  const source = await findSource(deps.pool, unit.source_id)
  if (!source) return
  const reader = READERS[source.kind]
  const ref = await sourceRef(deps, source)
  for await (const batch of reader.read(ref, { key: unit.unit_key, cursor: unit.cursor }, BATCH)) {
    const known = await knownVersions(
      deps.pool,
      source.id,
      batch.items.map((i) => i.locator),
    )
    const built: IndexItem[] = []
    const unchanged: string[] = []
    const problems = [...batch.problems]
    for (const pending of batch.items) {
      if (known.get(pending.locator) === pending.version) {
        unchanged.push(pending.locator)
        continue
      }
      try {
        const item = await pending.build()
        if (item) built.push(item)
      } catch (err) {
        problems.push({ locator: pending.locator, message: err instanceof Error ? err.message : String(err) })
      }
    }
    await withTransaction(deps.pool, async (tx) => {
      const counts = await upsertItems(tx, source.id, unit.run_id, deps.clock.now(), built, known)
      await touchItems(tx, source.id, unit.run_id, unchanged)
      await tx.query('UPDATE discovery_index_units SET cursor = $2, items_seen = items_seen + $3 WHERE id = $1', [
        unitId,
        JSON.stringify(batch.cursor),
        batch.items.length,
      ])
      await tx.query(
        `UPDATE discovery_index_runs SET items_added = items_added + $2, items_updated = items_updated + $3,
           items_unchanged = items_unchanged + $4,
           problems = CASE WHEN jsonb_array_length(problems) < ${MAX_PROBLEMS} THEN problems || $5::jsonb ELSE problems END
         WHERE id = $1`,
        [unit.run_id, counts.added, counts.updated, unchanged.length, JSON.stringify(problems.slice(0, 20))],
      )
    })
  }
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(`UPDATE discovery_index_units SET status = 'done' WHERE id = $1`, [unitId])
    const r = await tx.query<{ units_done: number; units_total: number }>(
      `UPDATE discovery_index_runs SET units_done = units_done + 1 WHERE id = $1 RETURNING units_done, units_total`,
      [unit.run_id],
    )
    const run = r.rows[0]
    if (run && run.units_done >= run.units_total) await finishRun(tx, deps, unit.run_id, source.id)
  })
}

/** The last unit done: items the source no longer holds leave the index, and the source is stamped as indexed. */
async function finishRun(tx: Queryable, deps: AppDeps, runId: string, sourceId: string): Promise<void> {
  const removed = await tx.query('DELETE FROM discovery_items WHERE source_id = $1 AND last_run_id <> $2', [
    sourceId,
    runId,
  ])
  await tx.query(
    `UPDATE discovery_index_runs SET status = 'done', finished_at = $3, items_removed = $2 WHERE id = $1`,
    [runId, removed.rowCount ?? 0, deps.clock.now()],
  )
  await tx.query(
    `UPDATE discovery_sources SET last_indexed_at = $2,
       item_count = (SELECT count(*) FROM discovery_items WHERE source_id = $1) WHERE id = $1`,
    [sourceId, deps.clock.now()],
  )
  await recordAudit(tx, deps, SYSTEM_ACTOR, {
    command: 'FinishIndexing',
    eventType: 'DiscoveryIndexingFinished',
    payload: { sourceId, runId, removed: removed.rowCount ?? 0 },
  })
}

/** On worker start: queue again every unit a stopped worker left, and every run not yet planned. */
export async function resumeIndexRuns(deps: AppDeps): Promise<number> {
  return withTransaction(deps.pool, async (tx) => {
    const units = await tx.query<{ id: string }>(
      `SELECT u.id FROM discovery_index_units u JOIN discovery_index_runs r ON r.id = u.run_id
        WHERE u.status <> 'done' AND r.status = 'running'`,
    )
    for (const u of units.rows) await deps.jobs.enqueue(tx, DISCOVERY_QUEUES.unit, { unitId: u.id })
    const runs = await tx.query<{ id: string }>(`SELECT id FROM discovery_index_runs WHERE status = 'queued'`)
    for (const r of runs.rows) await deps.jobs.enqueue(tx, DISCOVERY_QUEUES.plan, { runId: r.id })
    return units.rows.length + runs.rows.length
  })
}
