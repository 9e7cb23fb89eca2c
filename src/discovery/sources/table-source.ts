import { buildItem, sha1, type PendingItem } from '../index/item.js'
import { normaliseIdentifier, type IdentifierKind } from '../match/identifiers.js'
import { openConnector } from '../connectors/open.js'
import { dataMapSchema, type ColumnType, type TableMap } from '../connectors/data-map.js'
import type { Row } from '../connectors/connector.js'
import type { ReadBatch, SourceReader, SourceRef } from './types.js'

const IDENTIFIER_OF: Partial<Record<ColumnType, IdentifierKind>> = {
  email: 'email',
  phone: 'phone',
  dob: 'dob',
  postcode: 'postcode',
  ni: 'ni',
  pnc: 'pnc',
  vrm: 'vrm',
  reference: 'reference',
}

/** A database row as an item: "column: value" lines, with mapped identifier columns in their normal form. */
export function rowItem(t: TableMap, row: Row, locator: string) {
  const lines = Object.entries(row).map(([k, v]) => `${k}: ${v instanceof Date ? v.toISOString() : String(v ?? '')}`)
  const text = `${t.label ?? t.table}\n${lines.join('\n')}`
  const item = buildItem({
    locator,
    kind: 'row',
    version: sha1(text),
    messageId: null,
    title: `${t.label ?? t.table} ${String(row[t.primaryKey])}`,
    sender: null,
    recipients: null,
    sentAt: null,
    text,
  })
  for (const [col, type] of Object.entries(t.columns)) {
    const kind = IDENTIFIER_OF[type]
    const value = kind && row[col] != null ? normaliseIdentifier(kind, String(row[col])) : undefined
    if (kind && value && !item.identifiers[kind].includes(value)) item.identifiers[kind].push(value)
  }
  return item
}

function connectorOf(source: SourceRef) {
  if (!source.connection || (source.kind !== 'postgres' && source.kind !== 'mysql')) throw new Error('not a database')
  return openConnector(source.kind, source.connection)
}

/**
 * Databases through their data map: one unit per mapped table, read in primary key order in read-only transactions;
 * the cursor is the last key read. Rows are found again by "table#key".
 */
export const tableReader: SourceReader = {
  async plan(source) {
    return dataMapSchema.parse(source.dataMap).tables.map((t) => ({ key: t.table, cursor: { after: null } }))
  },
  async *read(source, unit, batchSize) {
    const map = dataMapSchema.parse(source.dataMap)
    const t = map.tables.find((x) => x.table === unit.key)
    if (!t) return
    const db = connectorOf(source)
    const d = db.dialect
    try {
      let after = (unit.cursor as { after: string | null }).after
      for (;;) {
        const rows = await db.readOnly((s) =>
          s.query<Row>(
            `SELECT * FROM ${d.quote(t.table)} ${after === null ? '' : `WHERE ${d.quote(t.primaryKey)} > $1`}
              ORDER BY ${d.quote(t.primaryKey)} LIMIT ${Number(batchSize)}`,
            after === null ? [] : [after],
          ),
        )
        if (rows.length === 0) return
        const items: PendingItem[] = rows.map((row) => {
          const item = rowItem(t, row, `${t.table}#${String(row[t.primaryKey])}`)
          return { locator: item.locator, version: item.version, build: async () => item }
        })
        after = String(rows[rows.length - 1]![t.primaryKey])
        yield { items, cursor: { after }, problems: [] } satisfies ReadBatch
        if (rows.length < batchSize) return
      }
    } finally {
      await db.close()
    }
  },
}
