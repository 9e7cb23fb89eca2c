import {
  GIVEN,
  ORG,
  PLACE,
  RANK,
  RANK_MODIFIERS,
  STOP,
  SUFFIX,
  SURNAME,
  TITLE,
  WORD,
  type Lexicon,
} from './person-lexicon.js'
import { isInitial, runEnd } from './person-runs.js'
import { candidate, type Candidate } from './span.js'
import { CAP, INIT, LOWER, NL, NUM, UPPER } from './tokens.js'

// Ranks that are also everyday abbreviations ("my PC", "Washington DC"): a name must follow.
const AMBIGUOUS_RANKS = new Set(['pc', 'dc', 'ds', 'di', 'cc', 'sc', 'acc', 'dcc', 'officer', 'major', 'judge'])

/** "Mrs Patel", "PC 1234 Smith", "Det Sgt Jones", "Chief Inspector Ann Lee", "Uncle Robert". */
export function findTitledNames(lex: Lexicon, out: Candidate[]): void {
  const t = lex.t
  for (let i = 0; i < t.count; i++) {
    const kind = t.kind[i]
    if ((kind !== CAP && kind !== UPPER) || !lex.has(i, TITLE)) continue
    let start = i
    // Extend back over "Detective", "Chief", "Acting" …
    while (start > 0 && RANK_MODIFIERS.has(t.key(start - 1)) && t.kind[start - 1] !== NL) start--
    let j = i
    let rank = lex.has(i, RANK)
    while (lex.has(j + 1, TITLE) && t.kind[j + 1] !== NL && t.gapBefore(j + 1) > 0) {
      j++
      rank ||= lex.has(j, RANK)
    }
    if (t.ch(j + 1) === 46 && t.gapBefore(j + 1) === 0) j++
    let collar = false
    if (t.kind[j + 1] === NUM && t.kind[j + 2] !== NUM) {
      j++
      collar = true
    }
    const first = j + 1
    if (first >= t.count || t.kind[first] === NL || !titledNameStart(lex, first)) continue
    // "MS Word": a courtesy title in capitals goes with a name in capitals ("MRS SMITH").
    if (kind === UPPER && !rank && t.kind[first] !== UPPER) continue
    if (AMBIGUOUS_RANKS.has(t.key(i)) && !collar && !lex.strongNameWord(first) && !lex.has(first, SURNAME)) continue
    const last = runEnd(lex, first)
    const recogniser = rank ? 'person-rank' : 'person-title'
    out.push(candidate(t.start[start] ?? 0, t.end[last] ?? 0, 'PERSON', 0.95, recogniser))
    i = last
  }
}

function titledNameStart(lex: Lexicon, i: number): boolean {
  const t = lex.t
  const kind = t.kind[i]
  if (kind === INIT) return isInitial(t, i)
  if (kind !== CAP && kind !== UPPER) return false
  // After a title an everyday word is a surname ("Mrs Green"), but not a stop or organisation word.
  return !lex.has(i, STOP | ORG) || lex.has(i, SURNAME)
}

/** "Allen, Phillip K.", "SMITH, John", "Cobb Jr., John": surname first, as in lists and headers. */
export function findSurnameCommaGiven(lex: Lexicon, out: Candidate[]): void {
  const t = lex.t
  for (let i = 0; i + 2 < t.count; i++) {
    if (t.ch(i) !== 44) continue
    let s = i - 1
    while (s > 0 && (lex.has(s, SUFFIX) || (t.ch(s) === 46 && lex.has(s - 1, SUFFIX)))) s--
    const g = i + 1
    if (!surnameSlot(lex, s) || !givenSlot(lex, g) || t.kind[g - 1] === NL) continue
    let last = g
    while (last + 1 < t.count && t.kind[last + 1] !== NL && t.gapBefore(last + 1) > 0) {
      const n = last + 1
      if (isInitial(t, n) || (lex.has(n, GIVEN) && lex.nameWord(n))) last = n
      else break
    }
    if (t.ch(last + 1) === 46 && t.gapBefore(last + 1) === 0 && t.kind[last] === INIT) last++
    const next = last + 1
    const closed =
      next >= t.count ||
      t.kind[next] === NL ||
      [59, 44, 41, 60, 91, 47, 34, 38].includes(t.ch(next)) ||
      t.key(next) === 'and' ||
      t.key(next) === 'or'
    if (!closed && !lex.has(s, SURNAME)) continue
    if (!closed && t.kind[next] === LOWER) continue
    out.push(candidate(t.start[s] ?? 0, t.end[last] ?? 0, 'PERSON', 0.85, 'person-surname-comma'))
  }
}

function surnameSlot(lex: Lexicon, s: number): boolean {
  if (s < 0 || !lex.nameWord(s) || lex.has(s, PLACE)) return false
  // "John, Paul and George" lists given names: a word commoner as a given name is not a surname.
  if (lex.mostlyGiven(s)) return false
  return !lex.has(s, WORD) || lex.has(s, SURNAME)
}

function givenSlot(lex: Lexicon, g: number): boolean {
  return lex.has(g, GIVEN) && lex.nameWord(g) && !lex.has(g, PLACE)
}
