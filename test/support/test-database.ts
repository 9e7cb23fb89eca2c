import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { createPool, migrate } from '../../src/persistence/db.js'

export interface TestDatabase {
  url: string
  pool: pg.Pool
  drop(): Promise<void>
}

/**
 * A fresh, migrated database of its own for one test file, on the run's PostgreSQL. It is a copy (CREATE DATABASE
 * … TEMPLATE) of one database migrated once for the whole run, so files running side by side each get their own
 * database in a fraction of a second instead of migrating it again.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  return cloneDatabase(await migratedTemplate())
}

/** The run's migrated, otherwise empty template database; built by whichever test file asks first. */
export function migratedTemplate(): Promise<string> {
  return ensureTemplate('migrated', async (pool) => migrate(pool))
}

/** A new database copied from `template`, with a pool on it; `drop()` removes it. */
export async function cloneDatabase(template: string): Promise<TestDatabase> {
  const name = `rightsdesk_test_${randomBytes(6).toString('hex')}`
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
  const url = withDatabase(inject('pgAdminUrl'), name)
  const pool = createPool(url, 10)
  return {
    url,
    pool,
    async drop() {
      await pool.end()
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

/**
 * Returns the name of this run's template database `kind`, building it with `build` if no test file has yet.
 * Test files run in parallel workers, so the first one to ask builds it under an advisory lock while the others
 * wait; it is built under a temporary name and renamed when complete, so nobody copies half a template. The name
 * carries the run's id: runs from other work trees on the same server never share (or drop) each other's.
 */
export async function ensureTemplate(kind: string, build: (pool: pg.Pool, url: string) => Promise<void>) {
  const name = `${templatePrefix()}${kind}`
  if (name.length > 63) throw new Error(`template database name too long: ${name}`)
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') })
  await admin.connect()
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name])
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount) return name
    const building = `${name}_b`
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)
    const base = kind === 'migrated' ? 'template1' : await migratedTemplate()
    await admin.query(`CREATE DATABASE ${building} TEMPLATE ${base}`)
    const url = withDatabase(inject('pgAdminUrl'), building)
    const pool = createPool(url, 4)
    try {
      await build(pool, url)
    } finally {
      await pool.end()
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
    return name
  } finally {
    await admin.end() // also releases the advisory lock
  }
}

/** Every template database of this run starts with this; the global set-up drops them at the end. */
export function templatePrefix(): string {
  return `rdt_${inject('testRunId')}_`
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') })
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.end()
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
