import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { SYSTEM_ACTOR } from '../../src/application/actor.js'
import { createApiToken } from '../../src/application/create-api-token.js'
import { createUser } from '../../src/application/create-user.js'
import type { AppDeps } from '../../src/application/deps.js'
import type { JobQueue } from '../../src/application/ports.js'
import { seedDemo } from '../../src/cli/demo/seed-demo.js'
import { demoEmail } from '../../src/cli/demo/demo-controllers.js'
import { createCalendar, defaultClockSettings } from '../../src/domain/index.js'
import type { Role } from '../../src/domain/index.js'
import { buildApp } from '../../src/web/app.js'
import { createBlobStore } from '../../src/storage/blob-store.js'
import { withTransaction } from '../../src/persistence/db.js'
import { demoTemplate } from './demo-template.js'
import { cloneDatabase, createTestDatabase, type TestDatabase } from './test-database.js'
import { writeSetting } from '../../src/application/casework/settings.js'
import { rememberApp } from './second-factor.js'

export interface Harness {
  db: TestDatabase
  deps: AppDeps
  app: FastifyInstance
  blobDir: string
  /** Moves the harness clock (use cases read time only from it). */
  setNow(instant: string | null): void
  /** A bearer token for the demo user with this role. */
  tokenFor(role: Role): Promise<string>
  close(): Promise<void>
}

export interface HarnessOptions {
  now?: () => Date
  jobs?: (url: string) => Promise<JobQueue>
  /** Share the blob store with a child `rightsdesk` process (its data dir's blobs/ and BLOB_ENCRYPTION_KEY). */
  blobs?: { dir: string; key: Buffer }
  /**
   * Acknowledge staff- and API-logged requests automatically, as a new office does (issue 14). Off unless asked:
   * most tests walk the officer's own acknowledgement step, as an office that turned the setting off would.
   */
  autoAcknowledge?: boolean
  /** Compile each template once (as in production): for files that render thousands of pages. */
  cacheTemplates?: boolean
}

/** A real database with the demo office loaded, and the real Fastify app on it (driven by inject). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { db, blobDir, blobKey, seedJobs } = await demoDatabase(options)
  let fixedNow: string | null = null
  const deps: AppDeps = {
    pool: db.pool,
    clock: { now: () => (fixedNow ? new Date(fixedNow) : (options.now ?? (() => new Date()))()) },
    calendar: createCalendar('england-and-wales'),
    clockSettings: defaultClockSettings,
    jobs: options.jobs ? await options.jobs(db.url) : { enqueue: async () => undefined },
    dueSoonWorkingDays: 5,
    baseUrl: 'http://rightsdesk.test',
    blobs: createBlobStore(blobDir, blobKey),
    identityDocumentMaxDays: 90,
  }
  if (seedJobs) {
    // The copy has the demo's data but not the jobs its seed queued: ask this harness's queue for them, as the seed
    // would have, in one transaction.
    await withTransaction(db.pool, async (tx) => {
      for (const job of seedJobs) await deps.jobs.enqueue(tx, job.queue, job.data, job.options)
    })
  } else await seedDemo(deps)
  if (!options.autoAcknowledge) await writeSetting(db.pool, 'autoAcknowledgeChannels', [], 'test-harness', new Date())
  const app = await buildApp({
    deps,
    logger: false,
    cookieSecret: randomBytes(32),
    secureCookies: false,
    serviceName: 'Rightsdesk',
    // Tests stand in for clients behind a reverse proxy, each with its own X-Forwarded-For address.
    trustProxy: true,
    // Compiled templates kept, as in production: nothing edits them during a run, and recompiling them for every
    // page was most of a page's CPU in the tests (the route matrix fell from 44 s to 11 s).
    cacheTemplates: options.cacheTemplates ?? true,
  })
  rememberApp(app, deps)
  const tokens = new Map<string, string>()
  return {
    db,
    deps,
    app,
    blobDir,
    setNow(instant) {
      fixedNow = instant
    },
    async tokenFor(role) {
      const cached = tokens.get(role)
      if (cached) return cached
      const { token } = await createApiToken(deps, SYSTEM_ACTOR, { email: demoEmail(role), label: 'test' })
      tokens.set(role, token)
      return token
    },
    async close() {
      await app.close()
      await db.drop()
      await fs.rm(blobDir, { recursive: true, force: true })
    },
  }
}

/**
 * The harness's database and blob store with the demo office in them: a copy of the run's demo template (built once,
 * see demo-template.ts), or, when the blob store is shared with a child process under its own key, a migrated copy
 * to seed here (the template's demo material is encrypted under the template's key).
 */
async function demoDatabase(options: HarnessOptions) {
  if (options.blobs) {
    return { db: await createTestDatabase(), blobDir: options.blobs.dir, blobKey: options.blobs.key, seedJobs: null }
  }
  const template = await demoTemplate(options.now?.() ?? new Date(), options.now !== undefined)
  const db = await cloneDatabase(template.database)
  const blobDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-test-blobs-'))
  await fs.cp(template.blobDir, blobDir, { recursive: true })
  return { db, blobDir, blobKey: template.blobKey, seedJobs: template.jobs }
}

/** Creates a user limited to one controller, with a token, for scoping tests. */
export async function scopedToken(h: Harness, role: Role, controllerId: string): Promise<string> {
  const email = `${role}-${randomBytes(3).toString('hex')}@scoped.example`
  await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: 'Scoped User',
    roles: [role],
    controllerIds: [controllerId],
    password: 'a-long-password-1',
  })
  return (await createApiToken(h.deps, SYSTEM_ACTOR, { email, label: 'scoped' })).token
}
