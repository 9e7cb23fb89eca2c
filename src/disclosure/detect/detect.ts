import { findAddresses } from './address.js'
import { findBankAccounts } from './bank-account.js'
import { findCardNumbers } from './card-number.js'
import { findCrimeReferences } from './crime-reference.js'
import { findDatesOfBirth } from './date-of-birth.js'
import { findEmails } from './email.js'
import { findIpAddresses } from './ip-address.js'
import { findNhsNumbers } from './nhs-number.js'
import { findNiNumbers } from './ni-number.js'
import { classifyCandidates, findParties } from './parties-classify.js'
import { findPersons } from './person.js'
import { findPhones } from './phone.js'
import { findPostcodes } from './postcode.js'
import { resolveOverlaps } from './resolve-overlaps.js'
import type { Candidate } from './span.js'
import type { DetectedSpan, DetectOptions } from './types.js'
import { findProfileUrls } from './url-handle.js'
import { findVehicleRegs } from './vehicle-reg.js'

export type { DetectedSpan, DetectOptions, PiiType, SubjectIdentifiers } from './types.js'

/**
 * Finds personal data in `text`: one span per finding, sorted by start, none overlapping. Pure: the
 * only I/O is the first, lazy load of the gazetteers.
 */
export function detect(text: string, options: DetectOptions = {}): DetectedSpan[] {
  const found: Candidate[] = []
  findEmails(text, found)
  const emails = found.slice()
  findStructured(text, options, found)
  const known = [...(options.knownParties ?? []), ...(options.staffNames ?? [])]
  for (const p of findPersons(text, emails, known)) found.push(p)
  findParties(text, options, found)
  classifyCandidates(text, found, options)
  return resolveOverlaps(found).map((c) => ({
    start: c.start,
    end: c.end,
    type: c.type,
    text: text.slice(c.start, c.end),
    score: Math.round(c.score * 100) / 100,
    recogniser: c.recogniser,
  }))
}

function findStructured(text: string, options: DetectOptions, out: Candidate[]): void {
  findPhones(text, out)
  findPostcodes(text, out)
  findAddresses(text, out)
  findNiNumbers(text, out)
  findNhsNumbers(text, out)
  findCardNumbers(text, out)
  findBankAccounts(text, out)
  findIpAddresses(text, out)
  findProfileUrls(text, out)
  findVehicleRegs(text, out)
  findDatesOfBirth(text, out)
  findCrimeReferences(text, out, options.crimeReferencePatterns, options.crimeReferenceDefaults ?? true)
}
