import { loadConfig, type Config } from './config.js'
import { openDatabaseEarly } from './persistence/open-database.js'
import type { Services } from './services.js'
import type { buildApp as BuildAppFn } from './web/app.js'
import type { SeedResult } from './cli/demo/sign-ins.js'

type BuildApp = typeof BuildAppFn

export type ServerRole = 'web' | 'worker' | 'both'

/**
 * Runs Rightsdesk: the web server, the job worker, or both in one process (the default for a small
 * office). With `demo`, an empty database is first filled with demonstration data. Ctrl-C (SIGINT) or
 * SIGTERM stops everything cleanly, including the embedded PostgreSQL.
 */
export async function runServer(role: ServerRole, options: { demo: boolean }): Promise<number> {
  const started = Date.now()
  const config = loadConfig()
  // PostgreSQL first: it starts in its own process while this one loads the rest of the product (services, then
  // the web server's code), which is most of the time to /ready. Loading that code holds this thread, so it waits
  // until the embedded server's process has been spawned; only the database's own small modules come before.
  const early = openDatabaseEarly({
    dataDir: config.dataDir,
    databaseUrl: config.DATABASE_URL,
    poolSize: config.DB_POOL_SIZE,
  })
  await early.underway
  const loaded = import('./services.js')
  const web = role === 'worker' ? undefined : import('./web/app.js')
  web?.catch(() => undefined) // a failure is reported where it is awaited
  const { createServices } = await loaded.catch(async (err: unknown) => {
    await early.opened.then((db) => db.close()).catch(() => undefined)
    throw err
  })
  const services = await createServices(config, role, early)
  const { isDatabaseUnavailable } = await import('./web/error-status.js')
  // pg-boss records a failed job in a promise nobody awaits; with PostgreSQL restarting under it, that rejection is a
  // lost connection (57P01 and the like), and the job is tried again once the database is back. It must not take the
  // portal down with it. Any other unhandled rejection still ends the process, as Node would.
  process.on('unhandledRejection', (reason) => {
    const e = (reason ?? {}) as { code?: unknown; message?: unknown }
    if (isDatabaseUnavailable(typeof e.code === 'string' ? e.code : '', String(e.message ?? ''))) {
      services.log.warn({ problem: String(e.message) }, 'database connection lost in the background; carrying on')
      return
    }
    throw reason
  })
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\nStopping Rightsdesk (${signal})…\n`)
    await app?.close().catch(() => undefined)
    // The last word on the audit trail before this process goes: everything it wrote is covered (ADR 0008).
    if (role !== 'web') await checkpointAudit(services, 'shutdown')
    await services.close()
    process.stdout.write('Stopped.\n')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  let app: Awaited<ReturnType<BuildApp>> | undefined
  try {
    const { countUsers } = await import('./persistence/repositories/user-repository.js')
    if (options.demo && (await countUsers(services.db.pool)) === 0) {
      const { seedDemo } = await import('./cli/demo/seed-demo.js')
      const { demoSignIns } = await import('./cli/demo/sign-ins.js')
      printSignIns(config, await seedDemo(services.app), demoSignIns)
    }
    if (web) app = await listen(config, services, (await web).buildApp)
    // The worker vouches for the trail as it finds it (and, the first time, seals events older than seals). Pages
    // are served meanwhile: a trail that fails its check is reported loudly, never a reason not to serve.
    if (role !== 'web') await checkpointAudit(services, 'start')
    // The worker's code (the disclosure pipeline, PDF and office readers) loads once the web server answers:
    // nothing that /ready reports on waits for it, and its jobs wait in the queue until it is there.
    if (role !== 'web' && services.jobs) {
      const start = () => startJobs(config, services)
      // Once the web server is serving, a worker that cannot start yet (PostgreSQL restarting under it) must not take
      // the portal down with it: it tries again until it is running. On its own, a worker that cannot start says so.
      if (app)
        await start().catch((err: Error) => {
          services.log.error({ problem: err.message }, 'job worker could not start yet')
          void keepTrying(start, services, () => stopping)
        })
      else await start()
    }
  } catch (err) {
    await app?.close().catch(() => undefined)
    await services.close().catch(() => undefined)
    throw err
  }
  printBanner(config, services, role, Date.now() - started)
  return new Promise<number>(() => undefined) // runs until a signal stops it
}

async function startJobs(config: Config, services: Services): Promise<void> {
  const { startWorker } = await import('./jobs/worker.js')
  const { jobs, mailer, log, app } = services
  if (!jobs) return
  try {
    await startWorker({
      jobs,
      mailer,
      log,
      app,
      sweepCron: config.DEADLINE_SWEEP_CRON,
      auditCheckpoints: { cron: config.AUDIT_CHECKPOINT_CRON, email: config.AUDIT_CHECKPOINT_EMAIL },
    })
  } catch (err) {
    // Half-registered handlers would poll twice after a retry: take them all down before saying it failed.
    const { QUEUES } = await import('./jobs/queue.js')
    await Promise.all(Object.values(QUEUES).map((q) => jobs.boss.offWork(q).catch(() => undefined)))
    throw err
  }
}

async function keepTrying(start: () => Promise<void>, services: Services, stopping: () => boolean): Promise<void> {
  for (let attempt = 1; !stopping(); attempt++) {
    try {
      await start()
      if (attempt > 1) services.log.info({ attempt }, 'job worker started')
      return
    } catch (err) {
      const wait = Math.min(30_000, 500 * 2 ** attempt)
      services.log.error({ problem: (err as Error).message, retryInMs: wait }, 'job worker could not start yet')
      await new Promise((resolve) => setTimeout(resolve, wait).unref())
    }
  }
}

/** Writes a checkpoint; a trail that fails its check is logged loudly, and Rightsdesk carries on serving. */
async function checkpointAudit(services: Services, reason: 'start' | 'shutdown'): Promise<void> {
  const proof = services.app.auditProof
  if (!proof) return
  const { writeAuditCheckpoint } = await import('./application/audit-checkpoint.js')
  try {
    const written = await writeAuditCheckpoint(services.app, proof, reason)
    if (written.adopted > 0)
      services.log.info({ sealed: written.adopted, file: written.file }, 'audit events written before seals now sealed')
  } catch (err) {
    services.log.error({ problem: (err as Error).message }, `audit checkpoint at ${reason} not written`)
  }
}

async function listen(config: Config, services: Services, buildApp: BuildApp) {
  const app = await buildApp({
    deps: services.app,
    logger: config.NODE_ENV === 'development' ? false : { level: config.LOG_LEVEL },
    cookieSecret: services.keys.sessionKey,
    secureCookies: config.baseUrl.startsWith('https://'),
    serviceName: 'Rightsdesk',
    trustProxy: config.TRUST_PROXY,
  })
  try {
    await app.listen({ port: config.PORT, host: config.HOST })
  } catch (err) {
    await app.close().catch(() => undefined)
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE')
      throw new Error(`Port ${config.PORT} is already in use. Set PORT to a free port.`, { cause: err })
    if (code === 'EACCES')
      throw new Error(`Not allowed to listen on port ${config.PORT}. Set PORT to a port above 1023.`, {
        cause: err,
      })
    throw err
  }
  return app
}

function printBanner(config: Config, services: Services, role: ServerRole, ms: number) {
  const db =
    services.db.mode === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}/pg` : 'PostgreSQL server (DATABASE_URL)'
  const mail = services.mailer.mode === 'smtp' ? 'SMTP (SMTP_URL)' : `files in ${config.dataDir}/outbox`
  const lines = [
    '',
    `Rightsdesk is running (${role === 'both' ? 'web and worker' : role}) — started in ${(ms / 1000).toFixed(1)} s`,
    `  Database:        ${db}`,
    `  Mail:            ${mail}`,
  ]
  if (role !== 'worker') {
    lines.push(
      `  Public portal:   ${config.baseUrl}/`,
      `  Staff casework:  ${config.baseUrl}/staff`,
      `  API docs:        ${config.baseUrl}/api/docs`,
      `  Health / ready:  ${config.baseUrl}/health  ${config.baseUrl}/ready`,
    )
  }
  lines.push('Press Ctrl-C to stop.', '')
  process.stdout.write(lines.join('\n'))
}

function printSignIns(
  config: Config,
  seeded: SeedResult,
  demoSignIns: (seeded: SeedResult, baseUrl: string) => string[],
) {
  process.stdout.write(
    [
      '',
      `Demo data created: ${seeded.cases} cases across two controllers.`,
      ...demoSignIns(seeded, config.baseUrl),
      '',
    ].join('\n'),
  )
}
