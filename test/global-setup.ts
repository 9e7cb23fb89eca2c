import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { acquireDataDirLock } from '../src/persistence/data-dir-lock.js'
import { startEmbeddedPostgres } from '../src/persistence/embedded.js'
import { buildProblem, repoRoot } from '../scripts/build-state.js'
import { buildProduct } from '../scripts/build.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    pgMode: 'embedded' | 'server'
    /** Names this run's template databases (test/support/test-database.ts), apart from other runs on the server. */
    testRunId: string
    /** Where template blob stores live for the run. */
    testTemplateDir: string
    testTemplateBlobKey: string
  }
}

interface Shared {
  context: { pgAdminUrl: string; pgMode: 'embedded' | 'server'; testRunId: string; testTemplateDir: string }
  testTemplateBlobKey: string
  users: number
  stop: () => Promise<void>
}

// The integration and e2e projects both list this file; vitest runs it once for each, in one process. They share
// one PostgreSQL and one set of templates through this global, and the last to finish tears them down.
const KEY = Symbol.for('rightsdesk.test.global-setup')
const shared = globalThis as { [KEY]?: Promise<Shared> }

/**
 * Before any integration or end-to-end file runs: the built product in dist/ is brought up to date (tests start
 * the real `rightsdesk` executable, which runs dist/), and PostgreSQL is ready: the server named by
 * TEST_DATABASE_URL when set (CI points it at the machine's PostgreSQL), otherwise one embedded PostgreSQL for
 * the whole run. Each test file then gets its own database, copied from this run's templates.
 */
export default async function setup(project: TestProject) {
  shared[KEY] ??= start()
  const s = await shared[KEY]
  s.users++
  for (const [key, value] of Object.entries(s.context)) project.provide(key as 'pgAdminUrl', value)
  project.provide('testTemplateBlobKey', s.testTemplateBlobKey)
  return async () => {
    if (--s.users > 0) return
    delete shared[KEY]
    await s.stop()
  }
}

async function start(): Promise<Shared> {
  if (buildProblem(repoRoot)) await buildProduct(repoRoot)
  const testRunId = randomBytes(4).toString('hex')
  const testTemplateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-test-templates-'))
  const base = { testRunId, testTemplateDir, testTemplateBlobKey: randomBytes(32).toString('hex'), users: 0 }
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    return {
      ...base,
      context: { pgAdminUrl: serverUrl, pgMode: 'server', testRunId, testTemplateDir },
      stop: async () => {
        await dropTemplates(serverUrl, testRunId)
        await fs.rm(testTemplateDir, { recursive: true, force: true })
      },
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-test-pg-'))
  const lock = await acquireDataDirLock(dataDir)
  const pgServer = await startEmbeddedPostgres({ dataDir, log: () => undefined })
  return {
    ...base,
    context: { pgAdminUrl: pgServer.url, pgMode: 'embedded', testRunId, testTemplateDir },
    stop: async () => {
      await pgServer.stop()
      await lock.release()
      await fs.rm(dataDir, { recursive: true, force: true })
      await fs.rm(testTemplateDir, { recursive: true, force: true })
    },
  }
}

/** This run's template databases, on a server other runs share (an embedded one goes with its data directory). */
async function dropTemplates(adminUrl: string, runId: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    const found = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `rdt\\_${runId}\\_%`,
    ])
    for (const { datname } of found.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  } finally {
    await admin.end()
  }
}
