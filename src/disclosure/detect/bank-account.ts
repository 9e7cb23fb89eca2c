import { candidate, contextBefore, type Candidate } from './span.js'

// The look-behind comes after the first digit (same matches): the engine then skips ahead to digits instead of
// testing the look-behind at every character, which made this the slowest of the structured patterns.
const SORT_CODE = /(\d(?<![\d/.:-]\d)\d)([- ]?)(\d{2})\2(\d{2})(?![\d/]|[.:]\d|-\d)/g
const ACCOUNT = /(?<![\d/.-])\d{8}(?![\d/]|\.\d|-\d)/g
// What may sit between a sort code and its account number: "12-34-56 12345678", "…, account 12345678".
const BETWEEN = /^[\s,;:/]*(?:(?:and\s+)?(?:a\/c|acc(?:ount)?|acct)\.?(?:\s+(?:no|number|num))?\.?[\s:#]*)?$/i
const SORT_CONTEXT = /(?:sort\s?code|s\/c|\bbank\b)[^\n]{0,12}$/
const ACCOUNT_CONTEXT = /(?:\baccount|\bacc\b|\bacct|\ba\/c|\bbank)[^\n]{0,20}$/
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g

export function findBankAccounts(text: string, out: Candidate[]): void {
  const used: [number, number][] = []
  SORT_CODE.lastIndex = 0
  for (let m = SORT_CODE.exec(text); m; m = SORT_CODE.exec(text)) {
    const end = m.index + m[0].length
    ACCOUNT.lastIndex = end
    const account = ACCOUNT.exec(text)
    const paired = account !== null && account.index - end <= 40 && BETWEEN.test(text.slice(end, account.index))
    const context = SORT_CONTEXT.test(contextBefore(text, m.index, 30))
    if (paired && account) {
      const stop = account.index + account[0].length
      out.push(candidate(m.index, stop, 'BANK_ACCOUNT', 0.95, 'bank-sort-code-account'))
      used.push([m.index, stop])
      SORT_CODE.lastIndex = stop
    } else if (context || (m[2] === '-' && /account|bank|sort/i.test(text.slice(end, end + 30)))) {
      out.push(candidate(m.index, end, 'BANK_ACCOUNT', 0.85, 'bank-sort-code'))
      used.push([m.index, end])
    }
  }
  ACCOUNT.lastIndex = 0
  for (let m = ACCOUNT.exec(text); m; m = ACCOUNT.exec(text)) {
    const at = m.index
    if (used.some(([s, e]) => at >= s && at < e)) continue
    if (ACCOUNT_CONTEXT.test(contextBefore(text, at, 30))) {
      out.push(candidate(at, at + 8, 'BANK_ACCOUNT', 0.8, 'bank-account-number'))
    }
  }
  findIbans(text, out)
}

function findIbans(text: string, out: Candidate[]): void {
  IBAN.lastIndex = 0
  for (let m = IBAN.exec(text); m; m = IBAN.exec(text)) {
    if (ibanValid(m[0])) out.push(candidate(m.index, m.index + m[0].length, 'BANK_ACCOUNT', 0.95, 'bank-iban'))
  }
}

/** ISO 13616: move the first four characters to the end, letters → 10..35, the number mod 97 is 1. */
export function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s+/g, '').toUpperCase()
  if (s.length < 15 || s.length > 34) return false
  const moved = s.slice(4) + s.slice(0, 4)
  let rem = 0
  for (const ch of moved) {
    const code = ch.charCodeAt(0)
    const value = code >= 65 ? String(code - 55) : ch
    for (const d of value) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97
  }
  return rem === 1
}
