import { randomBytes } from 'node:crypto'

// No look-alikes (0/o, 1/l/i): a secret read out over the telephone must survive being heard.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Four groups of four, e.g. "k7mp-3xqa-9wte-h2cn": about 79 bits, easy to read out and type. */
export function readableSecret(): string {
  // 248 is the largest multiple of 31 below 256: rejecting bytes above it keeps every character equally likely.
  const chars: string[] = []
  while (chars.length < 16) {
    for (const b of randomBytes(32)) if (b < 248 && chars.length < 16) chars.push(ALPHABET[b % ALPHABET.length]!)
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}
