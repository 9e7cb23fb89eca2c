import type { Logger } from 'pino'
import type { AppDeps } from '../application/deps.js'
import { runBundle } from '../application/disclosure/bundle-run.js'
import { runPreparation } from '../application/disclosure/prepare-run.js'
import { findRun, updateRun } from '../application/disclosure/runs.js'
import { withTransaction } from '../persistence/db.js'
import { QUEUES, type Jobs } from './queue.js'

/** Attempts before a run is marked failed (each attempt carries on from the last finished step). */
export const MAX_RUN_ATTEMPTS = 4

/**
 * The disclosure pipeline's jobs: preparation (ingest + detect) and bundle (redact + assemble + verify). One at a
 * time per worker (each holds a document in mupdf's memory). Progress lives on the run row; a run left unfinished by
 * a killed worker is queued again when a worker starts, and carries on from its last finished step.
 */
export async function registerDisclosureJobs(
  jobs: Jobs,
  app: AppDeps,
  log: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  const handler =
    (run: (deps: AppDeps, runId: string) => Promise<void>, name: string) =>
    async (batch: { data: { runId: string } }[]) => {
      for (const job of batch) {
        const runId = job.data.runId
        try {
          await run(app, runId)
          log.info({ runId }, `${name} finished`)
        } catch (err) {
          const current = await findRun(app.pool, runId)
          const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err)
          if (current && current.attempts >= MAX_RUN_ATTEMPTS) {
            await updateRun(app.pool, runId, { status: 'failed', error: message })
            log.warn({ runId, err: message }, `${name} failed after ${current.attempts} attempts`)
            return
          }
          throw err
        }
      }
    }
  // A reviewer waits on these ("Read the material", "Build the bundle"): pg-boss's default 2 s between looks for new
  // jobs was most of the time three short documents took to read. Half a second is pg-boss's shortest interval; the
  // look is one indexed query.
  const options = { batchSize: 1, pollingIntervalSeconds: 0.5 }
  await jobs.boss.work<{ runId: string }>(
    QUEUES.disclosurePrepare,
    options,
    handler(runPreparation, 'material preparation'),
  )
  await jobs.boss.work<{ runId: string }>(QUEUES.disclosureBundle, options, handler(runBundle, 'bundle build'))
  const resumed = await resumeDisclosureRuns(app)
  if (resumed) log.info({ resumed }, 'unfinished disclosure runs queued again')
}

/** Queues again every run a stopped worker left queued or running. Safe with the original job still about. */
export async function resumeDisclosureRuns(app: AppDeps): Promise<number> {
  return withTransaction(app.pool, async (tx) => {
    const r = await tx.query<{ id: string; kind: string }>(
      "SELECT id, kind FROM disclosure_runs WHERE status IN ('queued', 'running') ORDER BY requested_at",
    )
    for (const run of r.rows)
      await app.jobs.enqueue(tx, run.kind === 'prepare' ? QUEUES.disclosurePrepare : QUEUES.disclosureBundle, {
        runId: run.id,
      })
    return r.rows.length
  })
}
