import { gazetteers, nameKey } from '../../disclosure/detect/gazetteer.js'
import type { MentionKind } from './mention-kinds.js'
import type { PersonName, SubjectProfile } from './subject.js'

export interface NameMatcher {
  pattern: RegExp
  kind: MentionKind
  /** A last look at the context: false rejects this match. */
  accept?: (match: string, text: string, index: number) => boolean
}

const B = '(?<![\\p{L}\\p{N}])'
const E = '(?![\\p{L}\\p{N}])'
const TITLES = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|PC|DC|PS|DS|Sgt|Insp|Supt)'

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]?")
}

/** The ways a word is capitalised in mail: "Allen", "ALLEN", and "allen" when that is not an ordinary word. */
function cased(word: string, lowerToo: boolean): string {
  const lower = word.toLowerCase()
  const forms = new Set([lower.charAt(0).toUpperCase() + lower.slice(1), word, word.toUpperCase()])
  if (lowerToo) forms.add(lower)
  return `(?:${[...forms].map(escape).join('|')})`
}

function trustedLower(word: string): boolean {
  return word.length >= 4 && !gazetteers().words.has(nameKey(word))
}

const cache = new WeakMap<SubjectProfile, { names: NameMatcher[]; short: NameMatcher[] }>()

function build(profile: SubjectProfile) {
  let built = cache.get(profile)
  if (!built) {
    built = { names: profile.people.flatMap(strongFor), short: profile.people.flatMap(shortFor) }
    cache.set(profile, built)
  }
  return built
}

export const nameMatchers = (profile: SubjectProfile) => build(profile).names
export const shortFormMatchers = (profile: SubjectProfile) => build(profile).short

/** Full names in any order and with initials: unambiguous enough to stand alone. */
function strongFor(p: PersonName): NameMatcher[] {
  const sur = escape(p.surname)
  const given = escape(p.givenForms[0] ?? p.given)
  const nicks = p.givenForms.slice(1).map(escape)
  const allGiven = `(?:${[given, ...nicks].join('|')})`
  const mids = `(?:\\.?\\s+(?:${[...p.middles.map(escape), '\\p{L}'].join('|')})\\.?){0,2}`
  const out: NameMatcher[] = []
  if (!p.surname) {
    // A single name (an alias such as "Smudger"): only as it is written, case-insensitive.
    out.push({ pattern: new RegExp(`${B}${given}${E}`, 'giu'), kind: 'full-name' })
    return out
  }
  out.push({ pattern: new RegExp(`${B}${given}${mids}[\\s.]+${sur}${E}`, 'giu'), kind: 'full-name' })
  if (nicks.length) {
    out.push({
      pattern: new RegExp(`${B}(?:${nicks.join('|')})${mids}[\\s.]+${sur}${E}`, 'giu'),
      kind: 'nickname-name',
    })
  }
  out.push({ pattern: new RegExp(`${B}${sur},\\s*${allGiven}${mids}${E}\\.?`, 'giu'), kind: 'surname-first' })
  out.push({
    pattern: new RegExp(`${B}${escape(p.surname.toUpperCase())}\\s+${allGiven}${E}`, 'gu'),
    kind: 'surname-first',
  })
  const initial = escape(p.given.charAt(0).toUpperCase())
  const casedSur = cased(p.surname, true)
  out.push({
    pattern: new RegExp(`${B}${initial}\\.?(?:\\s?\\p{Lu}\\.?){0,2}\\s*${casedSur}${E}`, 'gu'),
    kind: 'initial-name',
  })
  out.push({
    pattern: new RegExp(`${B}${casedSur},\\s*${initial}\\.?(?:\\s?\\p{Lu}\\.){0,2}(?![\\p{L}\\p{N}])`, 'gu'),
    kind: 'initial-name',
  })
  return out
}

/** First name, nickname, surname, "Mr Allen", initials: only where the text has named the person already. */
function shortFor(p: PersonName): NameMatcher[] {
  const out: NameMatcher[] = []
  if (p.surname) {
    const sur = cased(p.surname, trustedLower(p.surname))
    out.push({
      pattern: new RegExp(`${B}${TITLES}\\.?\\s+${cased(p.surname, true)}${E}`, 'gu'),
      kind: 'titled-surname',
    })
    out.push({ pattern: new RegExp(`${B}${sur}${E}`, 'gu'), kind: 'surname', accept: notAfterOtherGiven(p) })
    // Three or more initials ("PKA"); two ("PA") are too often something else (a personal assistant, a state).
    const initials = p.initials + p.surname.charAt(0).toUpperCase()
    if (initials.length >= 3) out.push({ pattern: new RegExp(`${B}${escape(initials)}${E}`, 'gu'), kind: 'initials' })
  }
  p.givenForms.forEach((form, i) => {
    if (form.length < 2) return
    out.push({
      pattern: new RegExp(`${B}${cased(form, trustedLower(form))}${E}`, 'gu'),
      kind: i === 0 ? 'given-name' : 'nickname',
      accept: notBeforeOtherSurname(p),
    })
  })
  return out
}

// On the same line only: a signature's "Dan" is not followed by the next line's "Law Offices".
const NEXT_WORD = /^[ \t]+(\p{Lu}[\p{L}'’-]+)/u
const PREV_WORD = /(\p{Lu}[\p{L}'’-]+)[ \t]+$/u

/** "Phillip Smith" is another Phillip: a first name followed by a different surname is not the subject. */
function notBeforeOtherSurname(p: PersonName) {
  return (match: string, text: string, index: number) => {
    const next = NEXT_WORD.exec(text.slice(index + match.length, index + match.length + 40))?.[1]
    if (!next) return true
    return !otherSurname(p, next)
  }
}

/** "Jane Allen" is another Allen: a surname after a different first name is not the subject. */
function notAfterOtherGiven(p: PersonName) {
  return (_match: string, text: string, index: number) => {
    const prev = PREV_WORD.exec(text.slice(Math.max(0, index - 40), index))?.[1]
    if (!prev) return true
    const key = nameKey(prev)
    return p.givenForms.includes(key) || !gazetteers().given.has(key) || gazetteers().stop.has(key)
  }
}

/** A capitalised word that is some other person's surname (in the surname list, not the subject's, not a stop word). */
export function otherSurname(p: PersonName, word: string): boolean {
  const key = nameKey(word)
  return (
    key !== nameKey(p.surname) &&
    !p.givenForms.includes(key) &&
    gazetteers().surname.has(key) &&
    !gazetteers().stop.has(key)
  )
}

/**
 * Given-name forms that some other person in the text also has ("Lynn Blair" beside the subject Lindy Donoho, known
 * as Lynn): there a bare "Lynn" could be either of them, so it is not reported.
 */
export function sharedGivenForms(text: string, p: PersonName): Set<string> {
  const shared = new Set<string>()
  for (const form of p.givenForms) {
    const f = escape(form)
    const after = new RegExp(`${B}${f}[ \\t]+(\\p{Lu}[\\p{L}'’-]+)`, 'giu')
    const before = new RegExp(`(\\p{Lu}[\\p{L}'’-]+),[ \\t]*${f}${E}`, 'giu')
    for (const re of [after, before]) {
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const word = m[1] ?? ''
        if (/^\p{Lu}/u.test(word) && otherSurname(p, word)) shared.add(form)
      }
    }
  }
  return shared
}
