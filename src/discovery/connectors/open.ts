import type { DbConnector } from './connector.js'
import { mysqlConnector } from './mysql.js'
import { postgresConnector } from './postgres.js'

/** A connector for a database source's URL: postgres:// or postgresql://, mysql:// or mariadb://. */
export function openConnector(kind: 'postgres' | 'mysql', url: string): DbConnector {
  if (kind === 'postgres') return postgresConnector(url)
  return mysqlConnector(url.replace(/^mariadb:/, 'mysql:'))
}
