import { candidate, contextBefore, type Candidate } from './span.js'

const NHS = /(?<![A-Za-z0-9])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![A-Za-z0-9])/g
const CONTEXT = /\b(?:nhs|chi|health|patient|hospital)\b/

/** NHS Data Dictionary: weights 10..2 on the first nine digits, check = 11 - sum mod 11 (11 → 0, 10 invalid). */
export function isValidNhsNumber(raw: string): boolean {
  const digits = raw.replace(/\D/g, '')
  if (digits.length !== 10 || /^(\d)\1{9}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i)
  let check = 11 - (sum % 11)
  if (check === 11) check = 0
  return check !== 10 && check === digits.charCodeAt(9) - 48
}

export function findNhsNumbers(text: string, out: Candidate[]): void {
  NHS.lastIndex = 0
  for (let m = NHS.exec(text); m; m = NHS.exec(text)) {
    // After an international dialling code ("+1 713 872 1935") ten digits are a phone number.
    if (!isValidNhsNumber(m[0]) || /\+\d{1,3}[ -]?(?:\(0\)\s?)?$/.test(text.slice(Math.max(0, m.index - 8), m.index)))
      continue
    // One random ten-digit number in eleven passes the check, so the 3-3-4 layout or context raises the score.
    const grouped = m[2] !== ''
    const context = CONTEXT.test(contextBefore(text, m.index, 40))
    out.push(
      candidate(
        m.index,
        m.index + m[0].length,
        'NHS_NUMBER',
        context ? 0.95 : grouped ? 0.85 : 0.6,
        'nhs-number-check',
      ),
    )
  }
}
