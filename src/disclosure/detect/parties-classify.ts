import { normaliseDate } from './dates.js'
import { emailLocalPartsFor, findNames, letters, namePattern, splitName } from './parties.js'
import { COURTESY_TITLES, POLICE_RANKS } from './person-lexicon.js'
import { normalisePhone } from './phone.js'
import { normalisePostcode, POSTCODE_SOURCE } from './postcode.js'
import { candidate, type Candidate } from './span.js'
import type { DetectOptions, PiiType, SubjectIdentifiers } from './types.js'

/**
 * Known people on the case: the data subject's own identifiers become SUBJECT (shown, never proposed
 * for redaction); named staff become STAFF or PERSON by policy; other named parties are always PERSON.
 */
export function findParties(text: string, options: DetectOptions, out: Candidate[]): void {
  const subjectNames = options.subject?.names ?? []
  for (const [s, e] of findNames(text, namePattern(subjectNames))) {
    out.push(candidate(s, e, 'SUBJECT', 0.95, 'subject:PERSON'))
  }
  const disclose = options.staffPolicy === 'disclose'
  for (const [s, e] of findNames(text, namePattern(options.staffNames ?? []))) {
    out.push(candidate(s, e, disclose ? 'STAFF' : 'PERSON', 0.95, 'staff:PERSON'))
  }
  for (const [s, e] of findNames(text, namePattern(options.knownParties ?? []))) {
    out.push(candidate(s, e, 'PERSON', 1, 'known-party'))
  }
}

/** Re-types detected identifiers that belong to the subject, and officers when the policy discloses them. */
export function classifyCandidates(text: string, found: Candidate[], options: DetectOptions): void {
  const subject = options.subject
  const mine = subject ? subjectKeys(subject) : undefined
  const disclose = options.staffPolicy === 'disclose'
  for (const c of found) {
    if (c.type === 'PERSON' && disclose && c.recogniser === 'person-rank') {
      c.type = 'STAFF'
      c.recogniser = 'staff-policy:person-rank'
      continue
    }
    if (!mine || c.type === 'SUBJECT') continue
    const value = text.slice(c.start, c.end)
    if (c.type === 'PERSON' && isSubjectVariant(value, mine)) {
      // "Alex", "Mr Morgan", "A. Morgan", "Morgan": the requester's own name as others write it. Their own data is
      // never proposed (UK GDPR Art 15 gives it to them); a relative with another first name ("Jane Morgan") is.
      c.recogniser = `subject-variant:${c.recogniser}`
      c.type = 'SUBJECT'
      continue
    }
    if (belongsToSubject(c.type, value, mine)) {
      c.recogniser = `subject:${c.type}`
      c.type = 'SUBJECT'
    }
  }
}

interface SubjectKeys {
  /** The subject's given, middle and surnames alone, lower case. */
  nameParts: Set<string>
  /** Their first letters. */
  initials: Set<string>
  emails: Set<string>
  localParts: Set<string>
  phones: Set<string>
  postcodes: Set<string>
  dates: Set<string>
  addressLines: string[]
}

const POSTCODE_IN = new RegExp(POSTCODE_SOURCE, 'gi')

function subjectKeys(s: SubjectIdentifiers): SubjectKeys {
  const postcodes = new Set((s.postcodes ?? []).map(normalisePostcode))
  const addressLines: string[] = []
  for (const address of s.addresses ?? []) {
    for (const m of address.match(POSTCODE_IN) ?? []) postcodes.add(normalisePostcode(m))
    const firstLine = words(address.split(/[,\n]/)[0] ?? '')
    if (firstLine.length >= 5) addressLines.push(firstLine)
  }
  const nameParts = new Set<string>()
  for (const name of s.names) {
    const p = splitName(name)
    if (p?.surname) for (const part of [p.given, ...p.middles, p.surname]) nameParts.add(part.toLowerCase())
  }
  return {
    nameParts,
    initials: new Set([...nameParts].map((p) => p.slice(0, 1))),
    emails: new Set((s.emails ?? []).map((e) => e.trim().toLowerCase())),
    localParts: emailLocalPartsFor(s.names),
    phones: new Set((s.phones ?? []).map(normalisePhone).filter((p): p is string => p !== undefined)),
    postcodes,
    dates: new Set((s.datesOfBirth ?? []).map(normaliseDate).filter((d): d is string => d !== undefined)),
    addressLines,
  }
}

/**
 * True when every word of a person span, titles aside, is one of the subject's own name parts or the initial of one:
 * "Mr Morgan", "Alex", "A. Morgan", "Morgan, Alex". A span with any other name word is someone else.
 */
function isSubjectVariant(value: string, k: SubjectKeys): boolean {
  const words = value
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !COURTESY_TITLES.has(w) && !POLICE_RANKS.has(w))
  return words.length > 0 && words.every((w) => k.nameParts.has(w) || (w.length === 1 && k.initials.has(w)))
}

function words(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function belongsToSubject(type: PiiType, value: string, k: SubjectKeys): boolean {
  switch (type) {
    case 'EMAIL': {
      const email = value.toLowerCase()
      return k.emails.has(email) || k.localParts.has(letters(email.slice(0, email.indexOf('@'))))
    }
    case 'PHONE': {
      const phone = normalisePhone(value)
      return phone !== undefined && k.phones.has(phone)
    }
    case 'POSTCODE':
      return k.postcodes.has(normalisePostcode(value))
    case 'DATE_OF_BIRTH': {
      const date = normaliseDate(value)
      return date !== undefined && k.dates.has(date)
    }
    case 'ADDRESS': {
      const normal = words(value)
      if (k.addressLines.some((line) => normal.includes(line))) return true
      return (value.match(POSTCODE_IN) ?? []).some((p) => k.postcodes.has(normalisePostcode(p)))
    }
    default:
      return false
  }
}
