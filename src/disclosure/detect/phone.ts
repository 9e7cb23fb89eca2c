import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import { candidate, isWordCharAt, type Candidate } from './span.js'

// Digits with the separators people put in phone numbers. Bounded, so backtracking stays cheap.
const CANDIDATE = /(?:\+|\(\+?)?\d[\d \-.()]{6,22}\d/g
const US_SHAPE = /^\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]\d{4}$/

export function findPhones(text: string, out: Candidate[]): void {
  CANDIDATE.lastIndex = 0
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const start = m.index
    // A digit, letter or slash just before means this is the tail of something else (a reference, a date).
    const before = text.charCodeAt(start - 1)
    if (isWordCharAt(text, start - 1) || before === 47 || before === 46) {
      const space = m[0].indexOf(' ')
      if (space > 0) CANDIDATE.lastIndex = start + space + 1
      continue
    }
    const found = bestPhone(m[0])
    if (found) {
      out.push(candidate(start, start + found.length, 'PHONE', found.score, 'phone-libphonenumber'))
      CANDIDATE.lastIndex = start + found.length
    } else {
      // "2001 0161 496 0000": retry from the next group so a number glued after another is still found.
      const space = m[0].indexOf(' ')
      if (space > 0) CANDIDATE.lastIndex = start + space + 1
    }
  }
}

/** Tries the whole run, then drops trailing groups (a year or a reference glued on after a space). */
function bestPhone(run: string): { length: number; score: number } | undefined {
  let text = run
  for (let attempt = 0; attempt < 3; attempt++) {
    const score = phoneScore(text)
    if (score > 0) return { length: text.length, score }
    const cut = text.lastIndexOf(' ')
    if (cut <= 0) return undefined
    text = text.slice(0, cut).replace(/[ \-.(]+$/, '')
  }
  return undefined
}

// The same numbers recur through a mailbox (signatures, switchboards) and parsing one with libphonenumber is the
// costliest step of detection's structured pass: scores are remembered, a bounded number at a time.
const scores = new Map<string, number>()
const MAX_REMEMBERED = 20_000

/** 0.95 for a valid number, 0.6 for one of a possible length (e.g. Ofcom's drama ranges), 0 otherwise. */
export function phoneScore(raw: string): number {
  let score = scores.get(raw)
  if (score === undefined) {
    if (scores.size >= MAX_REMEMBERED) scores.clear()
    score = scorePhone(raw)
    scores.set(raw, score)
  }
  return score
}

function scorePhone(raw: string): number {
  let digits = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
  }
  if (digits < 9 || digits > 15) return 0
  const trimmed = raw.replace(/^\(/, '')
  let country: CountryCode | undefined
  let input = raw
  if (trimmed.startsWith('+')) input = raw.replace('(', '')
  else if (trimmed.startsWith('00')) input = '+' + trimmed.slice(2)
  else if (trimmed.startsWith('0')) country = 'GB'
  else if (US_SHAPE.test(raw)) country = 'US'
  else return 0
  const parsed = parsePhoneNumberFromString(input, country)
  if (!parsed) return 0
  if (parsed.isValid()) return 0.95
  return parsed.isPossible() ? 0.6 : 0
}

/** E.164 form for comparing a found number with one entered on the case; undefined if unparseable. */
export function normalisePhone(raw: string): string | undefined {
  const parsed = parsePhoneNumberFromString(raw.trim(), 'GB')
  return parsed?.number ?? (raw.replace(/\D/g, '') || undefined)
}
