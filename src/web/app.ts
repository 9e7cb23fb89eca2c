import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import formbody from '@fastify/formbody'
import type { AppDeps } from '../application/deps.js'
import { migrationsApplied, migrationsFolder } from '../persistence/db.js'
import { registerApi } from './api/index.js'

export interface WebOptions {
  deps: AppDeps
  logger: boolean | object
  cookieSecret: Buffer
  secureCookies: boolean
  serviceName: string
}

const expectedMigrations = (
  JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length

/** Builds the whole web server: the public portal at /, staff casework at /staff, the API at /api. */
export async function buildApp(opts: WebOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger, trustProxy: true, bodyLimit: 1_048_576 })
  await app.register(formbody)

  // /health: the process is up. /ready: the database answers and every migration is applied.
  app.get('/health', async () => ({ status: 'ok' }))
  app.get('/ready', async (_request, reply) => {
    const ready = await migrationsApplied(opts.deps.pool, expectedMigrations)
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' })
  })

  await registerApi(app, opts.deps)
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><head><title>${opts.serviceName}</title></head>
<body><h1>${opts.serviceName}</h1><p>The service is running. The public portal and casework screens are coming.</p>
<p><a href="/api/docs">API documentation</a></p></body></html>`),
  )
  return app
}
