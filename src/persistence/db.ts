import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate as drizzleMigrate } from 'drizzle-orm/node-postgres/migrator'
import * as schema from './schema/index.js'
import { GENESIS_HASH } from './audit-log.js'

export { createPool } from './pool.js'

/** Anything that runs SQL: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>
}

export type Tx = pg.PoolClient

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export function orm(client: pg.Pool | pg.PoolClient) {
  return drizzle({ client, schema })
}
export type Orm = ReturnType<typeof orm>

/** Applies the committed SQL migrations (idempotent) and seeds the audit chain's head row. */
export async function migrate(pool: pg.Pool): Promise<void> {
  await drizzleMigrate(orm(pool), { migrationsFolder })
  await pool.query('INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING', [
    GENESIS_HASH,
  ])
}

/** True when every committed migration has been applied (the /ready check). */
export async function migrationsApplied(pool: pg.Pool, expected: number): Promise<boolean> {
  try {
    const r = await pool.query<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')
    return Number(r.rows[0]?.n ?? 0) >= expected
  } catch {
    return false
  }
}

/**
 * Runs `fn` in one transaction. Serialization failures and deadlocks are retried a few times, because
 * case writers and the audit chain head can meet under load and the right answer then is to try again.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      const code = (err as { code?: string }).code
      if ((code === '40001' || code === '40P01') && attempt < 5) continue
      throw err
    } finally {
      client.release()
    }
  }
}
