import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import type { AppDeps } from '../application/deps.js'
import { portalDirectory } from '../application/portal/organisations.js'
import { migrationsApplied, migrationsFolder } from '../persistence/db.js'
import { registerApi } from './api/index.js'
import { registerInputHygiene } from './input-hygiene.js'
import { registerRefusalAudit } from './refusal-audit.js'
import { registerSessions } from './session.js'
import { registerWebShell } from './shell.js'
import { registerPortal } from './public/index.js'
import { registerStaff } from './staff/index.js'

export interface WebOptions {
  deps: AppDeps
  logger: boolean | object
  cookieSecret: Buffer
  secureCookies: boolean
  serviceName: string
  organisationName?: string
  /** Trust X-Forwarded-For (only behind a reverse proxy that sets it). Rate limits key on the client address. */
  trustProxy?: boolean
  /** Keep compiled templates (the default when NODE_ENV is production); tests that render thousands of pages set it. */
  cacheTemplates?: boolean
}

const expectedMigrations = (
  JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length

/** Builds the whole web server: the public portal at /, staff casework at /staff, the API at /api. */
export async function buildApp(opts: WebOptions): Promise<FastifyInstance> {
  // Only trust X-Forwarded-For when a reverse proxy is configured: otherwise anyone could set it and escape the
  // per-address rate limits on codes and submissions.
  // Prototype-poisoning keys in a JSON body are dropped rather than refused, so a hostile body on a form route still
  // gets the form's error summary instead of a bare 400.
  const app = Fastify({
    logger: opts.logger,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1_048_576,
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  })
  // Before any route: its hooks reach every route registered after it (bad ids, unstorable text).
  registerInputHygiene(app)
  registerRefusalAudit(app, opts.deps)

  // /health: the process is up. /ready: the database answers and every migration is applied.
  app.get('/health', async () => ({ status: 'ok' }))
  app.get('/ready', async (_request, reply) => {
    const ready = await migrationsApplied(opts.deps.pool, expectedMigrations)
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' })
  })

  await registerWebShell(app, {
    cookieSecret: opts.cookieSecret,
    secureCookies: opts.secureCookies,
    serviceName: opts.serviceName,
    organisationName: opts.organisationName,
    organisations: async () => (await portalDirectory(opts.deps)).controllers,
    ...(opts.cacheTemplates === undefined ? {} : { production: opts.cacheTemplates }),
  })
  await app.register(registerSessions, {
    pool: opts.deps.pool,
    secure: opts.secureCookies,
    now: () => opts.deps.clock.now(),
    idleMinutes: { staff: 30, public: 60 },
    absoluteHours: 12,
  })
  await registerPortal(app, opts.deps)
  await registerStaff(app, opts.deps)
  await registerApi(app, opts.deps)
  return app
}
