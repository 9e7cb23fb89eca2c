import { randomBytes } from 'node:crypto'

/** No 0/O or 1/I: the password is read off a screen or a letter and typed in by the requester. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/**
 * A password for the bundle's AES-256 encryption: 20 characters from a 32-letter alphabet (100 bits) in five
 * groups, e.g. "K7QM-4XPR-9HTC-2WNV-ZD3E". 256 is a multiple of 32, so masking a random byte is unbiased.
 */
export function generatePassword(groups = 5): string {
  const bytes = randomBytes(groups * 4)
  const chars = [...bytes].map((b) => ALPHABET[b & 31] as string)
  return Array.from({ length: groups }, (_, g) => chars.slice(g * 4, g * 4 + 4).join('')).join('-')
}
