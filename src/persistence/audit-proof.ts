import type { Queryable } from './db.js'
import { sealMatches, sealOf, type AuditKeys } from './audit-seal.js'
import { readCheckpoints, type Checkpoint } from './audit-checkpoint-file.js'
import { verifyAuditChain, type AuditVerification } from './audit-verify.js'

/** The audit key and the checkpoint file: everything, outside the database, that the trail's proof rests on. */
export interface AuditProof {
  keys: AuditKeys
  checkpointFile: string
}

export type TrailVerification = AuditVerification & {
  checkpoints: number
  latestCheckpoint: { seq: number; at: string } | null
  warnings: string[]
}

export function latestCheckpoint(checkpoints: readonly Checkpoint[]): Checkpoint | null {
  return checkpoints.reduce<Checkpoint | null>((a, c) => (a && a.seq >= c.seq ? a : c), null)
}

/**
 * `audit verify`: the chain, every event's seal, and every checkpoint in the file. Before the first checkpoint an
 * older trail may hold events written before seals existed; they are sealed when the first checkpoint is written
 * (`prepareCheckpoint`), and from then on an event without a valid seal is a forgery.
 */
export async function verifyAuditTrail(db: Queryable, proof: AuditProof | null): Promise<TrailVerification> {
  if (!proof) return { ...(await verifyAuditChain(db)), checkpoints: 0, latestCheckpoint: null, warnings: [] }
  const file = await readCheckpoints(proof.checkpointFile, proof.keys.publicKey, proof.keys.keyId)
  const latest = latestCheckpoint(file.checkpoints)
  const summary = {
    checkpoints: file.checkpoints.length,
    latestCheckpoint: latest ? { seq: latest.seq, at: latest.at } : null,
    warnings: [] as string[],
  }
  if (file.problems.length > 0) {
    const reason = `the checkpoint file ${proof.checkpointFile} ${file.problems[0]}`
    return { ok: false, count: 0, firstBadSeq: null, firstBadId: null, reason, kind: 'checkpoint-file', ...summary }
  }
  for (const line of file.ignored)
    summary.warnings.push(`${line} of the checkpoint file is not a checkpoint (cut short by a crash?) and is ignored`)
  const result = await verifyAuditChain(db, {
    seals: { keys: proof.keys, required: file.checkpoints.length > 0, checkpoints: file.checkpoints },
  })
  if (result.ok && result.unsealed > 0)
    summary.warnings.push(
      `${result.unsealed} events are not sealed yet and no checkpoint has been written: run \`rightsdesk audit checkpoint\` (or start Rightsdesk) to seal them`,
    )
  else if (result.ok && file.checkpoints.length === 0)
    summary.warnings.push('no checkpoint has been written yet, so a deleted tail cannot be detected')
  return { ...result, ...summary }
}

export type HeadCheck =
  { ok: true; seq: number; hash: string; adopted: number } | Extract<AuditVerification, { ok: false }>

/**
 * Before a checkpoint is signed, what it would sign is checked, so that a checkpoint never vouches for tampering:
 * the chain from the last checkpoint to the head as it is now (or, for the very first one, the whole chain) must
 * link, and every event in it must be sealed. The first checkpoint also seals the events written before seals
 * existed (trust on first use, ADR 0008); `readCheckpoints` has already refused a file with lines that do not verify.
 */
export async function prepareCheckpoint(db: Queryable, keys: AuditKeys, last: Checkpoint | null): Promise<HeadCheck> {
  const head = await db.query<{ last_seq: string; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_head WHERE id = 1',
  )
  const row = head.rows[0]
  if (!row) throw new Error('audit_head is missing: run `rightsdesk migrate`')
  const upTo = { seq: Number(row.last_seq), hash: row.last_hash }
  if (last) {
    const anchor = await checkAnchor(db, keys, last, upTo.seq)
    if (anchor) return anchor
    const walk = await verifyAuditChain(db, {
      seals: { keys, required: true, checkpoints: [last] },
      after: { seq: last.seq, hash: last.headHash },
      upTo,
    })
    return walk.ok ? { ok: true, ...upTo, adopted: 0 } : walk
  }
  const walk = await verifyAuditChain(db, { seals: { keys, required: false, checkpoints: [] }, upTo })
  if (!walk.ok) return walk
  return { ok: true, ...upTo, adopted: await sealUnsealed(db, keys, upTo.seq) }
}

/** The last checkpoint's event must still be there, unchanged, and the head must not be behind it. */
async function checkAnchor(db: Queryable, keys: AuditKeys, last: Checkpoint, headSeq: number) {
  const broken = (kind: 'truncated' | 'rewritten', firstBadSeq: number, reason: string) => ({
    ok: false as const,
    count: headSeq,
    firstBadSeq,
    firstBadId: null,
    reason,
    kind,
  })
  if (headSeq < last.seq)
    return broken(
      'truncated',
      headSeq + 1,
      `the head records event ${headSeq} but the checkpoint of ${last.at} records event ${last.seq}: truncated`,
    )
  if (last.seq === 0) return null
  const { rows } = await db.query<{ hash: string; seal: string | null }>(
    'SELECT hash, seal FROM audit_events WHERE seq = $1',
    [last.seq],
  )
  const event = rows[0]
  if (!event) return broken('truncated', last.seq, `event ${last.seq}, checkpointed at ${last.at}, is missing`)
  if (event.hash !== last.headHash || !sealMatches(keys, event.hash, event.seal))
    return broken('rewritten', last.seq, `event ${last.seq} is not the event the checkpoint of ${last.at} signed`)
  return null
}

/** Seals events written before seals existed (or by a process without the key), in batches; returns how many. */
async function sealUnsealed(db: Queryable, keys: AuditKeys, upToSeq: number): Promise<number> {
  let sealed = 0
  for (;;) {
    const { rows } = await db.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM audit_events WHERE seal IS NULL AND seq <= $1 ORDER BY seq LIMIT 5000',
      [upToSeq],
    )
    if (rows.length === 0) return sealed
    await db.query(
      `UPDATE audit_events AS e SET seal = v.seal
       FROM unnest($1::bigint[], $2::text[]) AS v(seq, seal) WHERE e.seq = v.seq AND e.seal IS NULL`,
      [rows.map((r) => r.seq), rows.map((r) => sealOf(keys, r.hash))],
    )
    sealed += rows.length
  }
}
