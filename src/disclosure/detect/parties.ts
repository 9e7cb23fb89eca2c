import { nameKey } from './gazetteer.js'
import { COURTESY_TITLES, POLICE_RANKS } from './person-lexicon.js'

/**
 * How one person's name may be written: "John Andrew Smith" → "John Smith", "J. A. Smith",
 * "Smith, John", "SMITH John A" … Matching is case-insensitive and tolerates full stops and commas.
 */
export interface NameParts {
  given: string
  middles: string[]
  surname: string
}

export function splitName(raw: string): NameParts | undefined {
  const text = raw.trim()
  let words: string[]
  if (text.includes(',')) {
    // "Smith, John Andrew"
    const [surname = '', rest = ''] = text.split(',', 2)
    words = [...rest.trim().split(/\s+/), surname.trim()]
  } else {
    words = text.split(/\s+/)
  }
  words = words.map((w) => w.replace(/\.$/, '')).filter((w) => w && !isTitle(w))
  if (words.length === 0) return undefined
  const given = words[0] ?? ''
  if (words.length === 1) return { given, middles: [], surname: '' }
  return { given, middles: words.slice(1, -1), surname: words[words.length - 1] ?? '' }
}

function isTitle(word: string): boolean {
  const key = nameKey(word)
  return COURTESY_TITLES.has(key) || POLICE_RANKS.has(key)
}

/** Word sequences that all name the same person; initials are single letters. */
export function nameVariants(raw: string): string[][] {
  const p = splitName(raw)
  if (!p) return []
  if (!p.surname) return [[p.given]]
  const g = p.given
  const s = p.surname
  const gi = g.slice(0, 1)
  const mi = p.middles.map((m) => m.slice(0, 1))
  const variants: string[][] = [
    [g, ...p.middles, s],
    [g, s],
    [g, ...mi, s],
    [gi, s],
    [gi, ...mi, s],
    [s, g],
    [s, g, ...p.middles],
    [s, g, ...mi],
    [s, gi],
  ]
  const seen = new Set<string>()
  return variants.filter((v) => {
    const key = v.join(' ').toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]")
}

/** One regex for all variants of all the names, longest first so "John A Smith" wins over "John". */
export function namePattern(names: string[]): RegExp | undefined {
  const all = names.flatMap(nameVariants).filter((v) => v.length > 0)
  if (all.length === 0) return undefined
  all.sort((a, b) => b.join(' ').length - a.join(' ').length)
  const alternatives = all.map((v) => v.map(escape).join('(?:\\.\\s*|\\.?,?\\s+)') + '\\.?')
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
}

export function findNames(text: string, pattern: RegExp | undefined): [number, number][] {
  if (!pattern) return []
  const out: [number, number][] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    let end = m.index + m[0].length
    // The optional full stop is for initials ("J. Smith"), not the end of a sentence.
    if (m[0].endsWith('.') && /\p{L}{2}\.$/u.test(m[0])) end--
    out.push([m.index, end])
  }
  return out
}

/** Local parts a person's own address is likely to have: john.smith, jsmith, smithj, john_smith… */
export function emailLocalPartsFor(names: string[]): Set<string> {
  const out = new Set<string>()
  for (const raw of names) {
    const p = splitName(raw)
    if (!p || !p.surname) continue
    const g = letters(p.given)
    const s = letters(p.surname)
    const mi = p.middles.map((m) => letters(m).slice(0, 1)).join('')
    for (const v of [g + s, s + g, g.slice(0, 1) + s, s + g.slice(0, 1), g + mi + s, g.slice(0, 1) + mi + s]) out.add(v)
  }
  return out
}

export function letters(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}]/gu, '')
}
