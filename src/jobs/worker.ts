import type { Logger } from 'pino'
import type { AppDeps } from '../application/deps.js'
import type { EmailJob } from '../application/follow-up-jobs.js'
import type { Mailer } from '../notifications/mailer.js'
import { sweepDeadlines } from '../application/sweep-deadlines.js'
import { runDisposalList } from '../application/governance/dispose-case.js'
import { sendMonthlyPackIfDue } from '../application/governance/monthly-pack.js'
import { sendTrainingReminders } from '../application/governance/training.js'
import { purgeStaleIdentityDocuments } from '../application/purge-stale-identity-documents.js'
import { chaseOverdueTasks } from '../application/casework/chase-overdue-tasks.js'
import { purgeSignInThrottle } from '../application/staff/throttle.js'
import { sendNotificationDigests } from '../application/casework/notify-staff.js'
import { findDocument } from '../persistence/repositories/document-repository.js'
import type { MailMessage } from '../notifications/mailer.js'
import { QUEUES, type Jobs } from './queue.js'
import { registerDisclosureJobs } from './disclosure-jobs.js'
import { registerDiscoveryJobs } from './discovery-jobs.js'
import { registerAuditJobs, type AuditJobOptions } from './audit-jobs.js'

export interface WorkerParts {
  jobs: Jobs
  mailer: Mailer
  log: Pick<Logger, 'info' | 'warn' | 'error'>
  app: AppDeps
  sweepCron: string
  auditCheckpoints?: AuditJobOptions
}

/**
 * The job worker: sends queued emails and runs the scheduled deadline sweep. pg-boss retries a failed
 * job with backoff, so a mail server that is briefly down delays a reminder rather than losing it.
 */
export async function startWorker(parts: WorkerParts): Promise<void> {
  const { jobs, mailer, log, app, sweepCron } = parts
  await jobs.boss.work<EmailJob>(QUEUES.email, { batchSize: 5 }, async (batch) => {
    for (const job of batch) {
      const sent = await mailer.send(await messageOf(app, job.data))
      log.info({ job: job.id, messageId: sent.messageId, file: sent.file }, 'email sent')
    }
  })
  await jobs.boss.work(QUEUES.deadlineSweep, async () => {
    const result = await sweepDeadlines(app)
    // Issue "Reminders": staff with overdue search tasks are chased on the same schedule as the deadline check.
    const tasks = await chaseOverdueTasks(app)
    log.info(
      { checked: result.checked, flagged: result.flagged.length, tasksChased: tasks.chased.length },
      'deadline sweep',
    )
  })
  await jobs.boss.work<{ keys: string[] }>(QUEUES.blobDelete, async (batch) => {
    for (const job of batch) for (const key of job.data.keys) await app.blobs.delete(key)
  })
  await jobs.boss.work<{ listId: string }>(QUEUES.disposalRun, async (batch) => {
    for (const job of batch)
      log.info({ listId: job.data.listId, ...(await runDisposalList(app, job.data.listId)) }, 'disposal run')
  })
  await jobs.boss.work(QUEUES.governanceDaily, async () => {
    // Seed 002: the monthly compliance pack on the first working day, and training reminders before expiry.
    const month = await sendMonthlyPackIfDue(app)
    const reminders = await sendTrainingReminders(app)
    log.info({ compliancePack: month, trainingReminders: reminders }, 'governance daily')
  })
  await jobs.boss.work(QUEUES.identityPurge, async () => {
    const purged = await purgeStaleIdentityDocuments(app)
    if (purged) log.info({ purged }, 'stale identity documents deleted')
    // Sign-in throttle rows with nothing left to remember (no block, no recent failure): the table stays small.
    await purgeSignInThrottle(app.pool, app.clock.now())
  })
  await jobs.boss.work(QUEUES.notificationDigest, async () => {
    log.info(await sendNotificationDigests(app), 'notification digest')
  })
  await registerDisclosureJobs(jobs, app, log)
  await registerDiscoveryJobs(jobs, app, log)
  if (parts.auditCheckpoints) await registerAuditJobs(jobs, app, log, parts.auditCheckpoints)
  // Europe/London: "the first thing in the morning" should mean local time, whatever the season.
  await jobs.boss.schedule(QUEUES.deadlineSweep, sweepCron, {}, { tz: 'Europe/London' })
  await jobs.boss.schedule(QUEUES.identityPurge, '17 3 * * *', {}, { tz: 'Europe/London' })
  await jobs.boss.schedule(QUEUES.governanceDaily, '10 7 * * *', {}, { tz: 'Europe/London' })
  // Before the working day starts, so the digest is the first thing read (issue 14).
  await jobs.boss.schedule(QUEUES.notificationDigest, NOTIFICATION_DIGEST_CRON, {}, { tz: 'Europe/London' })
}

/** When the daily digest of staff notifications goes out (Europe/London). */
export const NOTIFICATION_DIGEST_CRON = '30 7 * * *'

/**
 * The message for a queued email. Attachments are named by document id and read from the encrypted store only now,
 * so the job table never holds the file. A document purged in the meantime fails the job rather than sending less.
 */
async function messageOf(app: AppDeps, data: EmailJob): Promise<MailMessage> {
  const attachments = []
  for (const a of data.attachments ?? []) {
    const doc = await findDocument(app.pool, a.documentId)
    if (!doc?.storageKey) throw new Error(`attachment ${a.documentId} is no longer held`)
    attachments.push({
      filename: a.filename,
      content: await app.blobs.get(doc.storageKey),
      contentType: doc.contentType,
    })
  }
  return {
    to: data.to,
    subject: data.subject,
    text: data.text,
    ...(data.html ? { html: data.html } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(data.secret ? { secret: data.secret } : {}),
  }
}
