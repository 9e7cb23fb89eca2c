import PgBoss from 'pg-boss'
import { useQuickCronCheck } from './cron-check.js'
import type { JobQueue } from '../application/ports.js'

export const QUEUES = {
  email: 'email-send',
  deadlineSweep: 'deadline-sweep',
  blobDelete: 'blob-delete',
  identityPurge: 'identity-purge',
  disposalRun: 'disposal-run',
  governanceDaily: 'governance-daily',
  disclosurePrepare: 'disclosure-prepare',
  disclosureBundle: 'disclosure-bundle',
  // Issue 16: indexing a source (plan, then one job per file or table) and polling the intake mailboxes.
  discoveryPlan: 'discovery-plan',
  discoveryUnit: 'discovery-unit',
  mailboxPoll: 'mailbox-poll',
  // Issue 11: signed checkpoints of the audit chain head, and the daily one emailed.
  auditCheckpoint: 'audit-checkpoint',
  auditCheckpointDaily: 'audit-checkpoint-daily',
  // Issue 14: the daily digest of staff notifications, for those who chose one email a day.
  notificationDigest: 'notification-digest',
} as const
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export interface Jobs extends JobQueue {
  boss: PgBoss
  stop(): Promise<void>
}

/**
 * pg-boss on the application's own database. `role: 'web'` only sends (no maintenance, no cron), so
 * several web instances can run beside one worker.
 */
export async function startJobs(url: string, role: 'web' | 'worker' | 'both'): Promise<Jobs> {
  useQuickCronCheck()
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    supervise: role !== 'web',
    schedule: role !== 'web',
  })
  let stopping = false
  boss.on('error', (err: Error & { code?: string }) => {
    // On shutdown the embedded server ends pg-boss's last connections (57P01): expected, not worth a line.
    if (stopping || err.code === '57P01') return
    console.error(`job queue: ${err.message}`)
  })
  await boss.start()
  for (const name of Object.values(QUEUES)) {
    // A disclosure build can take many minutes on a large bundle: it must not be expired (and started again) while
    // it is still going. A killed worker's build is picked up at the next start instead (resumeDisclosureRuns).
    const long = name === QUEUES.disclosurePrepare || name === QUEUES.disclosureBundle || name === QUEUES.discoveryUnit
    await boss.createQueue(name, {
      name,
      retryLimit: 5,
      retryDelay: long ? 5 : 30,
      retryBackoff: true,
      ...(long ? { expireInSeconds: 3 * 60 * 60 } : {}),
    })
  }
  return {
    boss,
    async enqueue(tx, queue, data, options) {
      // Passing the caller's transaction makes the job commit (or vanish) with the change it reports.
      await boss.send(queue, data, { ...options, db: { executeSql: (text, values) => tx.query(text, values) } })
    },
    async stop() {
      stopping = true
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
