import { candidate, type Candidate } from './span.js'

// 13-19 digits, optionally grouped by spaces or hyphens (4-4-4-4, 4-6-5 for Amex, 4-4-4-4-3).
const CARD = /(?<![A-Za-z0-9])\d{4}(?:[ -]?\d{2,6}){2,4}(?![A-Za-z0-9])|(?<![A-Za-z0-9])\d{13,19}(?![A-Za-z0-9])/g
// Issuer prefixes of the schemes used in the UK: Visa, Mastercard, Amex, Maestro, Discover, JCB, Diners.
const KNOWN_ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|5[06-9]|6|35|3[068])/

export function luhnValid(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

export function findCardNumbers(text: string, out: Candidate[]): void {
  CARD.lastIndex = 0
  for (let m = CARD.exec(text); m; m = CARD.exec(text)) {
    const digits = m[0].replace(/[ -]/g, '')
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits) || /^(\d)\1+$/.test(digits)) continue
    const score = KNOWN_ISSUER.test(digits) ? 0.95 : 0.7
    out.push(candidate(m.index, m.index + m[0].length, 'CARD_NUMBER', score, 'card-luhn'))
  }
}
