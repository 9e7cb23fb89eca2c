import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/**
 * One-time codes that let a member of the public follow their case (DESIGN §2: no accounts for the public; a
 * reference number plus a code sent to the email address on the case). Six digits is enough only because a code
 * dies after a few tries and a few minutes, and requests for codes are rate limited.
 */
export const ACCESS_CODE_TTL_MINUTES = 15
export const ACCESS_CODE_MAX_ATTEMPTS = 5
/** Codes a case may be sent in one hour, so nobody can flood a requester's inbox by typing their reference. */
export const ACCESS_CODES_PER_HOUR = 5

export function newAccessCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Only a salted hash is stored, so a copy of the table does not hand out live codes. */
export function hashAccessCode(code: string, salt = randomBytes(16).toString('hex')): string {
  return `${salt}:${createHash('sha256').update(`${salt}:${code}`).digest('hex')}`
}

export function accessCodeMatches(code: string, stored: string): boolean {
  const [salt, expected] = stored.split(':')
  if (!salt || !expected) return false
  const actual = hashAccessCode(normaliseAccessCode(code), salt).split(':')[1] ?? ''
  return actual.length === expected.length && timingSafeEqual(Buffer.from(actual), Buffer.from(expected))
}

/** People copy codes with spaces or dashes ("123 456"); only the digits count. */
export function normaliseAccessCode(value: string): string {
  return value.replace(/[\s-]/g, '')
}

export function isWellFormedAccessCode(value: string): boolean {
  return /^\d{6}$/.test(normaliseAccessCode(value))
}

/** References are typed by hand: ignore case and surrounding spaces. */
export function normaliseReference(value: string): string {
  return value.trim().toUpperCase()
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase()
}
