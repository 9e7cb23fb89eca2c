import { randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Tx } from '../../persistence/db.js'

export const RECOVERY_CODE_COUNT = 10
// No look-alikes (0/o, 1/l/i): written down on paper and typed back in months later.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const SHAPE = /^[a-hj-km-np-z2-9]{5}-?[a-hj-km-np-z2-9]{5}$/

const normalise = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '')

/** "k7mp3-xqa9w": ten characters, about 49 bits; enough for a code that works once and is throttled. */
function recoveryCode(): string {
  const chars: string[] = []
  while (chars.length < 10) {
    // 248 is the largest multiple of 31 below 256: rejecting bytes above it keeps every character equally likely.
    for (const b of randomBytes(16)) if (b < 248 && chars.length < 10) chars.push(ALPHABET[b % ALPHABET.length]!)
  }
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

export function isRecoveryCodeShaped(input: string): boolean {
  return SHAPE.test(normalise(input))
}

/** Ten new codes, and their argon2id hashes to store (a database leak does not give the codes away). */
export async function newRecoveryCodes(): Promise<{ plain: string[]; hashes: string[] }> {
  const plain = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode)
  const hashes = await Promise.all(plain.map((c) => hash(c.replace('-', ''))))
  return { plain, hashes }
}

/**
 * Uses up a recovery code: true if it matched one of the person's unused codes, which is removed in the same
 * statement that checks it is still there (two sign-ins racing with one code: only one wins).
 */
export async function useRecoveryCode(tx: Tx, userId: string, input: string): Promise<boolean> {
  const code = normalise(input).replace('-', '')
  const r = await tx.query<{ totp_recovery_codes: string[] }>('SELECT totp_recovery_codes FROM users WHERE id = $1', [
    userId,
  ])
  for (const stored of r.rows[0]?.totp_recovery_codes ?? []) {
    if (!(await verify(stored, code).catch(() => false))) continue
    const used = await tx.query(
      `UPDATE users SET totp_recovery_codes = array_remove(totp_recovery_codes, $2)
       WHERE id = $1 AND $2 = ANY(totp_recovery_codes)`,
      [userId, stored],
    )
    return used.rowCount === 1
  }
  return false
}
