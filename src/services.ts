import path from 'node:path'
import pino from 'pino'
import type { Config } from './config.js'
import { createCalendar, defaultClockSettings } from './domain/index.js'
import type { Clock } from './domain/index.js'
import { migrate } from './persistence/db.js'
import { openDatabase, type EarlyDatabase } from './persistence/open-database.js'
import { listExtraHolidays } from './persistence/repositories/controller-repository.js'
import { startJobs, type Jobs } from './jobs/queue.js'
import { createMailer } from './notifications/mailer.js'
import { loadOrCreateKey } from './storage/keys.js'
import { loadAuditSigningKey } from './storage/audit-key.js'
import { auditKeysFrom, useAuditKeys } from './persistence/audit-seal.js'
import { checkpointPath } from './persistence/audit-checkpoint-file.js'
import { createBlobStore } from './storage/blob-store.js'
import { clamdAddress, createClamdScanner } from './storage/clamav.js'
import type { AppDeps } from './application/deps.js'

export type Role = 'web' | 'worker' | 'both' | 'none'

const systemClock: Clock = { now: () => new Date() }

/**
 * The composition root (DESIGN.md §3): builds every adapter from the config and hands the application
 * layer its ports. No container; tests build AppDeps themselves.
 */
export async function createServices(config: Config, role: Role, early?: EarlyDatabase) {
  // People at a terminal get readable lines; services and log collectors get JSON.
  const pretty = process.stdout.isTTY && config.NODE_ENV !== 'production'
  const log = pino({
    level: config.LOG_LEVEL,
    base: undefined,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  })
  const dbLog = (msg: string) => log.info({ component: 'postgres' }, msg)
  early?.attachLog(dbLog)
  const db = await (early?.opened ??
    openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.DATABASE_URL,
      poolSize: config.DB_POOL_SIZE,
      log: dbLog,
    }))
  try {
    // pg-boss keeps its own schema: it starts beside our migrations rather than after them.
    const [migrated, started] = await Promise.allSettled([
      migrate(db.pool),
      role === 'none' ? Promise.resolve(null) : startJobs(db.url, role === 'web' ? 'web' : 'both'),
    ])
    const jobs: Jobs | null = started.status === 'fulfilled' ? started.value : null
    if (migrated.status === 'rejected' || started.status === 'rejected') {
      await jobs?.stop().catch(() => undefined)
      throw migrated.status === 'rejected' ? migrated.reason : (started as PromiseRejectedResult).reason
    }
    const mailer = createMailer({
      smtpUrl: config.SMTP_URL,
      from: config.MAIL_FROM,
      outboxDir: path.join(path.resolve(config.dataDir), 'outbox'),
    })
    const sessionKey = await loadOrCreateKey(config.dataDir, 'session-secret', config.SESSION_SECRET)
    const blobKey = await loadOrCreateKey(config.dataDir, 'blob-key', config.BLOB_ENCRYPTION_KEY)
    // Every event this process appends is sealed with the audit key (ADR 0008). Production never generates one:
    // config.ts has refused to start without it.
    const auditKeys = auditKeysFrom(
      await loadAuditSigningKey(config.dataDir, config.AUDIT_SIGNING_KEY, {
        generate: config.NODE_ENV !== 'production',
      }),
    )
    useAuditKeys(auditKeys)
    const calendar = createCalendar(config.WORKING_DAY_CALENDAR, await listExtraHolidays(db.pool))
    const app: AppDeps = {
      pool: db.pool,
      clock: systemClock,
      calendar,
      clockSettings: {
        ...defaultClockSettings,
        sameDayClarificationExcludesOneDay: config.CLARIFICATION_SAME_DAY_EXCLUDES_ONE_DAY,
      },
      jobs: jobs ?? { enqueue: async () => undefined },
      dueSoonWorkingDays: config.DUE_SOON_WORKING_DAYS,
      baseUrl: config.baseUrl,
      blobs: createBlobStore(path.join(path.resolve(config.dataDir), 'blobs'), blobKey),
      identityDocumentMaxDays: config.IDENTITY_DOCUMENT_MAX_DAYS,
      auditProof: { keys: auditKeys, checkpointFile: checkpointPath(config.dataDir) },
      ...scannerOf(config),
    }
    return {
      config,
      log,
      db,
      jobs,
      mailer,
      app,
      keys: { sessionKey, blobKey },
      async close() {
        mailer.close()
        if (jobs) await jobs.stop().catch((e: Error) => log.warn(`job queue stop: ${e.message}`))
        await db.close()
      },
    }
  } catch (err) {
    await db.close().catch(() => undefined)
    throw err
  }
}

export type Services = Awaited<ReturnType<typeof createServices>>

/** clamd when CLAMAV_URL or CLAMAV_SOCKET is set; otherwise uploads are checked by their structure only. */
function scannerOf(config: Config): Pick<AppDeps, 'virusScanner'> {
  const address = clamdAddress(config.CLAMAV_URL, config.CLAMAV_SOCKET)
  return address ? { virusScanner: createClamdScanner(address) } : {}
}
