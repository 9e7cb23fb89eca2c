import type { Queryable } from './db.js'
import { GENESIS_HASH, eventHash, payloadHash } from './audit-log.js'
import { sealMatches, type AuditKeys } from './audit-seal.js'
import type { Checkpoint } from './audit-checkpoint-file.js'

/**
 * What was found wrong. The chain alone finds edits, deletions and reorderings; the seals find a chain recomputed
 * (rewritten) or extended (forged) without the audit key; the signed checkpoints find a truncated chain whose head
 * was fixed to match (docs/adr/0008-audit-checkpoints.md).
 */
export type TamperKind =
  | 'altered'
  | 'missing'
  | 'relinked'
  | 'unexplained-redaction'
  | 'truncated'
  | 'rewritten'
  | 'forged'
  | 'head'
  | 'checkpoint-file'

export type AuditVerification =
  | { ok: true; count: number; lastHash: string; sealed: number; unsealed: number }
  | {
      ok: false
      count: number
      firstBadSeq: number | null
      firstBadId: string | null
      reason: string
      kind: TamperKind
    }

type Broken = Extract<AuditVerification, { ok: false }>

/** How seals and checkpoints are checked. Without this, only the chain is (tests that build their own services). */
export interface SealCheck {
  keys: AuditKeys
  /** Every event must carry a valid seal (once the trail has a checkpoint, it always must). */
  required: boolean
  checkpoints: readonly Checkpoint[]
}

export interface ChainOptions {
  seals?: SealCheck
  /** Start after this event, already checked (a checkpoint), instead of at the beginning. */
  after?: { seq: number; hash: string }
  /** Stop at this event (the head as read before the walk) instead of at the last row. */
  upTo?: { seq: number; hash: string }
}

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
  seal: string | null
}

const BATCH = 2000

/**
 * Recomputes the chain in order. Any edited field changes a hash; a deleted row breaks the sequence or the link; a
 * reordering breaks the link; a deleted tail disagrees with audit_head, or, when the head was fixed to match, with
 * the last checkpoint. With `seals`, each event's seal must match its hash, and each checkpointed event its
 * checkpoint. A payload redacted for retention (payload null, redacted_at set) is accepted: its hash still stands in
 * the chain, and the redaction is itself an event further along.
 */
export async function verifyAuditChain(db: Queryable, options: ChainOptions = {}): Promise<AuditVerification> {
  const walk = new ChainWalk(options)
  let expectedSeq = (options.after?.seq ?? 0) + 1
  const last = options.upTo?.seq ?? Number.MAX_SAFE_INTEGER
  for (;;) {
    const { rows } = await db.query<Row>(
      `SELECT seq, id, case_id, actor_id, occurred_at, command, event_type, payload, payload_hash, prev_hash, hash,
              redacted_at, seal
       FROM audit_events WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
      [expectedSeq, last, BATCH],
    )
    for (const r of rows) {
      const broken = walk.step(r, expectedSeq)
      if (broken) return broken
      expectedSeq += 1
    }
    if (rows.length < BATCH) break
  }
  return walk.finish(db)
}

class ChainWalk {
  prev: string
  count: number
  sealed = 0
  unsealed = 0
  // Payloads removed by disposal must each be accounted for by a later CaseDisposed event in the chain. Only a walk
  // of the whole chain can tell: a disposal beyond a partial walk may explain a redaction inside it.
  readonly unexplained: Set<number> | null
  readonly lastCheckpoint: Checkpoint | null
  readonly checkpointAt = new Map<number, Checkpoint>()

  constructor(readonly options: ChainOptions) {
    this.prev = options.after?.hash ?? GENESIS_HASH
    this.count = options.after?.seq ?? 0
    this.unexplained = options.after || options.upTo ? null : new Set<number>()
    const checkpoints = options.seals?.checkpoints ?? []
    for (const c of checkpoints) this.checkpointAt.set(c.seq, c)
    this.lastCheckpoint = checkpoints.reduce<Checkpoint | null>((a, c) => (a && a.seq >= c.seq ? a : c), null)
  }

  step(r: Row, expectedSeq: number): Broken | null {
    const seq = Number(r.seq)
    const bad = (kind: TamperKind, reason: string): Broken => ({
      ok: false,
      count: this.count,
      firstBadSeq: seq,
      firstBadId: r.id,
      reason,
      kind,
    })
    const problem = checkRow(r, expectedSeq, this.prev)
    if (problem) return bad(problem.kind, problem.reason)
    const sealProblem = this.checkSeal(r, seq)
    if (sealProblem) return bad(sealProblem.kind, sealProblem.reason)
    const checkpoint = this.checkpointAt.get(seq)
    if (checkpoint && checkpoint.headHash !== r.hash)
      return bad('rewritten', `event ${seq} is not the event the checkpoint of ${checkpoint.at} signed: rewritten`)
    if (this.unexplained) {
      if (r.redacted_at !== null) this.unexplained.add(seq)
      for (const listed of redactionsListedBy(r)) this.unexplained.delete(listed)
    }
    this.prev = r.hash
    this.count += 1
    return null
  }

  checkSeal(r: Row, seq: number): { kind: TamperKind; reason: string } | null {
    const seals = this.options.seals
    if (!seals) return null
    if (r.seal === null && !seals.required) {
      this.unsealed += 1
      return null
    }
    if (sealMatches(seals.keys, r.hash, r.seal)) {
      this.sealed += 1
      return null
    }
    const what = r.seal === null ? 'has no seal' : 'has a seal that does not match'
    const cp = this.lastCheckpoint
    if (cp && seq <= cp.seq)
      return {
        kind: 'rewritten',
        reason: `event ${seq} ${what}: the chain was rewritten without the audit key (checkpoint of ${cp.at} covers events to ${cp.seq})`,
      }
    const after = cp ? `after the last checkpoint (event ${cp.seq}, ${cp.at}) ` : ''
    return {
      kind: 'forged',
      reason: `event ${seq} ${what}: it was added ${after}without the audit key (forged), or the audit key is not the one it was written with`,
    }
  }

  async finish(db: Queryable): Promise<AuditVerification> {
    const broken = (kind: TamperKind, firstBadSeq: number | null, reason: string): Broken => ({
      ok: false,
      count: this.count,
      firstBadSeq,
      firstBadId: null,
      reason,
      kind,
    })
    if (this.unexplained && this.unexplained.size > 0) {
      const first = Math.min(...this.unexplained)
      return broken(
        'unexplained-redaction',
        first,
        `event ${first} had its payload removed with no disposal event recording it`,
      )
    }
    const upTo = this.options.upTo
    if (upTo && (this.count !== upTo.seq || this.prev !== upTo.hash))
      return broken(
        'head',
        this.count + 1,
        `the chain ends at event ${this.count} but the head records event ${upTo.seq}`,
      )
    if (!upTo) {
      const head = await checkHead(db, this.count, this.prev)
      if (head) return head
    }
    const cp = this.lastCheckpoint
    if (cp && this.count < cp.seq) {
      const reason = `the chain ends at event ${this.count} but the checkpoint of ${cp.at} records event ${cp.seq}: events ${this.count + 1}–${cp.seq} were deleted (truncated)`
      return broken('truncated', this.count + 1, reason)
    }
    return { ok: true, count: this.count, lastHash: this.prev, sealed: this.sealed, unsealed: this.unsealed }
  }
}

function redactionsListedBy(r: Row): number[] {
  if (r.event_type !== 'CaseDisposed' || r.payload === null || typeof r.payload !== 'object') return []
  const seqs = (r.payload as { redactedSeqs?: unknown }).redactedSeqs
  return Array.isArray(seqs) ? seqs.filter((s): s is number => typeof s === 'number') : []
}

function checkRow(r: Row, expectedSeq: number, prev: string): { kind: TamperKind; reason: string } | null {
  const seq = Number(r.seq)
  if (seq !== expectedSeq)
    return { kind: 'missing', reason: `event ${expectedSeq} is missing (next present is ${seq})` }
  if (r.prev_hash !== prev)
    return {
      kind: 'relinked',
      reason: `event ${seq} does not link to the event before it (deleted, inserted or reordered)`,
    }
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
  const altered = (reason: string) => ({ kind: 'altered' as const, reason })
  if (recomputed !== r.hash) return altered(`event ${seq} was altered (its hash does not match its contents)`)
  if (r.redacted_at === null && payloadHash(r.payload) !== r.payload_hash)
    return altered(`event ${seq} payload was altered`)
  if (r.redacted_at !== null && r.payload !== null)
    return altered(`event ${seq} is marked redacted but still has a payload`)
  return null
}

async function checkHead(db: Queryable, count: number, lastHash: string): Promise<Broken | null> {
  const head = await db.query<{ last_seq: string; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_head WHERE id = 1',
  )
  const h = head.rows[0]
  const base = { ok: false as const, count, firstBadId: null, kind: 'head' as const }
  if (!h) return { ...base, firstBadSeq: null, reason: 'the chain head record is missing' }
  const headSeq = Number(h.last_seq)
  if (headSeq > count) {
    const reason = `the chain ends at event ${count} but the head records event ${headSeq}: events after ${count} were deleted`
    return { ...base, firstBadSeq: count + 1, reason }
  }
  if (headSeq < count) {
    const reason = `the head records event ${headSeq} but the chain goes on to event ${count}: events after ${headSeq} were added outside Rightsdesk`
    return { ...base, firstBadSeq: headSeq + 1, reason }
  }
  if (h.last_hash !== lastHash)
    return { ...base, firstBadSeq: count, reason: `the head's hash is not event ${count}'s` }
  return null
}
