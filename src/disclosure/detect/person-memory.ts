import { localPartNames } from './email.js'
import { nameKey } from './gazetteer.js'
import { GIVEN, ORG, STOP, SURNAME, TITLE, WORD, type Lexicon } from './person-lexicon.js'
import { glued, isInitial } from './person-runs.js'
import { candidate, type Candidate } from './span.js'
import { CAP, UPPER } from './tokens.js'

const MIN_SCORE = 0.7
const VERY_COMMON = new Set(
  'will may mark bill grant hope pat sue guy art ray rich chase jack don sunny summer june april august page miles case lane young long king'.split(
    ' ',
  ),
)

/**
 * Names seen once in a document name the same people elsewhere in it: "Lokey, Teb" in a header makes
 * "Teb" in the body a name, though no gazetteer lists "Teb". Email local parts ("teb.lokey@…") count.
 */
export function findRememberedNames(
  lex: Lexicon,
  persons: Candidate[],
  emails: Candidate[],
  known: string[],
  out: Candidate[],
): void {
  const memory = new Set<string>()
  const text = lex.t.text
  rememberSpans(lex, persons, memory)
  for (const name of known) remember(lex, name.split(/[\s,.()]+/), memory)
  for (const e of emails) {
    const parts = localPartNames(text.slice(e.start, e.end))
    if (parts.some((p) => (lex.classify(p) & (GIVEN | SURNAME)) !== 0)) remember(lex, parts, memory)
  }
  if (memory.size === 0) return
  const remembered = rememberedWords(memory)
  const covered = coverage(persons)
  const t = lex.t
  for (let i = 0; i < t.count; i++) {
    if (!recalled(lex, i, remembered) || covered(t.start[i] ?? 0)) continue
    let last = i
    while (last + 1 < t.count && t.gapBefore(last + 1) > 0 && t.gapBefore(last + 1) <= 3) {
      const n = last + 1
      if (recalled(lex, n, remembered) || (isInitial(t, n) && recalled(lex, n + 1, remembered))) last = n
      else break
    }
    out.push(candidate(t.start[i] ?? 0, t.end[last] ?? 0, 'PERSON', 0.65, 'person-known-in-document'))
    i = last
  }
}

/** The name words inside confident person spans, found by one walk over the sorted spans and tokens. */
function rememberSpans(lex: Lexicon, persons: Candidate[], memory: Set<string>): void {
  const t = lex.t
  const spans = persons.filter((p) => p.score >= MIN_SCORE).sort((a, b) => a.start - b.start)
  let i = 0
  for (const span of spans) {
    while (i > 0 && (t.start[i - 1] ?? 0) >= span.start) i--
    while (i < t.count && (t.end[i] ?? 0) <= span.start) i++
    for (let j = i; j < t.count && (t.start[j] ?? 0) < span.end; j++) {
      const kind = t.kind[j]
      if ((kind === CAP || kind === UPPER) && !lex.has(j, STOP | TITLE | ORG)) memory.add(t.key(j))
    }
  }
}

function remember(lex: Lexicon, words: string[], memory: Set<string>): void {
  for (const w of words) {
    const key = nameKey(w)
    if (key.length < 2 || !/^\p{L}/u.test(key)) continue
    if ((lex.classify(key) & (STOP | TITLE | ORG)) !== 0) continue
    memory.add(key)
  }
}

interface Remembered {
  keys: Set<string>
  /** First and last letter of each key: most capitalised words can be ruled out without building their key. */
  ends: Set<number>
}

function rememberedWords(keys: Set<string>): Remembered {
  const ends = new Set<number>()
  for (const k of keys) ends.add(k.charCodeAt(0) * 65536 + k.charCodeAt(k.length - 1))
  return { keys, ends }
}

function mayBeRemembered(t: Lexicon['t'], i: number, memory: Remembered): boolean {
  let first = t.text.charCodeAt(t.start[i] ?? 0)
  let last = t.text.charCodeAt((t.end[i] ?? 1) - 1)
  // Beyond ASCII, case folding is toLowerCase's business: build the key.
  if (first >= 128 || last >= 128) return true
  if (first >= 65 && first <= 90) first |= 32
  if (last >= 65 && last <= 90) last |= 32
  return memory.ends.has(first * 65536 + last)
}

function recalled(lex: Lexicon, i: number, memory: Remembered): boolean {
  const t = lex.t
  const kind = t.kind[i]
  if (kind !== CAP && kind !== UPPER) return false
  if (!mayBeRemembered(t, i, memory) || !memory.keys.has(t.key(i)) || glued(t, i)) return false
  // At the start of a sentence a remembered word is a name only if it is a given name and not one of
  // the commonest words ("Glen is…" yes; "Will you…", "Young people…" no).
  if (!lex.has(i, WORD) || !t.sentenceStart(i)) return true
  return lex.has(i, GIVEN) && !VERY_COMMON.has(t.key(i))
}

/** A test of whether a position is inside any of the (unsorted) spans, for a left-to-right scan. */
function coverage(spans: Candidate[]): (at: number) => boolean {
  const sorted = spans.map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0])
  let k = 0
  let maxEnd = -1
  return (at) => {
    while (k < sorted.length && (sorted[k]?.[0] ?? 0) <= at) {
      maxEnd = Math.max(maxEnd, sorted[k]?.[1] ?? 0)
      k++
    }
    return at < maxEnd
  }
}
