import fs from 'node:fs/promises'
import path from 'node:path'
import type { KeyObject } from 'node:crypto'
import { canonicalJson } from './canonical-json.js'
import { signText, signatureMatches, type AuditKeys } from './audit-seal.js'

/**
 * Signed checkpoints of the audit chain head, one JSON object per line in <data>/audit-checkpoints/checkpoints.jsonl
 * (docs/adr/0008-audit-checkpoints.md). The file is outside the database and only ever appended to, so someone who
 * can write to the database cannot move it back: a head behind a checkpoint is a truncation, a hash at a
 * checkpointed event that differs is a rewrite.
 */
export type CheckpointReason = 'start' | 'scheduled' | 'daily' | 'shutdown' | 'manual'

export interface Checkpoint {
  v: 1
  /** The chain's last event when signed (0: an empty chain). */
  seq: number
  /** That event's chain hash (which commits to every event before it). */
  headHash: string
  at: string
  reason: CheckpointReason
  keyId: string
  /** Ed25519 over the line without this field (base64). */
  sig: string
}

export interface CheckpointFile {
  checkpoints: Checkpoint[]
  /** One line per line of the file that cannot be trusted (edited, signed by another key, fields missing). */
  problems: string[]
  /**
   * Lines that are not JSON at all: a line cut short by a crash while it was written. Ignoring one loses nothing an
   * attacker could not remove anyway; a line that parses but does not verify is a problem, not ignored.
   */
  ignored: string[]
}

const SIGNED_CONTEXT = 'rightsdesk audit checkpoint v1\n'

export function checkpointPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'audit-checkpoints', 'checkpoints.jsonl')
}

export function signCheckpoint(keys: AuditKeys, body: Omit<Checkpoint, 'v' | 'keyId' | 'sig'>): Checkpoint {
  const unsigned = { v: 1 as const, ...body, keyId: keys.keyId }
  return { ...unsigned, sig: signText(keys, SIGNED_CONTEXT + canonicalJson(unsigned)) }
}

/** Appends one checkpoint and fsyncs it: once this returns, the line survives a crash or power cut. */
export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  const handle = await fs.open(file, 'a', 0o600)
  let size: number
  try {
    size = (await handle.stat()).size
    let lead = ''
    if (size > 0) {
      // A line cut short by a crash must not swallow this one.
      const last = Buffer.alloc(1)
      const reader = await fs.open(file, 'r')
      try {
        await reader.read(last, 0, 1, size - 1)
      } finally {
        await reader.close()
      }
      if (last[0] !== 0x0a) lead = '\n'
    }
    await handle.write(`${lead}${JSON.stringify(checkpoint)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  if (size === 0) await syncDir(file)
}

/** A new file's directory entry is made durable too (fsync on the directory). */
async function syncDir(file: string): Promise<void> {
  const dir = await fs.open(path.dirname(file), 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}

/** Reads and checks every checkpoint: each line must parse, be signed by `publicKey`, and carry `keyId`. */
export async function readCheckpoints(file: string, publicKey: KeyObject, keyId: string): Promise<CheckpointFile> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], problems: [], ignored: [] }
    throw err
  }
  const checkpoints: Checkpoint[] = []
  const problems: string[] = []
  const ignored: string[] = []
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return
    const checked = checkLine(line, publicKey, keyId)
    if (checked === null) ignored.push(`line ${i + 1}`)
    else if (typeof checked === 'string') problems.push(`line ${i + 1}: ${checked}`)
    else checkpoints.push(checked)
  })
  return { checkpoints, problems, ignored }
}

function checkLine(line: string, publicKey: KeyObject, keyId: string): Checkpoint | string | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  const c = value as Partial<Checkpoint>
  if (
    c?.v !== 1 ||
    !Number.isSafeInteger(c.seq) ||
    (c.seq ?? -1) < 0 ||
    typeof c.headHash !== 'string' ||
    typeof c.at !== 'string' ||
    typeof c.sig !== 'string' ||
    typeof c.keyId !== 'string'
  )
    return 'is not a checkpoint (fields missing)'
  if (c.keyId !== keyId) return `was signed by audit key ${c.keyId}, not the configured key ${keyId}`
  const { sig, ...unsigned } = c
  if (!signatureMatches(publicKey, SIGNED_CONTEXT + canonicalJson(unsigned), sig))
    return 'its signature does not verify (the line was edited or forged)'
  return c as Checkpoint
}
