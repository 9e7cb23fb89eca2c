import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { eventHash, payloadHash } from '../../src/persistence/audit-log.js'
import type { Queryable } from '../../src/persistence/db.js'

/**
 * What someone with write access to the database, but not the audit key, can do to the trail: every change here is
 * made in SQL, with hashes recomputed in JS exactly as Rightsdesk computes them (the algorithm is public). None of
 * them can compute a seal or sign a checkpoint.
 */

interface Row {
  seq: number
  id: string
  case_id: string | null
  actor_id: string
  occurred_at: Date
  command: string
  event_type: string
  payload: unknown
  payload_hash: string
  hash: string
  seal: string | null
}

async function rowsFrom(db: Queryable, fromSeq: number): Promise<Row[]> {
  const { rows } = await db.query<Row & { seq: string }>(
    `SELECT seq, id, case_id, actor_id, occurred_at, command, event_type, payload, payload_hash, hash, seal
     FROM audit_events WHERE seq >= $1 ORDER BY seq`,
    [fromSeq],
  )
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }))
}

async function hashBefore(db: Queryable, seq: number): Promise<string> {
  if (seq <= 1) return '0'.repeat(64)
  const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [seq - 1])
  return rows[0]!.hash
}

function envelope(r: Row) {
  return {
    seq: r.seq,
    id: r.id,
    caseId: r.case_id,
    actorId: r.actor_id,
    occurredAt: r.occurred_at.toISOString(),
    command: r.command,
    eventType: r.event_type,
    payloadHash: r.payload_hash,
  }
}

/**
 * Rewrites history consistently: `change` edits the rows from `fromSeq` on (it may also drop or reorder them), then
 * every sequence number, link and hash from there to the end is recomputed and the head set to match, so the chain
 * alone verifies. Seals are left as they were, or removed from the rewritten events with `stripSeals`.
 */
export async function rewriteConsistently(
  db: Queryable,
  fromSeq: number,
  change: (rows: Row[]) => Row[],
  options: { stripSeals?: boolean } = {},
): Promise<void> {
  const original = await rowsFrom(db, fromSeq)
  const rows = change(original.map((r) => ({ ...r })))
  let prev = await hashBefore(db, fromSeq)
  const rewritten = rows.map((r, i) => {
    const seq = fromSeq + i
    const hash = eventHash(prev, envelope({ ...r, seq }))
    const changed = hash !== r.hash
    const row = { ...r, seq, prevHash: prev, hash, seal: options.stripSeals && changed ? null : r.seal }
    prev = hash
    return row
  })
  // Rows keep their ids; the old rows go and the rewritten ones take their places.
  await db.query('DELETE FROM audit_events WHERE seq >= $1', [fromSeq])
  for (const r of rewritten) {
    await db.query(
      `INSERT INTO audit_events (seq, id, case_id, actor_id, occurred_at, command, event_type, payload, payload_hash,
         prev_hash, hash, seal) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        r.seq,
        r.id,
        r.case_id,
        r.actor_id,
        r.occurred_at,
        r.command,
        r.event_type,
        JSON.stringify(r.payload ?? null),
        r.payload_hash,
        r.prevHash,
        r.hash,
        r.seal,
      ],
    )
  }
  const last = rewritten.at(-1)
  if (last) await db.query('UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [last.seq, last.hash])
}

/** Cuts the chain back to `keepSeq` and fixes the head so that the chain alone verifies. */
export async function truncateAndFixHead(db: Queryable, keepSeq: number): Promise<void> {
  await db.query('DELETE FROM audit_events WHERE seq > $1', [keepSeq])
  await db.query(
    'UPDATE audit_head SET last_seq = $1, last_hash = (SELECT hash FROM audit_events WHERE seq = $1) WHERE id = 1',
    [keepSeq],
  )
}

/** Appends an event nobody made, linked and hashed correctly, with the head moved to it. */
export async function forgeAppend(db: Queryable, seal: string | null = null): Promise<number> {
  const head = (await db.query<{ last_seq: string; last_hash: string }>('SELECT * FROM audit_head WHERE id = 1'))
    .rows[0]!
  const payload = { reason: 'forged', approvedBy: 'nobody' }
  const event = {
    seq: Number(head.last_seq) + 1,
    id: randomUUID(),
    caseId: null,
    actorId: 'user:forger',
    occurredAt: new Date('2026-06-01T09:00:00.000Z').toISOString(),
    command: 'ApproveDisposal',
    eventType: 'DisposalListApproved',
    payloadHash: payloadHash(payload),
  }
  const hash = eventHash(head.last_hash, event)
  await db.query(
    `INSERT INTO audit_events (seq, id, case_id, actor_id, occurred_at, command, event_type, payload, payload_hash,
       prev_hash, hash, seal) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      event.seq,
      event.id,
      null,
      event.actorId,
      event.occurredAt,
      event.command,
      event.eventType,
      JSON.stringify(payload),
      event.payloadHash,
      head.last_hash,
      hash,
      seal,
    ],
  )
  await db.query('UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [event.seq, hash])
  return event.seq
}

/** Keeps a copy of the trail (audit_events_backup, audit_head_backup) to put back after a committed tampering. */
export async function backUpTrail(pool: pg.Pool): Promise<void> {
  await pool.query('DROP TABLE IF EXISTS audit_events_backup, audit_head_backup')
  await pool.query('CREATE TABLE audit_events_backup AS SELECT * FROM audit_events')
  await pool.query('CREATE TABLE audit_head_backup AS SELECT * FROM audit_head')
}

export async function restoreTrail(pool: pg.Pool): Promise<void> {
  await pool.query('DELETE FROM audit_events')
  await pool.query('INSERT INTO audit_events SELECT * FROM audit_events_backup')
  await pool.query('DELETE FROM audit_head')
  await pool.query('INSERT INTO audit_head SELECT * FROM audit_head_backup')
}
