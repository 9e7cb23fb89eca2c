import { createHash, randomBytes } from 'node:crypto'

/** API tokens are random 32-byte strings; only their SHA-256 is stored (hashing suffices: they are not guessable). */
export function newApiToken(): { token: string; tokenHash: string } {
  const token = `rd_${randomBytes(32).toString('base64url')}`
  return { token, tokenHash: hashApiToken(token) }
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
