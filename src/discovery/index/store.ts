import type { Queryable } from '../../persistence/db.js'
import type { IndexItem } from './item.js'

const COLUMNS = [
  'source_id',
  'locator',
  'kind',
  'message_id',
  'version',
  'title',
  'sender',
  'recipients',
  'sent_at',
  'body',
  'name_words',
  'emails',
  'email_locals',
  'phones',
  'postcodes',
  'dobs',
  'ni_numbers',
  'pnc_ids',
  'vehicle_regs',
  'refs',
  'last_run_id',
  'indexed_at',
]

/** Versions the index already holds for some locators of a source: what a run may skip. */
export async function knownVersions(db: Queryable, sourceId: string, locators: string[]): Promise<Map<string, string>> {
  if (locators.length === 0) return new Map()
  const r = await db.query<{ locator: string; version: string }>(
    'SELECT locator, version FROM discovery_items WHERE source_id = $1 AND locator = ANY($2::text[])',
    [sourceId, locators],
  )
  return new Map(r.rows.map((row) => [row.locator, row.version]))
}

/** Marks items a run found unchanged as seen by it, so the run's clean-up keeps them. */
export async function touchItems(db: Queryable, sourceId: string, runId: string, locators: string[]): Promise<void> {
  if (locators.length === 0) return
  await db.query('UPDATE discovery_items SET last_run_id = $3 WHERE source_id = $1 AND locator = ANY($2::text[])', [
    sourceId,
    locators,
    runId,
  ])
}

/**
 * Inserts or replaces items in one statement; returns how many were new and how many replaced (`known`: the
 * locators the index held before, from knownVersions: RETURNING xmax is not allowed on a partitioned table).
 */
export async function upsertItems(
  db: Queryable,
  sourceId: string,
  runId: string,
  now: Date,
  items: IndexItem[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<{ added: number; updated: number }> {
  if (items.length === 0) return { added: 0, updated: 0 }
  const values: unknown[] = []
  const rows = items.map((it) => {
    const id = it.identifiers
    const row = [
      sourceId,
      it.locator,
      it.kind,
      it.messageId,
      it.version,
      it.title,
      it.sender,
      it.recipients,
      it.sentAt,
      // PostgreSQL text cannot hold NUL characters (some mail carries them).
      it.body.replaceAll(String.fromCharCode(0), ''),
      it.nameWords,
      id.email,
      it.emailLocals,
      id.phone,
      id.postcode,
      id.dob,
      id.ni,
      id.pnc,
      id.vrm,
      id.reference,
      runId,
      now,
    ]
    const first = values.length
    values.push(...row)
    return `(${row.map((_, i) => `$${first + i + 1}`).join(',')})`
  })
  const updates = COLUMNS.filter((c) => c !== 'source_id' && c !== 'locator')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')
  await db.query(
    `INSERT INTO discovery_items (${COLUMNS.join(',')}) VALUES ${rows.join(',')}
     ON CONFLICT (source_id, locator) DO UPDATE SET ${updates}`,
    values,
  )
  const updated = items.filter((it) => known.has(it.locator)).length
  return { added: items.length - updated, updated }
}

/** The partition of one source: created with the source, so its rows, indexes and vacuum are its own. */
export async function createPartition(db: Queryable, sourceId: string): Promise<void> {
  const name = partitionName(sourceId)
  await db.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF discovery_items FOR VALUES IN ('${sourceId}')`)
}

export async function dropPartition(db: Queryable, sourceId: string): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${partitionName(sourceId)}`)
}

function partitionName(sourceId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(sourceId)) throw new Error(`not a source id: ${sourceId}`)
  return `discovery_items_${sourceId.replace(/-/g, '')}`
}
