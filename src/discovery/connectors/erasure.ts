import { randomBytes } from 'node:crypto'
import type { SubjectProfile } from '../match/subject.js'
import { findSubjectRows, type DbConnector, type DbSession, type Row } from './connector.js'
import { orderTables, type DataMap, type TableMap } from './data-map.js'

/** What one table's step will do, counted before anyone approves it. */
export interface DryRunTable {
  table: string
  strategy: 'delete' | 'null' | 'hash' | 'keep'
  columns: string[]
  reason: string
  rows: number
  /** Reasons the step cannot run as planned (a NOT NULL column set to null): the plan cannot be approved. */
  problems: string[]
}

export interface ChangeLogEntry {
  table: string
  action: 'delete' | 'null' | 'hash' | 'keep'
  columns: string[]
  /** Primary keys of the rows changed: which rows, never what they held. */
  keys: string[]
  rows: number
}

export async function dryRunErasure(db: DbConnector, map: DataMap, profile: SubjectProfile): Promise<DryRunTable[]> {
  const found = await findSubjectRows(db, map, profile)
  const out: DryRunTable[] = []
  for (const t of orderTables(map)) {
    const { strategy, columns, reason } = t.erasure
    const problems: string[] = []
    if (strategy === 'null' || strategy === 'hash') {
      const info = await db.columns(t.table)
      if (columns.length === 0) problems.push(`no columns chosen to ${strategy === 'null' ? 'empty' : 'hash'}`)
      for (const c of columns) {
        const col = info.get(c)
        if (!col) problems.push(`column ${c} does not exist`)
        else if (strategy === 'null' && !col.nullable) problems.push(`column ${c} cannot be empty (NOT NULL)`)
        else if (strategy === 'hash' && !/char|text/i.test(col.type))
          problems.push(`column ${c} is not text (${col.type})`)
        if (c === t.primaryKey) problems.push(`the primary key ${c} cannot be changed`)
      }
    }
    if (strategy === 'keep' && !reason.trim()) problems.push('say why the rows are kept')
    out.push({ table: t.table, strategy, columns, reason, rows: found.get(t.table)?.rows.length ?? 0, problems })
  }
  return out
}

/**
 * Runs an approved plan in ONE transaction on the system: children before parents, each step by primary key. The
 * rows are matched again inside the transaction; if the counts differ from the approved dry run, nothing is changed
 * (the data moved since the approval: run a new dry run and approve again).
 */
export async function executeErasure(
  db: DbConnector,
  map: DataMap,
  profile: SubjectProfile,
  approved: DryRunTable[],
): Promise<ChangeLogEntry[]> {
  const found = await findSubjectRows(db, map, profile)
  for (const step of approved) {
    const now = found.get(step.table)?.rows.length ?? 0
    if (now !== step.rows)
      throw new Error(
        `${step.table} now has ${now} matching rows, the approved dry run had ${step.rows}: nothing changed`,
      )
  }
  // Hashes are salted with a value that is never stored, so the originals cannot be recovered by guessing.
  const salt = randomBytes(16).toString('hex')
  return db.transaction(async (s) => {
    const log: ChangeLogEntry[] = []
    for (const t of [...orderTables(map)].reverse()) {
      const rows = found.get(t.table)?.rows ?? []
      log.unshift(await applyStep(s, db, t, rows, salt))
    }
    return log
  })
}

async function applyStep(
  s: DbSession,
  db: DbConnector,
  t: TableMap,
  rows: Row[],
  salt: string,
): Promise<ChangeLogEntry> {
  const d = db.dialect
  const { strategy, columns } = t.erasure
  const keys = rows.map((r) => String(r[t.primaryKey]))
  const entry: ChangeLogEntry = { table: t.table, action: strategy, columns, keys, rows: 0 }
  if (strategy === 'keep' || keys.length === 0) return entry
  const where = d.inList(d.asText(t.primaryKey), keys.length, strategy === 'hash' ? 2 : 1)
  if (strategy === 'delete') {
    entry.rows = await s.execute(`DELETE FROM ${d.quote(t.table)} WHERE ${where}`, keys)
  } else if (strategy === 'null') {
    const sets = columns.map((c) => `${d.quote(c)} = NULL`).join(', ')
    entry.rows = await s.execute(`UPDATE ${d.quote(t.table)} SET ${sets} WHERE ${where}`, keys)
  } else {
    const sets = columns.map((c) => `${d.quote(c)} = ${d.hash(c, '$1')}`).join(', ')
    // MySQL's "?" placeholders are positional: the salt is bound once per hashed column, first.
    const params = d.name === 'mysql' ? [...columns.map(() => salt), ...keys] : [salt, ...keys]
    entry.rows = await s.execute(`UPDATE ${d.quote(t.table)} SET ${sets} WHERE ${where}`, params)
  }
  return entry
}
