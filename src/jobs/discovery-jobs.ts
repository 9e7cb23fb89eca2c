import type { Logger } from 'pino'
import type { AppDeps } from '../application/deps.js'
import { planRun, resumeIndexRuns, runUnit } from '../application/discovery/index-runs.js'
import { pollMailboxes } from '../application/discovery/mailbox-intake.js'
import { QUEUES, type Jobs } from './queue.js'

/** Index units read at once by one worker process (each reads one file or table); more processes add more. */
export const DISCOVERY_WORKERS = Math.max(1, Number(process.env.DISCOVERY_WORKERS ?? 2) || 2)

/**
 * Issue 16: indexing jobs (one plan job per run, then one job per unit, several at a time) and the intake mailbox
 * poll every minute. Units carry on from their stored cursor, so a stopped worker's units are queued again at start.
 */
export async function registerDiscoveryJobs(jobs: Jobs, app: AppDeps, log: Pick<Logger, 'info' | 'warn'>) {
  await jobs.boss.work<{ runId: string }>(QUEUES.discoveryPlan, { batchSize: 1 }, async ([job]) => {
    if (job) await planRun(app, job.data.runId)
  })
  for (let i = 0; i < DISCOVERY_WORKERS; i++) {
    await jobs.boss.work<{ unitId: string }>(QUEUES.discoveryUnit, { batchSize: 1 }, async ([job]) => {
      if (job) await runUnit(app, job.data.unitId)
    })
  }
  await jobs.boss.work(QUEUES.mailboxPoll, async () => {
    const polled = await pollMailboxes(app)
    if (polled.drafts > 0 || polled.failed > 0) log.info(polled, 'intake mailboxes polled')
  })
  await jobs.boss.schedule(QUEUES.mailboxPoll, '* * * * *', {}, { tz: 'Europe/London' })
  const resumed = await resumeIndexRuns(app)
  if (resumed) log.info({ resumed }, 'unfinished indexing queued again')
}
