import pg from 'pg'
import type { ColumnType } from './data-map.js'
import type { DbConnector, DbSession, Dialect, Row } from './connector.js'

const quoteOne = (s: string) => `"${s.replace(/"/g, '""')}"`

export const postgresDialect: Dialect = {
  name: 'postgres',
  quote: (id) => id.split('.').map(quoteOne).join('.'),
  asText: (c) => `${quoteOne(c)}::text`,
  normalised(column: string, type: ColumnType) {
    const c = quoteOne(column)
    switch (type) {
      case 'phone':
        return `regexp_replace(${c}::text, '\\D', '', 'g')`
      case 'dob':
        return `${c}::text`
      case 'postcode':
      case 'ni':
      case 'pnc':
      case 'vrm':
      case 'reference':
        return `upper(regexp_replace(${c}::text, '[\\s-]', '', 'g'))`
      default:
        return `lower(btrim(regexp_replace(${c}::text, '\\s+', ' ', 'g')))`
    }
  },
  inList: (expr, n, from) => `${expr} IN (${Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ')})`,
  hash: (c, salt) => `encode(sha256(convert_to(${quoteOne(c)}::text || ${salt}, 'UTF8')), 'hex')`,
}

function session(client: pg.PoolClient | pg.Client): DbSession {
  return {
    async query<T>(sql: string, params: unknown[]) {
      return (await client.query(sql, params)).rows as T[]
    },
    async execute(sql: string, params: unknown[]) {
      return (await client.query(sql, params)).rowCount ?? 0
    },
  }
}

/** A PostgreSQL system of the controller's, through `pg`; one connection at a time. */
export function postgresConnector(url: string): DbConnector {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 10_000 })
  pool.on('error', () => undefined)
  const inTx = async <T>(begin: string, fn: (s: DbSession) => Promise<T>) => {
    const client = await pool.connect()
    try {
      await client.query(begin)
      const result = await fn(session(client))
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }
  return {
    dialect: postgresDialect,
    // READ ONLY: the server itself refuses any write, whatever a data map says.
    readOnly: (fn) => inTx('BEGIN TRANSACTION READ ONLY', fn),
    transaction: (fn) => inTx('BEGIN', fn),
    async columns(table) {
      const [schema, name] = table.includes('.') ? table.split('.') : [null, table]
      const r = await pool.query<{
        column_name: string
        is_nullable: string
        data_type: string
        character_maximum_length: number | null
      }>(
        `SELECT column_name, is_nullable, data_type, character_maximum_length FROM information_schema.columns
          WHERE table_name = $1 AND ($2::text IS NULL OR table_schema = $2) AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
        [name, schema],
      )
      return new Map(
        r.rows.map((c) => [
          c.column_name,
          { nullable: c.is_nullable === 'YES', type: c.data_type, maxLength: c.character_maximum_length },
        ]),
      )
    },
    close: () => pool.end(),
  }
}

export type { Row }
