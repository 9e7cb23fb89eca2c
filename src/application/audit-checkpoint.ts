import { withTransaction } from '../persistence/db.js'
import {
  appendCheckpoint,
  readCheckpoints,
  signCheckpoint,
  type Checkpoint,
  type CheckpointReason,
} from '../persistence/audit-checkpoint-file.js'
import { latestCheckpoint, prepareCheckpoint, type AuditProof } from '../persistence/audit-proof.js'
import { renderEmail } from '../notifications/letters.js'
import type { AppDeps } from './deps.js'
import type { EmailJob } from './follow-up-jobs.js'
import { flushAccessRefusals } from './record-access-refusal.js'

/** The trail failed its check, so no checkpoint was signed: signing would vouch for the tampering. */
export class AuditCheckpointRefused extends Error {
  override name = 'AuditCheckpointRefused'
}

export interface WrittenCheckpoint {
  checkpoint: Checkpoint
  file: string
  /** Events sealed now because they were written before seals existed (only ever by the first checkpoint). */
  adopted: number
}

/**
 * Signs the chain head and appends it to the checkpoint file outside the database (ADR 0008): on a schedule, at
 * start and at a graceful shutdown, and on `rightsdesk audit checkpoint`. Refused-access counts not yet in the trail
 * are written first, so the checkpoint covers them. What is signed is checked first (prepareCheckpoint).
 */
export async function writeAuditCheckpoint(
  deps: Pick<AppDeps, 'pool' | 'clock'>,
  proof: AuditProof,
  reason: CheckpointReason,
): Promise<WrittenCheckpoint> {
  await flushAccessRefusals(deps)
  const file = await readCheckpoints(proof.checkpointFile, proof.keys.publicKey, proof.keys.keyId)
  if (file.problems.length > 0)
    throw new AuditCheckpointRefused(
      `the checkpoint file ${proof.checkpointFile} ${file.problems[0]}; no checkpoint written (if the audit key was changed on purpose, move the file aside)`,
    )
  const head = await prepareCheckpoint(deps.pool, proof.keys, latestCheckpoint(file.checkpoints))
  if (!head.ok)
    throw new AuditCheckpointRefused(`audit trail failed verification, no checkpoint written: ${head.reason}`)
  const checkpoint = signCheckpoint(proof.keys, {
    seq: head.seq,
    headHash: head.hash,
    at: deps.clock.now().toISOString(),
    reason,
  })
  await appendCheckpoint(proof.checkpointFile, checkpoint)
  return { checkpoint, file: proof.checkpointFile, adopted: head.adopted }
}

/**
 * The daily checkpoint, emailed (AUDIT_CHECKPOINT_EMAIL) through the outbox like every other email, so that a copy
 * of the head sits in a mailbox nobody with database access controls. If the trail fails its check, the same address
 * is told that instead; and the error is thrown again so the job is seen to fail.
 */
export async function emailDailyCheckpoint(
  deps: Pick<AppDeps, 'pool' | 'clock' | 'jobs' | 'baseUrl'>,
  proof: AuditProof,
  to: string,
): Promise<WrittenCheckpoint> {
  try {
    const written = await writeAuditCheckpoint(deps, proof, 'daily')
    const publicKey = proof.keys.publicKey.export({ format: 'pem', type: 'spki' }).toString().trim()
    const line = JSON.stringify(written.checkpoint)
    await queueEmail(deps, to, 'audit-checkpoint', { checkpoint: written.checkpoint, line, publicKey }, null)
    return written
  } catch (err) {
    if (err instanceof AuditCheckpointRefused) {
      const day = deps.clock.now().toISOString().slice(0, 10)
      await queueEmail(deps, to, 'audit-alert', { problem: err.message, baseUrl: deps.baseUrl }, `audit-alert-${day}`)
    }
    throw err
  }
}

async function queueEmail(
  deps: Pick<AppDeps, 'pool' | 'jobs'>,
  to: string,
  template: string,
  context: object,
  singletonKey: string | null,
): Promise<void> {
  const mail = renderEmail(template, context)
  const email: EmailJob = { to: [to], subject: mail.subject, text: mail.body }
  await withTransaction(deps.pool, (tx) =>
    deps.jobs.enqueue(tx, 'email-send', email, singletonKey ? { singletonKey } : undefined),
  )
}
