import type mysql from 'mysql2/promise'
import type * as Mysql from 'mysql2/promise'
import { lazyRequire } from '../../lazy-require.js'
import type { ColumnType } from './data-map.js'
import type { DbConnector, DbSession, Dialect } from './connector.js'

const quoteOne = (s: string) => `\`${s.replace(/`/g, '``')}\``

export const mysqlDialect: Dialect = {
  name: 'mysql',
  quote: (id) => id.split('.').map(quoteOne).join('.'),
  asText: (c) => `CAST(${quoteOne(c)} AS CHAR)`,
  normalised(column: string, type: ColumnType) {
    const c = quoteOne(column)
    switch (type) {
      case 'phone':
        return `REGEXP_REPLACE(CAST(${c} AS CHAR), '[^0-9]', '')`
      case 'dob':
        return `CAST(${c} AS CHAR)`
      case 'postcode':
      case 'ni':
      case 'pnc':
      case 'vrm':
      case 'reference':
        return `UPPER(REGEXP_REPLACE(CAST(${c} AS CHAR), '[[:space:]-]', ''))`
      default:
        return `LOWER(TRIM(REGEXP_REPLACE(CAST(${c} AS CHAR), '[[:space:]]+', ' ')))`
    }
  },
  inList: (expr, n) => `${expr} IN (${Array.from({ length: n }, () => '?').join(', ')})`,
  hash: (c, salt) => `SHA2(CONCAT(CAST(${quoteOne(c)} AS CHAR), ${salt}), 256)`,
}

const mysql2 = lazyRequire<typeof Mysql>('mysql2/promise')

/** Placeholders are written $1, $2 … by shared code; MySQL takes "?" in order. */
const toMysql = (sql: string) => sql.replace(/\$\d+/g, '?')

function session(conn: mysql.Connection): DbSession {
  return {
    async query<T>(sql: string, params: unknown[]) {
      const [rows] = await conn.query(toMysql(sql), params)
      return rows as T[]
    },
    async execute(sql: string, params: unknown[]) {
      const [result] = await conn.query(toMysql(sql), params)
      return (result as mysql.ResultSetHeader).affectedRows ?? 0
    },
  }
}

/** A MySQL or MariaDB system of the controller's, through mysql2. */
export function mysqlConnector(url: string): DbConnector {
  const open = () =>
    mysql2().createConnection({ uri: url, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true })
  const inTx = async <T>(readOnly: boolean, fn: (s: DbSession) => Promise<T>) => {
    const conn = await open()
    try {
      await conn.query(readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION')
      const result = await fn(session(conn))
      await conn.query('COMMIT')
      return result
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      await conn.end().catch(() => undefined)
    }
  }
  return {
    dialect: mysqlDialect,
    readOnly: (fn) => inTx(true, fn),
    transaction: (fn) => inTx(false, fn),
    async columns(table) {
      const conn = await open()
      try {
        const [schema, name] = table.includes('.') ? table.split('.') : [null, table]
        const [rows] = await conn.query(
          `SELECT COLUMN_NAME AS c, IS_NULLABLE AS n, DATA_TYPE AS t, CHARACTER_MAXIMUM_LENGTH AS l FROM information_schema.COLUMNS
            WHERE TABLE_NAME = ? AND TABLE_SCHEMA = COALESCE(?, DATABASE())`,
          [name, schema],
        )
        return new Map(
          (rows as { c: string; n: string; t: string; l: number | null }[]).map((r) => [
            r.c,
            { nullable: r.n === 'YES', type: r.t, maxLength: r.l === null ? null : Number(r.l) },
          ]),
        )
      } finally {
        await conn.end().catch(() => undefined)
      }
    },
    close: async () => undefined,
  }
}
