import {
  COMMON_SURNAME,
  GIVEN,
  MONTH,
  ORG,
  PARTICLE,
  PLACE,
  PLACE_PREFIX,
  SUFFIX,
  SURNAME,
  WORD,
  type Lexicon,
} from './person-lexicon.js'
import { candidate, type Candidate } from './span.js'
import { CAP, INIT, LOWER, NL, NUM, PUNCT, UPPER, type Tokens } from './tokens.js'

/**
 * Runs of capitalised words on one line ("Phillip K. Allen", "Laura de la Torre", "Abby LOPEZ"),
 * scored by what the gazetteers say about their words. Context cues (headers, greetings, titles)
 * live in other recognisers; this one needs no context, so it is the stricter.
 */
export function findNameRuns(lex: Lexicon, out: Candidate[]): void {
  const t = lex.t
  let i = 0
  while (i < t.count) {
    if (!startsRun(lex, i)) {
      i++
      continue
    }
    const last = runEnd(lex, i)
    if (!partOfLargerName(lex, i, last)) scoreRun(lex, i, last, out)
    i = last + 1
  }
}

/** An initial that is really the pronoun "I", the article "A" or half of "Q&A" is not an initial. */
export function isInitial(t: Tokens, i: number): boolean {
  if (t.k(i) !== INIT) return false
  if ((t.ch(i + 1) === 38 && t.gapBefore(i + 1) === 0) || (t.ch(i - 1) === 38 && t.gapBefore(i) === 0)) return false
  const c = t.text.charCodeAt(t.start[i] ?? 0)
  return (c !== 65 && c !== 73) || (t.ch(i + 1) === 46 && t.gapBefore(i + 1) === 0)
}

// Glued to what precedes it ("+22Dan", "Dana.Davis", "id=Smith"), a word is part of a code or address.
const GLUE = new Set([43, 61, 95, 64, 47, 92, 35, 37, 38, 46])
export function glued(t: Tokens, i: number): boolean {
  if (i === 0 || t.gapBefore(i) > 0) return false
  const k = t.kind[i - 1]
  return k === NUM || k === LOWER || k === CAP || k === UPPER || k === INIT || GLUE.has(t.ch(i - 1))
}

function startsRun(lex: Lexicon, i: number): boolean {
  return (lex.nameWord(i) || isInitial(lex.t, i)) && !glued(lex.t, i)
}

/** Index of the last token of the run that starts at `first`. */
export function runEnd(lex: Lexicon, first: number): number {
  const t = lex.t
  let last = first
  for (;;) {
    let j = last + 1
    if (t.ch(j) === 46 && t.gapBefore(j) === 0 && (t.k(last) === INIT || lex.has(last, SUFFIX))) {
      last = j
      j++
    }
    if (j >= t.count || t.kind[j] === NL || t.gapBefore(j) === 0 || t.gapBefore(j) > 3) return last
    if (lex.nameWord(j) || isInitial(t, j) || (lex.has(j, SUFFIX) && t.kind[j] !== NUM)) {
      last = j
      continue
    }
    // "Laura de la Torre": particles inside a run, never at its end.
    let p = j
    while (p < t.count && lex.has(p, PARTICLE) && t.gapBefore(p + 1) > 0) p++
    if (p > j && lex.nameWord(p) && t.kind[p - 1] !== NL) {
      last = p
      continue
    }
    // "Jeff (Rocky) Skilling": a one-word nickname in brackets.
    if (t.ch(j) === 40 && lex.nameWord(j + 1) && t.ch(j + 2) === 41 && lex.nameWord(j + 3)) {
      last = j + 3
      continue
    }
    return last
  }
}

/**
 * "Harris County", "Allen Parkway", "King & Spalding", "Lawrence, Kansas": the run names a place or
 * an organisation, as the word after it shows.
 */
function partOfLargerName(lex: Lexicon, first: number, last: number): boolean {
  const t = lex.t
  const next = last + 1
  if (next < t.count && t.kind[next] !== NL && t.gapBefore(next) > 0 && lex.has(next, ORG) && t.kind[next] === CAP) {
    return true
  }
  const single = first === last && !lex.has(first, GIVEN)
  if (single && (t.ch(first - 1) === 38 || t.ch(next) === 38)) return true
  return first === last && t.ch(next) === 44 && lex.has(next + 1, PLACE) && t.kind[next + 1] !== NL
}

function isCore(lex: Lexicon, i: number): boolean {
  return lex.nameWord(i) && !lex.has(i, SUFFIX)
}

/** Trims words that cannot start or end a name, then decides whether what is left is one. */
function scoreRun(lex: Lexicon, first: number, last: number, out: Candidate[]): void {
  const t = lex.t
  let a = first
  let b = last
  // Leading everyday words ("Call John Smith", "Attached Smith") are not part of the name.
  while (a <= b && isCore(lex, a) && lex.has(a, WORD) && !lex.has(a, GIVEN)) a++
  while (b >= a && t.kind[b] === PUNCT) b--
  while (b > a && isCore(lex, b) && lex.has(b, WORD) && !lex.has(b, GIVEN | SURNAME)) b--
  if (a > b) return
  const cores: number[] = []
  let before = 0
  let after = 0
  for (let i = a; i <= b; i++) {
    if (isCore(lex, i)) cores.push(i)
    else if (isInitial(t, i)) {
      if (cores.length === 0) before++
      else after++
    }
  }
  const score = runScore(lex, cores, before, after, a)
  if (score > 0) {
    let end = b
    if (t.ch(end + 1) === 46 && t.gapBefore(end + 1) === 0 && (t.k(end) === INIT || lex.has(end, SUFFIX))) end++
    out.push(candidate(t.start[a] ?? 0, t.end[end] ?? 0, 'PERSON', score, 'person-gazetteer'))
  }
}

function runScore(lex: Lexicon, cores: number[], before: number, after: number, a: number): number {
  const t = lex.t
  const first = cores[0]
  if (first === undefined || lex.has(first, PLACE_PREFIX)) return 0
  const lastCore = cores[cores.length - 1] ?? first
  if (cores.length >= 2) {
    const surnameOk = lex.has(lastCore, SURNAME | GIVEN) || !lex.has(lastCore, WORD)
    if (lex.has(first, GIVEN) && !lex.ambiguousGiven(first)) return surnameOk ? 0.9 : 0
    if (lex.has(first, GIVEN)) {
      // "Will Smith", "Mark Whitt", "Jan Moore" but not "May 2001" or "Will Power".
      if (lex.has(first, MONTH) && !lex.has(lastCore, SURNAME)) return 0
      if (!lex.has(lastCore, WORD)) return 0.8
      return lex.has(lastCore, SURNAME) && !t.sentenceStart(a) ? 0.6 : 0
    }
    // Neither word a given name: plain capitalised words that are not everyday words ("Gio Ponti").
    const plain = cores.every((c) => !lex.has(c, WORD | PLACE) && t.kind[c] === CAP)
    if (!plain) return 0
    return cores.some((c) => lex.has(c, COMMON_SURNAME)) ? 0.6 : 0.4
  }
  // One word: an all-capitals one alone is an acronym ("LON", "EES") far more often than a name.
  if (t.kind[first] === UPPER) return 0
  if (before > 0) return lex.strongNameWord(first) && !lex.has(first, PLACE) ? 0.8 : 0 // "J. Smith"
  if (after > 0 && !lex.has(first, GIVEN)) return 0 // "Arbitrage Q" is not "Phillip K."
  if (lex.has(first, GIVEN) && !lex.ambiguousGiven(first)) return after > 0 ? 0.8 : 0.7
  if (t.sentenceStart(a)) return 0
  return lex.has(first, COMMON_SURNAME) && !lex.has(first, WORD | PLACE | GIVEN) ? 0.5 : 0
}
