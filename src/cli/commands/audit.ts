import { wantsHelp, type CliCommand } from '../command.js'
import { withServices } from '../with-services.js'
import type { TrailVerification } from '../../persistence/audit-proof.js'

const usage = `Usage: rightsdesk audit verify
       rightsdesk audit checkpoint

verify      Recomputes the audit trail's hash chain from the first event to the last, checks every event's seal
            (an HMAC under the audit key, which is never in the database) and every signed checkpoint in
            <data>/audit-checkpoints/checkpoints.jsonl. Exit 0 with the number of events when intact; exit 1
            naming the first bad event when any event was edited, deleted, reordered, rewritten (hashes
            recomputed without the key), forged (added without the key), or the chain was cut back behind a
            checkpoint (truncated).
checkpoint  Checks the trail since the last checkpoint, then signs its head and appends it to the checkpoint
            file (the worker does this every hour, at start and at shutdown). Exit 1, writing nothing, if the
            trail fails the check.

The audit key is AUDIT_SIGNING_KEY, or <data>/keys/audit-signing-key.pem.
`

export const auditCommand: CliCommand = {
  name: 'audit',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    if (argv.length === 1 && argv[0] === 'verify') return verify()
    if (argv.length === 1 && argv[0] === 'checkpoint') return checkpoint()
    throw new Error('expected `rightsdesk audit verify` or `rightsdesk audit checkpoint`')
  },
}

async function verify(): Promise<number> {
  const { verifyAuditTrail } = await import('../../persistence/audit-proof.js')
  const result = await withServices('none', (s) => verifyAuditTrail(s.db.pool, s.app.auditProof ?? null))
  for (const warning of result.warnings) process.stderr.write(`rightsdesk audit: warning: ${warning}\n`)
  if (result.ok) {
    process.stdout.write(`Audit trail intact: ${result.count} events verified.\n${proofLines(result).join('')}`)
    return 0
  }
  const which =
    result.kind === 'checkpoint-file'
      ? 'the checkpoint file'
      : result.firstBadSeq === null
        ? 'the chain head'
        : `event ${result.firstBadSeq}${result.firstBadId ? ` (${result.firstBadId})` : ''}`
  process.stderr.write(`rightsdesk audit: audit trail broken at ${which}: ${result.reason}\n`)
  return 1
}

function proofLines(result: Extract<TrailVerification, { ok: true }>): string[] {
  const lines = [`Seals: ${result.sealed} events sealed with the audit key, ${result.unsealed} not yet sealed.\n`]
  const latest = result.latestCheckpoint
  lines.push(
    latest
      ? `Checkpoints: ${result.checkpoints} signed; the latest (${latest.at}) covers events 1–${latest.seq}.\n`
      : 'Checkpoints: none yet.\n',
  )
  return lines
}

async function checkpoint(): Promise<number> {
  const { writeAuditCheckpoint, AuditCheckpointRefused } = await import('../../application/audit-checkpoint.js')
  try {
    const written = await withServices('none', (s) => {
      if (!s.app.auditProof) throw new Error('no audit key is configured')
      return writeAuditCheckpoint(s.app, s.app.auditProof, 'manual')
    })
    const c = written.checkpoint
    if (written.adopted > 0) process.stdout.write(`Sealed ${written.adopted} events written before seals existed.\n`)
    process.stdout.write(`Checkpoint written: event ${c.seq} (hash ${c.headHash}) at ${c.at}, to ${written.file}.\n`)
    return 0
  } catch (err) {
    if (!(err instanceof AuditCheckpointRefused)) throw err
    process.stderr.write(`rightsdesk audit: ${err.message}\n`)
    return 1
  }
}
