import type { Logger } from 'pino'
import type { AppDeps } from '../application/deps.js'
import { AuditCheckpointRefused, emailDailyCheckpoint, writeAuditCheckpoint } from '../application/audit-checkpoint.js'
import { QUEUES, type Jobs } from './queue.js'

export interface AuditJobOptions {
  /** AUDIT_CHECKPOINT_CRON: when a checkpoint is written (Europe/London). */
  cron: string
  /** AUDIT_CHECKPOINT_EMAIL: who gets the daily checkpoint; unset, no email and no daily job. */
  email?: string
}

/**
 * Issue 11: checkpoints of the audit chain on a schedule (ADR 0008), and the daily one emailed when an address is
 * set. A trail that fails its check is logged as an error and not retried: trying again cannot mend it, and the
 * daily job has already told the address.
 */
export async function registerAuditJobs(
  jobs: Jobs,
  app: AppDeps,
  log: Pick<Logger, 'info' | 'error'>,
  options: AuditJobOptions,
): Promise<void> {
  const proof = app.auditProof
  if (!proof) return
  const run = async (what: () => Promise<{ checkpoint: { seq: number } }>) => {
    try {
      const { checkpoint } = await what()
      log.info({ seq: checkpoint.seq }, 'audit checkpoint written')
    } catch (err) {
      if (!(err instanceof AuditCheckpointRefused)) throw err
      log.error({ problem: err.message }, 'audit trail failed verification: no checkpoint written')
    }
  }
  await jobs.boss.work(QUEUES.auditCheckpoint, async () => run(() => writeAuditCheckpoint(app, proof, 'scheduled')))
  await jobs.boss.work(QUEUES.auditCheckpointDaily, async () => {
    if (options.email) await run(() => emailDailyCheckpoint(app, proof, options.email!))
  })
  await jobs.boss.schedule(QUEUES.auditCheckpoint, options.cron, {}, { tz: 'Europe/London' })
  if (options.email) await jobs.boss.schedule(QUEUES.auditCheckpointDaily, '0 6 * * *', {}, { tz: 'Europe/London' })
  else await jobs.boss.unschedule(QUEUES.auditCheckpointDaily)
}
