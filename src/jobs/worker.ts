import type { Logger } from 'pino'
import type { AppDeps } from '../application/deps.js'
import type { EmailJob } from '../application/follow-up-jobs.js'
import type { Mailer } from '../notifications/mailer.js'
import { sweepDeadlines } from '../application/sweep-deadlines.js'
import { runDisposalList } from '../application/governance/dispose-case.js'
import { purgeStaleIdentityDocuments } from '../application/purge-stale-identity-documents.js'
import { QUEUES, type Jobs } from './queue.js'

export interface WorkerParts {
  jobs: Jobs
  mailer: Mailer
  log: Pick<Logger, 'info' | 'warn'>
  app: AppDeps
  sweepCron: string
}

/**
 * The job worker: sends queued emails and runs the scheduled deadline sweep. pg-boss retries a failed
 * job with backoff, so a mail server that is briefly down delays a reminder rather than losing it.
 */
export async function startWorker({ jobs, mailer, log, app, sweepCron }: WorkerParts): Promise<void> {
  await jobs.boss.work<EmailJob>(QUEUES.email, { batchSize: 5 }, async (batch) => {
    for (const job of batch) {
      const sent = await mailer.send({ to: job.data.to, subject: job.data.subject, text: job.data.text })
      log.info({ job: job.id, messageId: sent.messageId, file: sent.file }, 'email sent')
    }
  })
  await jobs.boss.work(QUEUES.deadlineSweep, async () => {
    const result = await sweepDeadlines(app)
    log.info({ checked: result.checked, flagged: result.flagged.length }, 'deadline sweep')
  })
  await jobs.boss.work<{ keys: string[] }>(QUEUES.blobDelete, async (batch) => {
    for (const job of batch) for (const key of job.data.keys) await app.blobs.delete(key)
  })
  await jobs.boss.work<{ listId: string }>(QUEUES.disposalRun, async (batch) => {
    for (const job of batch)
      log.info({ listId: job.data.listId, ...(await runDisposalList(app, job.data.listId)) }, 'disposal run')
  })
  await jobs.boss.work(QUEUES.identityPurge, async () => {
    const purged = await purgeStaleIdentityDocuments(app)
    if (purged) log.info({ purged }, 'stale identity documents deleted')
  })
  // Europe/London: "the first thing in the morning" should mean local time, whatever the season.
  await jobs.boss.schedule(QUEUES.deadlineSweep, sweepCron, {}, { tz: 'Europe/London' })
  await jobs.boss.schedule(QUEUES.identityPurge, '17 3 * * *', {}, { tz: 'Europe/London' })
}
