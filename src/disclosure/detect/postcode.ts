import { candidate, type Candidate } from './span.js'

// Royal Mail formats A9, A99, A9A, AA9, AA99, AA9A + inward 9AA. Letters that are never used in a
// position are excluded (Q, V, X first; I, J, Z second; inward letters never C, I, K, M, O, V), so
// "AB12 3CD"-shaped codes and product numbers are mostly rejected without a lookup table.
const OUTWARD = '[A-PR-UWYZ](?:\\d[A-HJKPSTUW]|\\d{1,2}|[A-HK-Y]\\d[ABEHMNPRVWXY]|[A-HK-Y]\\d{1,2})'
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}'
export const POSTCODE_SOURCE = `(?:GIR ?0AA|${OUTWARD} ?${INWARD})`
// Found from the inward code (a digit and two letters ending a word, which is rare), then the
// outward code is matched backwards from it: scanning for the outward code would try every letter.
const INWARD_AT = new RegExp(`${INWARD}(?![A-Za-z0-9])`, 'gi')
const WHOLE_BEFORE = new RegExp(`(?<![A-Za-z0-9])(?:GIR ?0AA|${OUTWARD} ?${INWARD})$`, 'i')

export function findPostcodes(text: string, out: Candidate[]): void {
  INWARD_AT.lastIndex = 0
  for (let m = INWARD_AT.exec(text); m; m = INWARD_AT.exec(text)) {
    // An outward code (ending in a letter or digit) must come just before, with at most one space.
    const before = text.charCodeAt(m.index - 1) === 32 ? m.index - 2 : m.index - 1
    if (before < 0 || !isAlnum(text.charCodeAt(before))) continue
    const end = m.index + m[0].length
    const found = WHOLE_BEFORE.exec(text.slice(Math.max(0, end - 8), end))
    if (!found) continue
    const code = found[0]
    const start = end - code.length
    // Case-insensitive so "sw1a 1aa" is found, but mixed case ("Ab1 2cd") is prose, not a postcode.
    const upper = code === code.toUpperCase()
    if (!upper && code !== code.toLowerCase()) continue
    const spaced = code.includes(' ')
    out.push(candidate(start, end, 'POSTCODE', upper && spaced ? 0.95 : 0.75, 'postcode-pattern'))
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

export function normalisePostcode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase()
}
