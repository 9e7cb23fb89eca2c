import pg from 'pg'

// Kept apart from db.ts (which loads the ORM and the schema) so that `rightsdesk start` can open the database
// before it loads the rest of the product: PostgreSQL starts in its own process while this one compiles code.

// DATE columns are calendar dates (Europe/London): keep them as 'YYYY-MM-DD' strings, never as Dates
// shifted by the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 })
  // A dropped connection (e.g. the embedded server restarting) must not crash the process; the pool
  // discards the client and the next query gets a fresh one.
  pool.on('error', () => undefined)
  // A checked-out client has no pool listener: if its server dies mid-transaction (e.g. the embedded
  // PostgreSQL was killed and is being restarted), its 'error' must not crash the process. The query
  // in flight fails, the transaction is rolled back or lost, and the broken client is discarded.
  pool.on('connect', (client) => client.on('error', () => undefined))
  return pool
}
