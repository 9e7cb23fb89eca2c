import { splitName, type NameParts } from '../../disclosure/detect/parties.js'
import { normaliseIdentifier, type IdentifierKind } from './identifiers.js'
import { nicknamesOf } from './nicknames.js'

/** Who is being searched for, as entered on the case (or on the command line). */
export interface SearchSubject {
  /** The subject's name as the case has it ("Phillip K Allen", "Allen, Phillip"). */
  names: string[]
  /** Other names they go by or went by (a maiden name, "known as"). */
  aliases?: string[]
  emails?: string[]
  phones?: string[]
  datesOfBirth?: string[]
  postcodes?: string[]
  /** Postal addresses; the first line ("12 Acacia Avenue") is searched for. */
  addresses?: string[]
  niNumbers?: string[]
  pncIds?: string[]
  vehicleRegs?: string[]
  /** Crime, incident or case references. */
  references?: string[]
}

/** One way of writing the person's name, with the given-name forms it may take. */
export interface PersonName extends NameParts {
  /** The given name and its nicknames, lower case; the first is the given name itself. */
  givenForms: string[]
  /** First letters of the given and middle names, upper case ("PK"). */
  initials: string
}

export interface SubjectProfile {
  people: PersonName[]
  identifiers: Map<IdentifierKind, Set<string>>
  /** First lines of addresses, lower case with single spaces. */
  addressLines: string[]
  /** Email local parts (letters only) the person's own address could have: "phillipallen", "pallen", "allenp". */
  emailLocals: Set<string>
  /** Words never worth searching alone (empty or one letter). */
  problems: string[]
}

const IDENTIFIER_FIELDS: [keyof SearchSubject, IdentifierKind][] = [
  ['emails', 'email'],
  ['phones', 'phone'],
  ['datesOfBirth', 'dob'],
  ['postcodes', 'postcode'],
  ['niNumbers', 'ni'],
  ['pncIds', 'pnc'],
  ['vehicleRegs', 'vrm'],
  ['references', 'reference'],
]

const lettersOf = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '')

/** Everything a search looks for, worked out once from what was entered. */
export function buildProfile(subject: SearchSubject): SubjectProfile {
  const problems: string[] = []
  const people: PersonName[] = []
  for (const raw of [...subject.names, ...(subject.aliases ?? [])]) {
    // Generational suffixes are not part of the surname: "Cobb Jr., John" is John Cobb.
    const parts = splitName(raw.replace(/(?<=\S)[ ,]+(?:Jr|Sr|II|III|IV)\.?(?=,|\s|$)/g, ''))
    if (!parts || lettersOf(parts.given).length < 2) {
      if (raw.trim()) problems.push(raw.trim())
      continue
    }
    const given = parts.given.toLowerCase()
    people.push({
      ...parts,
      givenForms: [given, ...nicknamesOf(given).filter((n) => n.length >= 2)],
      initials: [parts.given, ...parts.middles].map((w) => w.slice(0, 1).toUpperCase()).join(''),
    })
  }
  const identifiers = new Map<IdentifierKind, Set<string>>()
  for (const [field, kind] of IDENTIFIER_FIELDS) {
    for (const raw of (subject[field] as string[] | undefined) ?? []) {
      const value = normaliseIdentifier(kind, raw)
      if (!value) {
        if (raw.trim()) problems.push(raw.trim())
        continue
      }
      identifiers.set(kind, (identifiers.get(kind) ?? new Set()).add(value))
    }
  }
  const addressLines = (subject.addresses ?? [])
    .map((a) => (a.split(/[,\n]/)[0] ?? '').toLowerCase().replace(/\s+/g, ' ').trim())
    .filter((a) => a.length >= 6)
  return { people, identifiers, addressLines, emailLocals: emailLocalsFor(people), problems }
}

function emailLocalsFor(people: PersonName[]): Set<string> {
  const out = new Set<string>()
  for (const p of people) {
    const s = lettersOf(p.surname)
    if (s.length < 2) continue
    const mids = p.middles.map((m) => lettersOf(m).slice(0, 1)).join('')
    for (const g of p.givenForms.map(lettersOf)) {
      const gi = g.slice(0, 1)
      for (const v of [g + s, s + g, gi + s, s + gi, g + mids + s, gi + mids + s, s + gi + mids]) out.add(v)
    }
    for (const m of mids) out.add(m + s)
  }
  return out
}

/** True when an email address's local part looks like this person's own ("phillip.allen", "pallen", "k..allen"). */
export function localPartIsPerson(email: string, profile: SubjectProfile): boolean {
  const local = email.slice(0, email.indexOf('@')).toLowerCase()
  if (profile.emailLocals.has(lettersOf(local))) return true
  const segments = local.split(/[._\-']+/).filter(Boolean)
  return profile.people.some((p) => {
    const s = lettersOf(p.surname)
    if (s.length < 2 || !segments.includes(s)) return false
    const initials = p.initials.toLowerCase()
    const middles = p.middles.map(lettersOf)
    return segments.some(
      (seg) =>
        seg !== s &&
        (p.givenForms.includes(seg) || middles.includes(seg) || (seg.length === 1 && initials.includes(seg))),
    )
  })
}
