import { normaliseDate } from '../../disclosure/detect/dates.js'

/**
 * "Find a person" (issue 14): what staff type in the search box, in the same normal forms PostgreSQL keeps in
 * `cases.search_keys` (schema/index.ts; the phone rule is the migration's rightsdesk_phone_key). The two must agree
 * exactly: person-keys.int.test.ts checks them side by side.
 */

/**
 * A phone number as +<country><number>: "07700 900123", "+44 (0)7700 900123" and "0044 7700 900123" are one number.
 * A number without a leading 0, 00 or + is kept as its digits. Fewer than nine digits is no phone number.
 */
export function phoneKey(raw: string): string | undefined {
  const digits = raw.replace(/\(0\)/g, '').replace(/[^0-9]/g, '')
  if (digits.length < 9) return undefined
  if (raw.trim().startsWith('+')) return `+${digits}`
  if (digits.startsWith('00')) return `+${digits.slice(2)}`
  if (digits.startsWith('0')) return `+44${digits.slice(1)}`
  return digits
}

/** A UK postcode without spaces, upper case ("sw1a 1aa" → "SW1A1AA"). */
export function postcodeKey(raw: string): string | undefined {
  const key = raw.replace(/\s/g, '').toUpperCase()
  return key || undefined
}

export function emailKey(raw: string): string | undefined {
  const key = raw.trim().toLowerCase()
  return key || undefined
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i
const REFERENCE = /^[A-Z][A-Z0-9]*-\d{4}-\d{1,6}$/i
/** Something typed that is mostly digits and phone punctuation. */
const PHONE_LIKE = /^\+?[\d\s().-]{9,}$/

/** What one search box entry can be: a reference, identifiers to look up exactly, and the words to match names. */
export interface PersonQuery {
  reference?: string
  /** search_keys values, any of which matches ("email:…" also finds a representative's "rep-email:…"). */
  keys: string[]
  /** Words to match against names (full text, substring and similar spelling), when the entry can be a name. */
  name?: string
}

/** Reads one search box entry: an email, phone number, postcode, date of birth or reference, or else a name. */
export function personQuery(raw: string): PersonQuery {
  const q = raw.trim().replace(/\s+/g, ' ').slice(0, 200)
  if (!q) return { keys: [] }
  if (EMAIL.test(q)) {
    const e = emailKey(q)
    return { keys: [`email:${e}`, `rep-email:${e}`] }
  }
  if (REFERENCE.test(q)) return { reference: q.toUpperCase(), keys: [] }
  if (POSTCODE.test(q)) return { keys: [`postcode:${postcodeKey(q)}`] }
  const dob = normaliseDate(q)
  if (dob) return { keys: [`dob:${dob}`] }
  if (PHONE_LIKE.test(q)) {
    const p = phoneKey(q)
    return { keys: p ? [`phone:${p}`, `rep-phone:${p}`] : [] }
  }
  return { reference: q.toUpperCase(), keys: [], name: q.toLowerCase() }
}
