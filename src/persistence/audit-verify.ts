import type { Queryable } from './db.js'
import { GENESIS_HASH, eventHash, payloadHash } from './audit-log.js'

export type AuditVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBadSeq: number | null; firstBadId: string | null; reason: string }

interface Row {
  seq: string
  id: string
  case_id: string | null
  actor_id: string
  occurred_at: Date
  command: string
  event_type: string
  payload: unknown
  payload_hash: string
  prev_hash: string
  hash: string
  redacted_at: Date | null
}

const BATCH = 2000

/**
 * Recomputes the whole chain in order. Any edited field changes a hash; a deleted row breaks the
 * sequence or the link; a reordering breaks the link; a deleted tail disagrees with audit_head.
 * A payload redacted for retention (payload null, redacted_at set) is accepted: its hash still stands
 * in the chain, and the redaction is itself an event further along.
 */
export async function verifyAuditChain(db: Queryable): Promise<AuditVerification> {
  let expectedSeq = 1
  let prev = GENESIS_HASH
  let count = 0
  // Payloads removed by disposal must each be accounted for by a later CaseDisposed event in the chain.
  const unexplained = new Set<number>()
  for (;;) {
    const { rows } = await db.query<Row>(
      `SELECT seq, id, case_id, actor_id, occurred_at, command, event_type, payload, payload_hash, prev_hash, hash, redacted_at
       FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, BATCH],
    )
    for (const r of rows) {
      const problem = checkRow(r, expectedSeq, prev)
      if (problem) return { ok: false, count, firstBadSeq: Number(r.seq), firstBadId: r.id, reason: problem }
      if (r.redacted_at !== null) unexplained.add(Number(r.seq))
      for (const seq of redactionsListedBy(r)) unexplained.delete(seq)
      prev = r.hash
      expectedSeq += 1
      count += 1
    }
    if (rows.length < BATCH) break
  }
  if (unexplained.size > 0) {
    const first = Math.min(...unexplained)
    const reason = `event ${first} had its payload removed with no disposal event recording it`
    return { ok: false, count, firstBadSeq: first, firstBadId: null, reason }
  }
  return checkHead(db, count, prev)
}

function redactionsListedBy(r: Row): number[] {
  if (r.event_type !== 'CaseDisposed' || r.payload === null || typeof r.payload !== 'object') return []
  const seqs = (r.payload as { redactedSeqs?: unknown }).redactedSeqs
  return Array.isArray(seqs) ? seqs.filter((s): s is number => typeof s === 'number') : []
}

function checkRow(r: Row, expectedSeq: number, prev: string): string | null {
  const seq = Number(r.seq)
  if (seq !== expectedSeq) return `event ${expectedSeq} is missing (next present is ${seq})`
  if (r.prev_hash !== prev) return `event ${seq} does not link to the event before it (deleted, inserted or reordered)`
  const recomputed = eventHash(prev, {
    seq,
    id: r.id,
    caseId: r.case_id,
    actorId: r.actor_id,
    occurredAt: r.occurred_at.toISOString(),
    command: r.command,
    eventType: r.event_type,
    payloadHash: r.payload_hash,
  })
  if (recomputed !== r.hash) return `event ${seq} was altered (its hash does not match its contents)`
  if (r.redacted_at === null && payloadHash(r.payload) !== r.payload_hash) return `event ${seq} payload was altered`
  if (r.redacted_at !== null && r.payload !== null) return `event ${seq} is marked redacted but still has a payload`
  return null
}

async function checkHead(db: Queryable, count: number, lastHash: string): Promise<AuditVerification> {
  const head = await db.query<{ last_seq: string; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_head WHERE id = 1',
  )
  const h = head.rows[0]
  if (!h) return { ok: false, count, firstBadSeq: null, firstBadId: null, reason: 'the chain head record is missing' }
  if (Number(h.last_seq) !== count || h.last_hash !== lastHash) {
    const reason = `the chain ends at event ${count} but the head records event ${h.last_seq}: events after ${count} were deleted`
    return { ok: false, count, firstBadSeq: count + 1, firstBadId: null, reason }
  }
  return { ok: true, count, lastHash }
}
