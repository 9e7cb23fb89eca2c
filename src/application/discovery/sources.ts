import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { createPartition } from '../../discovery/index/store.js'
import { dataMapSchema, orderTables } from '../../discovery/connectors/data-map.js'
import { openConnector } from '../../discovery/connectors/open.js'
import { FILE_KINDS, SOURCE_KINDS, type SourceKind, type SourceRef } from '../../discovery/sources/types.js'
import type { Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'

export interface Source {
  id: string
  controllerId: string
  kind: SourceKind
  name: string
  location: string
  ownerId: string
  ownerName: string
  retentionNote: string
  lastIndexedAt: Date | null
  itemCount: number
  hasSecret: boolean
  dataMap: unknown
}

export interface NewSource {
  controllerId: string
  kind: string
  name: string
  location: string
  ownerId: string
  retentionNote: string
  /** Databases: postgres://… or mysql://… (kept encrypted, never shown again). */
  connection?: string
  /** Databases: the data map as JSON text. */
  dataMap?: string
}

const SELECT = `SELECT s.id, s.controller_id, s.kind, s.name, s.location, s.owner_id, u.name AS owner_name, s.retention_note,
  s.last_indexed_at, s.item_count, s.secret_key IS NOT NULL AS has_secret, s.data_map
  FROM discovery_sources s LEFT JOIN users u ON u.id = s.owner_id`

function toSource(r: Record<string, unknown>): Source {
  return {
    id: r.id as string,
    controllerId: r.controller_id as string,
    kind: r.kind as SourceKind,
    name: r.name as string,
    location: r.location as string,
    ownerId: r.owner_id as string,
    ownerName: (r.owner_name as string | null) ?? '',
    retentionNote: r.retention_note as string,
    lastIndexedAt: (r.last_indexed_at as Date | null) ?? null,
    itemCount: r.item_count as number,
    hasSecret: r.has_secret as boolean,
    dataMap: r.data_map,
  }
}

export async function findSource(db: Queryable, id: string): Promise<Source | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const r = await db.query(`${SELECT} WHERE s.id = $1`, [id])
  return r.rows[0] ? toSource(r.rows[0]) : undefined
}

/** The sources of the actor's controllers (all of them for the system). */
export async function listSources(deps: AppDeps, actor: Actor, controllerId?: string): Promise<Source[]> {
  const ids = controllerId ? [controllerId] : actor.controllerIds
  const r = await deps.pool.query(`${SELECT} WHERE ($1::text[] IS NULL OR s.controller_id = ANY($1)) ORDER BY s.name`, [
    ids,
  ])
  return r.rows
    .map(toSource)
    .filter((s) => actor.controllerIds === null || actor.controllerIds.includes(s.controllerId))
}

/** A source as a reader sees it, with its connection URL decrypted (worker only). */
export async function sourceRef(deps: AppDeps, source: Source): Promise<SourceRef> {
  const r = await deps.pool.query<{ secret_key: string | null }>(
    'SELECT secret_key FROM discovery_sources WHERE id = $1',
    [source.id],
  )
  const key = r.rows[0]?.secret_key
  const connection = key ? Buffer.from(await deps.blobs.get(key)).toString('utf8') : undefined
  return { id: source.id, kind: source.kind, location: source.location, connection, dataMap: source.dataMap }
}

async function validate(
  deps: AppDeps,
  input: NewSource,
): Promise<{ fields: Record<string, string>; dataMap?: unknown }> {
  const fields: Record<string, string> = {}
  if (!SOURCE_KINDS.includes(input.kind as SourceKind)) fields.kind = 'Choose what kind of place this is'
  if (!input.name.trim()) fields.name = 'Enter a name people will recognise'
  if (!input.retentionNote.trim()) fields.retentionNote = 'Say how long records are kept here, and why'
  const owner = await deps.pool.query(
    'SELECT 1 FROM users WHERE id::text = $1 AND $2 = ANY(controller_ids) AND NOT disabled',
    [input.ownerId, input.controllerId],
  )
  if (owner.rowCount === 0) fields.ownerId = 'Choose who owns these records'
  const kind = input.kind as SourceKind
  if (FILE_KINDS.has(kind)) {
    const stat = await fs.stat(input.location).catch(() => null)
    if (!input.location.startsWith('/') || !stat)
      fields.location = 'Enter the full path of a folder or file the server can read'
    return { fields }
  }
  let dataMap: unknown
  try {
    dataMap = dataMapSchema.parse(JSON.parse(input.dataMap ?? ''))
    orderTables(dataMap as never)
  } catch (err) {
    fields.dataMap =
      `The data map is not valid: ${err instanceof Error ? (err.message.split('\n')[0] ?? '') : ''}`.slice(0, 300)
  }
  if (!/^(postgres(ql)?|mysql|mariadb):\/\/\S+$/.test(input.connection ?? '')) {
    fields.connection = 'Enter a connection address starting postgres:// or mysql://'
  } else if (!fields.dataMap && (kind === 'postgres' || kind === 'mysql')) {
    const problem = await checkTables(kind, input.connection!, dataMap)
    if (problem) fields.connection = problem
  }
  return { fields, dataMap }
}

/** Every mapped table and column must exist: a data map that points nowhere finds nothing and says nothing. */
async function checkTables(kind: 'postgres' | 'mysql', url: string, dataMap: unknown): Promise<string | undefined> {
  const db = openConnector(kind, url)
  try {
    for (const t of dataMapSchema.parse(dataMap).tables) {
      const cols = await db.columns(t.table)
      if (cols.size === 0) return `The database has no table ${t.table}`
      const missing = [t.primaryKey, ...Object.keys(t.columns), ...(t.link ? [t.link.column] : [])].filter(
        (c) => !cols.has(c),
      )
      if (missing.length) return `${t.table} has no column ${missing.join(', ')}`
    }
    return undefined
  } catch (err) {
    return `Cannot connect to the database (${err instanceof Error ? err.message : String(err)})`.slice(0, 300)
  } finally {
    await db.close()
  }
}

/** An administrator registers a place records are kept, for one controller (issue 16, "Sources"). */
export async function registerSource(deps: AppDeps, actor: Actor, input: NewSource): Promise<Source> {
  requirePermission(actor, 'discovery:manage')
  // An organisation not chosen is a mistake on the form, not an attempt on another controller.
  if (!input.controllerId)
    throw new DomainError('validation', 'no controller', { fields: { controllerId: 'Choose the organisation' } })
  requireController(actor, input.controllerId)
  const { fields, dataMap } = await validate(deps, input)
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid source', { fields })
  const secretKey =
    input.connection && !FILE_KINDS.has(input.kind as SourceKind)
      ? await deps.blobs.put(Buffer.from(input.connection))
      : null
  const id = randomUUID()
  try {
    await withTransaction(deps.pool, async (tx) => {
      await tx.query(
        `INSERT INTO discovery_sources (id, controller_id, kind, name, location, secret_key, data_map, owner_id, retention_note,
           created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [
          id,
          input.controllerId,
          input.kind,
          input.name.trim(),
          FILE_KINDS.has(input.kind as SourceKind) ? input.location : input.location.trim() || input.kind,
          secretKey,
          dataMap === undefined ? null : JSON.stringify(dataMap),
          input.ownerId,
          input.retentionNote.trim(),
          actor.id,
          deps.clock.now(),
        ],
      )
      await createPartition(tx, id)
      await recordAudit(tx, deps, actor, {
        command: 'RegisterSource',
        eventType: 'DiscoverySourceRegistered',
        payload: { sourceId: id, kind: input.kind, name: input.name.trim(), controllerId: input.controllerId },
      })
    })
  } catch (err) {
    if (secretKey) await deps.blobs.delete(secretKey).catch(() => undefined)
    throw err
  }
  return (await findSource(deps.pool, id))!
}
