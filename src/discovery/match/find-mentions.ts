import { DATE_SOURCE, normaliseDate } from '../../disclosure/detect/dates.js'
import { gazetteers } from '../../disclosure/detect/gazetteer.js'
import { findIdentifiers, type IdentifierKind } from './identifiers.js'
import { ANCHOR_SCORE, MENTION_SCORES, SHORT_FORMS, type Mention, type MentionKind } from './mention-kinds.js'
import { localPartIsPerson, type PersonName, type SubjectProfile } from './subject.js'
import { nameMatchers, sharedGivenForms, shortFormMatchers, type NameMatcher } from './name-patterns.js'

const ANY_DATE = new RegExp(`(?<![\\w/])${DATE_SOURCE}(?![\\w/])`, 'gi')

/**
 * Every mention of the subject in one text (an email with its headers, a file's text, a database row), in order.
 * Identifiers first, then names, then, if something strong was found, the short forms; a span is never counted twice.
 */
export function findMentions(text: string, profile: SubjectProfile): Mention[] {
  const taken: Mention[] = []
  const add = (start: number, end: number, kind: MentionKind) => {
    if (end <= start || taken.some((m) => m.start < end && start < m.end)) return
    taken.push({ start, end, text: text.slice(start, end), kind, score: MENTION_SCORES[kind] })
  }
  const kinds = new Set<IdentifierKind>(['email', ...profile.identifiers.keys()])
  for (const id of findIdentifiers(text, kinds)) {
    if (profile.identifiers.get(id.kind)?.has(id.value)) add(id.start, id.end, id.kind)
    else if (id.kind === 'email' && localPartIsPerson(id.value, profile)) add(id.start, id.end, 'email-name')
  }
  if (profile.identifiers.has('dob')) findDates(text, profile, add)
  for (const line of profile.addressLines) findLiteral(text, line, (s, e) => add(s, e, 'address'))
  for (const m of nameMatchers(profile)) run(text, m, add)
  // A misspelling only matters where the name is not found as written (and it is the slowest pass).
  if (!taken.some((m) => m.score >= ANCHOR_SCORE)) findSimilarNames(text, profile.people, add)
  if (taken.some((m) => m.score >= ANCHOR_SCORE)) {
    const before = taken.length
    for (const m of shortFormMatchers(profile)) run(text, m, add)
    const shared = new Set(profile.people.flatMap((p) => [...sharedGivenForms(text, p)]))
    if (shared.size > 0) {
      const short = taken.splice(before)
      taken.push(...short.filter((m) => !shared.has(m.text.toLowerCase())))
    }
  }
  return taken.sort((a, b) => a.start - b.start)
}

function run(text: string, matcher: NameMatcher, add: (s: number, e: number, k: MentionKind) => void): void {
  const { pattern, kind, accept } = matcher
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    let end = m.index + m[0].length
    // A trailing full stop belongs to an initial ("Allen, Phillip K."), not to a sentence after a whole word.
    if (m[0].endsWith('.') && /\p{L}{2}\.$/u.test(m[0])) end--
    if (!accept || accept(m[0], text, m.index)) add(m.index, end, kind)
  }
}

function findDates(text: string, profile: SubjectProfile, add: (s: number, e: number, k: MentionKind) => void) {
  const dobs = profile.identifiers.get('dob' as IdentifierKind)
  ANY_DATE.lastIndex = 0
  for (let m = ANY_DATE.exec(text); m; m = ANY_DATE.exec(text)) {
    if (dobs?.has(normaliseDate(m[0]) ?? '')) add(m.index, m.index + m[0].length, 'dob')
  }
}

function findLiteral(text: string, needle: string, found: (start: number, end: number) => void): void {
  const words = needle.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu')
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found(m.index, m.index + m[0].length)
}

/** "Phillip Alen" for Phillip Allen: a given name (or initial) then a surname one letter out, for surnames of 5+. */
function findSimilarNames(text: string, people: PersonName[], add: (s: number, e: number, k: MentionKind) => void) {
  const targets = people.filter((p) => p.surname.length >= 5)
  if (targets.length === 0) return
  const pair = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'’-]*)\.?\s+(\p{Lu}[\p{L}'’-]{3,})(?![\p{L}\p{N}])/gu
  for (let m = pair.exec(text); m; m = pair.exec(text)) {
    const first = (m[1] ?? '').toLowerCase()
    const second = (m[2] ?? '').toLowerCase()
    const hit = targets.some((p) => {
      const s = p.surname.toLowerCase()
      return (
        s !== second && (p.givenForms.includes(first) || first === p.initials[0]?.toLowerCase()) && oneEdit(s, second)
      )
    })
    if (hit) add(m.index, m.index + m[0].length, 'similar-name')
    pair.lastIndex = m.index + (m[1]?.length ?? 1)
  }
}

/** True when a and b differ by exactly one inserted, deleted or changed letter. */
export function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1)
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** A lower-case short form is only trusted when it is not an ordinary English word ("will", "pat", "bill"). */
export function lowerCaseTrusted(word: string): boolean {
  return word.length >= 4 && !gazetteers().words.has(word.toLowerCase())
}

export { SHORT_FORMS }
