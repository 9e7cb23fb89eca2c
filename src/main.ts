import { loadConfig, type Config } from './config.js'
import { createServices, type Services } from './services.js'
import { countUsers } from './persistence/repositories/user-repository.js'
import type { buildApp as BuildAppFn } from './web/app.js'
import { demoSignIns, type SeedResult } from './cli/demo/sign-ins.js'

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
  // Start loading the web server's code now: it compiles on this core while PostgreSQL starts on the other.
  const web = role === 'worker' ? undefined : import('./web/app.js')
  web?.catch(() => undefined) // a failure is reported where it is awaited
  const services = await createServices(config, role)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\nStopping Rightsdesk (${signal})…\n`)
    await app?.close().catch(() => undefined)
    await services.close()
    process.stdout.write('Stopped.\n')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  let app: Awaited<ReturnType<BuildApp>> | undefined
  try {
    if (options.demo && (await countUsers(services.db.pool)) === 0) {
      const { seedDemo } = await import('./cli/demo/seed-demo.js')
      printSignIns(config, await seedDemo(services.app))
    }
    if (web) app = await listen(config, services, (await web).buildApp)
    // The worker's code (the disclosure pipeline, PDF and office readers) loads once the web server answers:
    // nothing that /ready reports on waits for it, and its jobs wait in the queue until it is there.
    if (role !== 'web' && services.jobs) {
      const { startWorker } = await import('./jobs/worker.js')
      const { jobs, mailer, log, app: deps } = services
      await startWorker({ jobs, mailer, log, app: deps, sweepCron: config.DEADLINE_SWEEP_CRON })
    }
  } catch (err) {
    await app?.close().catch(() => undefined)
    await services.close().catch(() => undefined)
    throw err
  }
  printBanner(config, services, role, Date.now() - started)
  return new Promise<number>(() => undefined) // runs until a signal stops it
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

function printSignIns(config: Config, seeded: SeedResult) {
  process.stdout.write(
    [
      '',
      `Demo data created: ${seeded.cases} cases across two controllers.`,
      ...demoSignIns(seeded, config.baseUrl),
      '',
    ].join('\n'),
  )
}
