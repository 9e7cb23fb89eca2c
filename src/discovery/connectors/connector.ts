import type { SubjectProfile } from '../match/subject.js'
import type { ColumnType, DataMap, TableMap } from './data-map.js'
import { orderTables } from './data-map.js'

export type Row = Record<string, unknown>

/** SQL one database speaks: the two dialects differ only in quoting, placeholders and a few functions. */
export interface Dialect {
  name: 'postgres' | 'mysql'
  quote(identifier: string): string
  /** The expression that normalises a column for comparing with values of a type. */
  normalised(column: string, type: ColumnType): string
  /** `expr IN (…)` for n values, with placeholders numbered from `from`. */
  inList(expr: string, n: number, from: number): string
  hash(column: string, saltPlaceholder: string): string
  asText(column: string): string
}

/** What Rightsdesk does to a database: read in read-only transactions; write only in an approved erasure plan. */
export interface DbSession {
  query<T = Row>(sql: string, params: unknown[]): Promise<T[]>
  /** Rows changed by the last statement (for the erasure log). */
  execute(sql: string, params: unknown[]): Promise<number>
}

export interface DbConnector {
  dialect: Dialect
  readOnly<T>(fn: (s: DbSession) => Promise<T>): Promise<T>
  transaction<T>(fn: (s: DbSession) => Promise<T>): Promise<T>
  /** Column name → nullable, for checking a "null" strategy before it runs. */
  columns(table: string): Promise<Map<string, { nullable: boolean; type: string; maxLength: number | null }>>
  close(): Promise<void>
}

/** Values to compare a column of a type with, in that column's normal form; empty when the subject has none. */
export function valuesFor(type: ColumnType, profile: SubjectProfile): string[] {
  const ids = (k: Parameters<SubjectProfile['identifiers']['get']>[0]) => [...(profile.identifiers.get(k) ?? [])]
  switch (type) {
    case 'name':
      return profile.people.flatMap((p) =>
        p.givenForms.flatMap((g) => [
          `${g} ${p.surname}`.toLowerCase(),
          `${p.surname}, ${g}`.toLowerCase(),
          [g, ...p.middles, p.surname].join(' ').toLowerCase(),
        ]),
      )
    case 'given-name':
      return profile.people.flatMap((p) => p.givenForms)
    case 'surname':
      return profile.people.map((p) => p.surname.toLowerCase()).filter(Boolean)
    case 'email':
      return ids('email')
    case 'phone':
      // Digits only, international and national: +447700900123 is stored as 447700900123 or 07700900123.
      return ids('phone').flatMap((e) => {
        const d = e.replace(/\D/g, '')
        return d.startsWith('44') ? [d, `0${d.slice(2)}`] : [d]
      })
    case 'dob':
      return ids('dob')
    case 'postcode':
      return ids('postcode')
    case 'ni':
      return ids('ni')
    case 'pnc':
      return ids('pnc')
    case 'vrm':
      return ids('vrm')
    case 'reference':
      return ids('reference')
    case 'address':
      return profile.addressLines
    case 'text':
      return []
  }
}

/**
 * The subject's rows in every mapped table, read live: a row matches when one of its identifier columns equals one
 * of the subject's identifiers (names need given name and surname together), or when it links to a matched row.
 */
export async function findSubjectRows(
  db: DbConnector,
  map: DataMap,
  profile: SubjectProfile,
): Promise<Map<string, { table: TableMap; rows: Row[] }>> {
  const d = db.dialect
  return db.readOnly(async (s) => {
    const found = new Map<string, { table: TableMap; rows: Row[] }>()
    for (const t of orderTables(map)) {
      const ors: string[] = []
      const params: unknown[] = []
      const cond = (expr: string, values: string[]) => {
        if (values.length === 0) return undefined
        const sql = d.inList(expr, values.length, params.length + 1)
        params.push(...values)
        return sql
      }
      const given = Object.entries(t.columns).find(([, ty]) => ty === 'given-name')?.[0]
      const surname = Object.entries(t.columns).find(([, ty]) => ty === 'surname')?.[0]
      for (const [col, type] of Object.entries(t.columns)) {
        if (type === 'given-name' || type === 'surname' || type === 'text') continue
        const c = cond(d.normalised(col, type), valuesFor(type, profile))
        if (c) ors.push(c)
      }
      if (given && surname) {
        const g = cond(d.normalised(given, 'given-name'), valuesFor('given-name', profile))
        const sn = cond(d.normalised(surname, 'surname'), valuesFor('surname', profile))
        if (g && sn) ors.push(`(${g} AND ${sn})`)
      }
      const link = t.link
      if (link) {
        const parentKeys = (found.get(link.table)?.rows ?? []).map((r) => String(r[pkOf(map, link.table)]))
        const c = cond(d.asText(link.column), parentKeys)
        if (c) ors.push(c)
      }
      const rows = ors.length
        ? await s.query<Row>(
            `SELECT * FROM ${d.quote(t.table)} WHERE ${ors.join(' OR ')} ORDER BY ${d.quote(t.primaryKey)}`,
            params,
          )
        : []
      found.set(t.table, { table: t, rows })
    }
    return found
  })
}

function pkOf(map: DataMap, table: string): string {
  return map.tables.find((t) => t.table === table)?.primaryKey ?? 'id'
}
