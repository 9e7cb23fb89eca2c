import { findCrimeReferences } from '../../disclosure/detect/crime-reference.js'
import { normaliseDate } from '../../disclosure/detect/dates.js'
import { findDatesOfBirth } from '../../disclosure/detect/date-of-birth.js'
import { findEmails } from '../../disclosure/detect/email.js'
import { findNiNumbers, isValidNino } from '../../disclosure/detect/ni-number.js'
import { findPhones, normalisePhone } from '../../disclosure/detect/phone.js'
import { findPostcodes, normalisePostcode } from '../../disclosure/detect/postcode.js'
import type { Candidate } from '../../disclosure/detect/span.js'
import { findVehicleRegs } from '../../disclosure/detect/vehicle-reg.js'
import { findPncIds, normalisePnc } from './pnc.js'

/** The identifiers the index keeps in columns of their own, each in one normal form so equal values compare equal. */
export type IdentifierKind = 'email' | 'phone' | 'postcode' | 'dob' | 'ni' | 'pnc' | 'vrm' | 'reference'

export interface IdentifierSpan {
  kind: IdentifierKind
  start: number
  end: number
  /** Normal form: lower-case email, E.164 phone, "SW1A1AA", ISO date, "QQ123456C", "99/0123456A", "AB12CDE". */
  value: string
}

const compact = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase()

/** The normal form of one value of a kind, or undefined when it is not one (used for what a person types too). */
export function normaliseIdentifier(kind: IdentifierKind, raw: string): string | undefined {
  const value = raw.trim()
  if (!value) return undefined
  switch (kind) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value.toLowerCase() : undefined
    case 'phone': {
      const e164 = normalisePhone(value)
      return e164 && /^\+?\d{9,15}$/.test(e164) ? e164 : undefined
    }
    case 'postcode':
      return /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i.test(value) ? normalisePostcode(value) : undefined
    case 'dob':
      return normaliseDate(value)
    case 'ni':
      return isValidNino(value) ? compact(value) : undefined
    case 'pnc':
      return normalisePnc(value)
    case 'vrm':
    case 'reference':
      return compact(value) || undefined
  }
}

const KIND_OF: Record<string, IdentifierKind> = {
  EMAIL: 'email',
  PHONE: 'phone',
  POSTCODE: 'postcode',
  DATE_OF_BIRTH: 'dob',
  NI_NUMBER: 'ni',
  VEHICLE_REG: 'vrm',
  CRIME_REFERENCE: 'reference',
}

/**
 * Every identifier in a text with its normal form, from the same recognisers `detect` uses (so the index and
 * redaction agree on what an email address or a postcode is), plus PNC IDs.
 */
export function findIdentifiers(text: string, only?: ReadonlySet<IdentifierKind>): IdentifierSpan[] {
  const found: Candidate[] = []
  // A search only looks for the kinds the subject has (emails always: a name can be an address's local part).
  const want = (k: IdentifierKind) => !only || only.has(k)
  if (want('email')) findEmails(text, found)
  if (want('phone')) findPhones(text, found)
  if (want('postcode')) findPostcodes(text, found)
  if (want('dob')) findDatesOfBirth(text, found)
  if (want('ni')) findNiNumbers(text, found)
  if (want('vrm')) findVehicleRegs(text, found)
  if (want('reference')) findCrimeReferences(text, found)
  const out: IdentifierSpan[] = []
  for (const c of found) {
    const kind = KIND_OF[c.type]
    const value = kind && normaliseIdentifier(kind, text.slice(c.start, c.end))
    if (kind && value) out.push({ kind, start: c.start, end: c.end, value })
  }
  if (want('pnc')) for (const p of findPncIds(text)) out.push({ kind: 'pnc', ...p })
  return out.sort((a, b) => a.start - b.start)
}
