import nlp from 'compromise'
import { OpenRedaction } from 'openredaction'
import { SyncRedactor } from 'redact-pii'
import type { PiiType } from '../../src/disclosure/detect/types.js'

/** A peer's finding mapped onto our types ('OTHER' when it has no counterpart). */
export interface PeerSpan {
  start: number
  end: number
  type: PiiType | 'OTHER'
}

export interface Peer {
  name: string
  /** The peer's default pipeline, as its README shows it. */
  detect(text: string): Promise<PeerSpan[]>
}

/** Peers report "David Johnson," or " Smith on": trim to the letters and digits, as ours are. */
function trimmed(text: string, start: number, end: number, type: PeerSpan['type']): PeerSpan | undefined {
  while (start < end && !/[\p{L}\p{N}]/u.test(text[start] ?? '')) start++
  while (end > start && !/[\p{L}\p{N}.]/u.test(text[end - 1] ?? '')) end--
  return end > start ? { start, end, type } : undefined
}

export const compromisePeer: Peer = {
  name: 'compromise (.people())',
  async detect(text) {
    const people = nlp(text).people().json({ offset: true }) as { offset: { start: number; length: number } }[]
    return people
      .map((p) => trimmed(text, p.offset.start, p.offset.start + p.offset.length, 'PERSON'))
      .filter((s): s is PeerSpan => s !== undefined)
  },
}

// openredaction's own type names, mapped by family.
const OPENREDACTION_TYPES: [RegExp, PiiType][] = [
  [/^NAME$/, 'PERSON'],
  [/^EMAIL/, 'EMAIL'],
  [/PHONE/, 'PHONE'],
  [/POSTCODE|POSTAL_CODE|ZIP/, 'POSTCODE'],
  [/^ADDRESS/, 'ADDRESS'],
  [/DATE_OF_BIRTH|^DOB/, 'DATE_OF_BIRTH'],
  [/NATIONAL_INSURANCE|NINO/, 'NI_NUMBER'],
  [/^NHS/, 'NHS_NUMBER'],
  [/CREDIT_CARD|DEBIT_CARD/, 'CARD_NUMBER'],
  [/SORT_CODE|BANK_ACCOUNT|IBAN/, 'BANK_ACCOUNT'],
  [/^IPV[46]|IP_ADDRESS/, 'IP_ADDRESS'],
  [/LICENSE_PLATE|VEHICLE_REG/, 'VEHICLE_REG'],
  [/LINKEDIN|INSTAGRAM|TWITTER_USERNAME|FACEBOOK_PROFILE|SOCIAL|^URL/, 'URL'],
  [/CRIME|POLICE_REPORT|INCIDENT_REPORT/, 'CRIME_REFERENCE'],
]

export function openRedactionPeer(): Peer {
  const redactor = new OpenRedaction()
  return {
    name: 'openredaction',
    async detect(text) {
      const result = await redactor.detect(text)
      const out: PeerSpan[] = []
      for (const d of result.detections) {
        const type = OPENREDACTION_TYPES.find(([re]) => re.test(d.type))?.[1] ?? 'OTHER'
        const span = trimmed(text, d.position[0], d.position[1], type)
        if (span) out.push(span)
      }
      return out
    },
  }
}

// redact-pii returns only redacted text. Each built-in is run alone with a marker character that
// cannot occur in the input, and the marked regions are read back by aligning with the original.
const MARK = '\uE000'
const REDACT_PII_TYPES: Record<string, PeerSpan['type']> = {
  creditCardNumber: 'CARD_NUMBER',
  streetAddress: 'ADDRESS',
  zipcode: 'POSTCODE',
  phoneNumber: 'PHONE',
  ipAddress: 'IP_ADDRESS',
  usSocialSecurityNumber: 'OTHER',
  emailAddress: 'EMAIL',
  username: 'OTHER',
  password: 'OTHER',
  credentials: 'OTHER',
  digits: 'OTHER',
  url: 'URL',
  names: 'PERSON',
}

function redactorFor(only: string | undefined): SyncRedactor {
  const builtInRedactors = Object.fromEntries(
    Object.keys(REDACT_PII_TYPES).map((k) => [k, { enabled: only === undefined || k === only }]),
  )
  return new SyncRedactor({ globalReplaceWith: MARK, builtInRedactors })
}

/** Character ranges of the original that the redactor replaced with MARK. */
export function markedRegions(original: string, redacted: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let o = 0
  let r = 0
  while (r < redacted.length) {
    const mark = redacted.indexOf(MARK, r)
    if (mark === -1) break
    o += mark - r
    let after = mark
    while (redacted[after] === MARK) after++
    const nextMark = redacted.indexOf(MARK, after)
    const literal = redacted.slice(after, nextMark === -1 ? redacted.length : nextMark)
    const end = literal ? original.indexOf(literal, o) : original.length
    if (end === -1) break
    out.push({ start: o, end })
    o = end
    r = after
  }
  return out
}

export function redactPiiPeer(): Peer & { pipeline(text: string): { start: number; end: number }[] } {
  const single = Object.keys(REDACT_PII_TYPES).map((k) => [k, redactorFor(k)] as const)
  const full = redactorFor(undefined)
  return {
    name: 'redact-pii',
    async detect(text) {
      const out: PeerSpan[] = []
      for (const [key, redactor] of single) {
        for (const r of markedRegions(text, redactor.redact(text))) {
          const span = trimmed(text, r.start, r.end, REDACT_PII_TYPES[key] ?? 'OTHER')
          if (span) out.push(span)
        }
      }
      return out
    },
    pipeline: (text) => markedRegions(text, full.redact(text)),
  }
}
