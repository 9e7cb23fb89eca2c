import { toCsv } from '../../reporting/csv.js'
import type { SubjectProfile } from '../match/subject.js'
import { findSubjectRows, type DbConnector, type Row } from './connector.js'
import type { DataMap } from './data-map.js'

export interface AccessExport {
  json: string
  csv: { table: string; text: string }[]
  counts: Record<string, number>
}

/**
 * The subject's rows of one system in the portability format (UK GDPR Art 20: structured, commonly used,
 * machine-readable): one JSON document with every table, and one CSV file per table.
 */
export async function exportSubjectRows(
  db: DbConnector,
  map: DataMap,
  profile: SubjectProfile,
  meta: { source: string; exportedAt: string },
): Promise<AccessExport> {
  const found = await findSubjectRows(db, map, profile)
  const tables: Record<string, Row[]> = {}
  const counts: Record<string, number> = {}
  const csv: AccessExport['csv'] = []
  for (const [name, { table, rows }] of found) {
    tables[table.label ?? name] = rows
    counts[name] = rows.length
    if (rows.length === 0) continue
    const headers = Object.keys(rows[0] ?? {})
    csv.push({
      table: name,
      text: toCsv(
        headers,
        rows.map((r) => headers.map((h) => plain(r[h]))),
      ),
    })
  }
  return {
    json: JSON.stringify({ ...meta, tables }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2),
    csv,
    counts,
  }
}

function plain(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString()
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}
