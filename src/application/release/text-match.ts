import { foldNeedle } from '../../disclosure/redact/normalise.js'

/**
 * Text as the release gate compares it: case, accents, ligatures, spacing and punctuation folded away, so
 * "THORNLEY", "Thorn-ley" at a line end, "07700-900 123" and "Rebecca.Thornley@Example.com" all meet the strings the
 * case redacted. Only letters and digits are kept; `wordStart` remembers where a word began, so a short name ("Ann")
 * is not found inside a longer word ("planning").
 */
export interface MatchText {
  source: string
  folded: string
  /** For each unit of `folded`, the index in `source` of the character it came from. */
  origin: number[]
  /** For each unit of `folded`: does a new word start here? */
  wordStart: boolean[]
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Characters that join a word rather than split it: soft hyphens and zero-width joiners. */
const JOINER = /[\u00ad\u200b-\u200d\u2060\ufeff]/u

/** Folded needles this long match anywhere; shorter ones only as whole words (as the redaction matcher does). */
export const ANYWHERE_LENGTH = 8

export function matchText(source: string): MatchText {
  const folded: string[] = []
  const origin: number[] = []
  const wordStart: boolean[] = []
  let boundary = true
  for (let i = 0; i < source.length; i++) {
    const cp = source.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    if (cp > 0xffff) i++
    if (JOINER.test(ch)) continue
    const units = LETTER_OR_DIGIT.test(ch) ? [...foldNeedle(ch)].filter((u) => LETTER_OR_DIGIT.test(u)) : []
    if (units.length === 0) {
      boundary = true
      continue
    }
    for (const unit of units) {
      folded.push(unit)
      origin.push(i - (cp > 0xffff ? 1 : 0))
      wordStart.push(boundary)
      boundary = false
    }
  }
  return { source, folded: folded.join(''), origin, wordStart }
}

/** The folded form of a string to look for (letters and digits only). */
export function foldForGate(text: string): string {
  return matchText(text).folded
}

export interface TextHit {
  /** The words as they stand in the text searched (what the person wrote). */
  found: string
  start: number
  end: number
}

function hitAt(t: MatchText, at: number, length: number): TextHit {
  const start = t.origin[at]!
  const last = t.origin[at + length - 1]!
  const end = last + ((t.source.codePointAt(last) ?? 0) > 0xffff ? 2 : 1)
  return { found: t.source.slice(start, end), start, end }
}

function isWholeWords(t: MatchText, at: number, length: number): boolean {
  const endsWord = at + length >= t.folded.length || t.wordStart[at + length] === true
  return t.wordStart[at] === true && endsWord
}

/** Every place the folded needle occurs in `t`: anywhere when long, as whole words when short. */
export function findExact(t: MatchText, needle: string): TextHit[] {
  const hits: TextHit[] = []
  if (!needle) return hits
  for (let at = t.folded.indexOf(needle); at >= 0; at = t.folded.indexOf(needle, at + 1)) {
    if (needle.length >= ANYWHERE_LENGTH || isWholeWords(t, at, needle.length)) hits.push(hitAt(t, at, needle.length))
  }
  return hits
}

/** The words of `t` as [start, length] in folded units. */
function wordsOf(t: MatchText): [number, number][] {
  const words: [number, number][] = []
  for (let i = 0; i < t.folded.length; i++) {
    if (t.wordStart[i]) words.push([i, 1])
    else if (words.length) words[words.length - 1]![1]++
  }
  return words
}

/**
 * Words one edit away from a name ("Thornly", "Thornely", "Whitfeild" for "Whitfield"): a misspelt surname still
 * names the person. Only for names of six letters or more, only words starting with the same letter, and never a
 * common English word (`isCommonWord`), so "Browne" does not stop a letter that says "brown".
 */
export function findVariants(t: MatchText, name: string, isCommonWord: (w: string) => boolean): TextHit[] {
  if (name.length < 6) return []
  const hits: TextHit[] = []
  for (const [at, length] of wordsOf(t)) {
    if (Math.abs(length - name.length) > 1) continue
    const word = t.folded.slice(at, at + length)
    if (word === name || word[0] !== name[0] || isCommonWord(word)) continue
    if (withinOneEdit(word, name)) hits.push(hitAt(t, at, length))
  }
  return hits
}

/** Damerau–Levenshtein distance ≤ 1: one letter added, dropped, changed, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a]
  return long.slice(i + 1) === short.slice(i)
}
