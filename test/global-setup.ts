import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { acquireDataDirLock } from '../src/persistence/data-dir-lock.js'
import { startEmbeddedPostgres } from '../src/persistence/embedded.js'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    pgMode: 'embedded' | 'server'
  }
}

/**
 * Integration tests run against a real PostgreSQL: the server named by TEST_DATABASE_URL when set (CI
 * points it at the machine's PostgreSQL), otherwise one embedded PostgreSQL started for the whole run.
 * Each test file then creates and drops its own database on it (test/support/test-database.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    project.provide('pgAdminUrl', serverUrl)
    project.provide('pgMode', 'server')
    return
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-test-pg-'))
  const lock = await acquireDataDirLock(dataDir)
  const pg = await startEmbeddedPostgres({ dataDir, log: () => undefined })
  project.provide('pgAdminUrl', pg.url)
  project.provide('pgMode', 'embedded')
  return async () => {
    await pg.stop()
    await lock.release()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}
