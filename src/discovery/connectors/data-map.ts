import { z } from 'zod'

/**
 * A data map says which tables of a database hold people's data, which columns hold which identifiers, how a
 * table's rows belong to a person (directly, or through a parent table's key), and how each table is erased.
 */
export const COLUMN_TYPES = [
  'name',
  'given-name',
  'surname',
  'email',
  'phone',
  'dob',
  'postcode',
  'address',
  'ni',
  'pnc',
  'vrm',
  'reference',
  'text',
] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/, 'not a plain SQL name')

export const erasureSchema = z.object({
  strategy: z.enum(['delete', 'null', 'hash', 'keep']),
  columns: z.array(identifier).default([]),
  /** Why rows are kept (a legal obligation, UK GDPR Art 17(3)(b)), or anything a reviewer should know. */
  reason: z.string().default(''),
})

export const tableMapSchema = z.object({
  table: identifier,
  primaryKey: identifier,
  label: z.string().optional(),
  columns: z.record(identifier, z.enum(COLUMN_TYPES)),
  /** Rows that belong to a row of another mapped table: column here → that table's primary key. */
  link: z.object({ column: identifier, table: identifier }).optional(),
  erasure: erasureSchema.default({ strategy: 'keep', columns: [], reason: '' }),
})

export const dataMapSchema = z.object({ tables: z.array(tableMapSchema).min(1) })
export type DataMap = z.infer<typeof dataMapSchema>
export type TableMap = z.infer<typeof tableMapSchema>
export type ErasureStep = z.infer<typeof erasureSchema> & { table: string }

/** Parents before children, so a child's link can use its parent's matched keys; unknown parents are refused. */
export function orderTables(map: DataMap): TableMap[] {
  const byName = new Map(map.tables.map((t) => [t.table, t]))
  const out: TableMap[] = []
  const visiting = new Set<string>()
  const visit = (t: TableMap) => {
    if (out.includes(t)) return
    if (visiting.has(t.table)) throw new Error(`the data map links ${t.table} in a circle`)
    visiting.add(t.table)
    if (t.link) {
      const parent = byName.get(t.link.table)
      if (!parent) throw new Error(`${t.table} links to ${t.link.table}, which is not in the data map`)
      visit(parent)
    }
    out.push(t)
  }
  map.tables.forEach(visit)
  for (const t of map.tables) {
    if (!t.link && !Object.values(t.columns).some((c) => c !== 'text'))
      throw new Error(`${t.table} has no identifier column and no link to another table`)
    for (const c of t.erasure.columns)
      if (!(c in t.columns) && c !== t.primaryKey) throw new Error(`${t.table}: erasure column ${c} is not mapped`)
  }
  return out
}
