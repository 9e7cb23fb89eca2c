import { randomUUID } from 'node:crypto'
import type { Queryable } from './db.js'
import { canonicalJson, sha256Hex } from './canonical-json.js'
import { activeAuditKeys, sealOf } from './audit-seal.js'

export const GENESIS_HASH = '0'.repeat(64)

/** What a caller records: one thing that happened, by whom, through which command. */
export interface AuditEntry {
  caseId: string | null
  actorId: string
  occurredAt: Date
  command: string
  eventType: string
  payload: unknown
}

export interface StoredAuditEvent extends Omit<AuditEntry, 'occurredAt'> {
  seq: number
  id: string
  occurredAt: string
  payloadHash: string
  prevHash: string
  hash: string
  redactedAt: string | null
  /** HMAC of `hash` under the audit key (audit-seal.ts); null only where this process was given no key. */
  seal: string | null
}

/** The envelope that is hashed: everything about the event except the payload itself, which enters by its hash. */
export function eventHash(
  prevHash: string,
  e: Omit<StoredAuditEvent, 'hash' | 'prevHash' | 'redactedAt' | 'payload' | 'seal'>,
) {
  const envelope = {
    seq: e.seq,
    id: e.id,
    caseId: e.caseId,
    actorId: e.actorId,
    occurredAt: e.occurredAt,
    command: e.command,
    eventType: e.eventType,
    payloadHash: e.payloadHash,
  }
  return sha256Hex(`${prevHash}\n${canonicalJson(envelope)}`)
}

export function payloadHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload))
}

/**
 * Appends entries to the chain inside the caller's transaction. The head row is locked FOR UPDATE, so
 * concurrent writers queue here and the chain stays linear; the lock is released at commit or rollback,
 * which means a rolled-back change leaves no audit row and no gap.
 */
export async function appendAudit(tx: Queryable, entries: readonly AuditEntry[]): Promise<StoredAuditEvent[]> {
  if (entries.length === 0) return []
  const head = await tx.query<{ last_seq: string; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE',
  )
  const row = head.rows[0]
  if (!row) throw new Error('audit_head is missing: run `rightsdesk migrate`')
  let seq = Number(row.last_seq)
  let prev = row.last_hash
  const keys = activeAuditKeys()
  const stored: StoredAuditEvent[] = []
  for (const entry of entries) {
    seq += 1
    const base = {
      seq,
      id: randomUUID(),
      caseId: entry.caseId,
      actorId: entry.actorId,
      occurredAt: entry.occurredAt.toISOString(),
      command: entry.command,
      eventType: entry.eventType,
      payloadHash: payloadHash(entry.payload),
    }
    const hash = eventHash(prev, base)
    const seal = keys ? sealOf(keys, hash) : null
    stored.push({ ...base, payload: entry.payload, prevHash: prev, hash, redactedAt: null, seal })
    prev = hash
  }
  await insertRows(tx, stored)
  await tx.query('UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [seq, prev])
  return stored
}

async function insertRows(tx: Queryable, rows: StoredAuditEvent[]): Promise<void> {
  const cols = 12
  const values: unknown[] = []
  const tuples = rows.map((r, i) => {
    values.push(r.seq, r.id, r.caseId, r.actorId, r.occurredAt, r.command, r.eventType)
    values.push(JSON.stringify(r.payload ?? null), r.payloadHash, r.prevHash, r.hash, r.seal)
    return `(${Array.from({ length: cols }, (_, j) => `$${i * cols + j + 1}`).join(',')})`
  })
  await tx.query(
    `INSERT INTO audit_events (seq, id, case_id, actor_id, occurred_at, command, event_type, payload, payload_hash, prev_hash, hash, seal)
     VALUES ${tuples.join(',')}`,
    values,
  )
}
