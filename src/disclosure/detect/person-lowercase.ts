import { STOP, SURNAME, WORD, type Lexicon } from './person-lexicon.js'
import { glued } from './person-runs.js'
import { candidate, type Candidate } from './span.js'
import { LOWER, NL } from './tokens.js'

// Joined to the next character these make a word part of an address or file name ("ryan.com").
const TRAILING_GLUE = new Set([46, 64, 47, 95, 61])

/**
 * Names typed in lower case, as members of the public often do: "spoke to emma and ryan", "brian
 * levine". Only given names that are not English words, so scores stay low and reviewers decide.
 */
export function findLowercaseNames(lex: Lexicon, out: Candidate[]): void {
  const t = lex.t
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== LOWER || !candidateWord(lex, i) || !lex.lowercaseNameAt(i)) continue
    let last = i
    const next = i + 1
    if (t.kind[next] === LOWER && t.gapBefore(next) > 0 && t.kind[next - 1] !== NL && candidateWord(lex, next)) {
      const f = lex.classifyAt(next)
      // "brian levine": a following word that is a surname and not an English word.
      if ((f & SURNAME) !== 0 && (f & (WORD | STOP)) === 0) last = next
    }
    // Three-letter words alone are too often foreign or slang words ("del", "min", "una").
    if (last === i && (t.end[i] ?? 0) - (t.start[i] ?? 0) < 4) continue
    out.push(candidate(t.start[i] ?? 0, t.end[last] ?? 0, 'PERSON', 0.35, 'person-lowercase'))
    i = last
  }
}

function candidateWord(lex: Lexicon, i: number): boolean {
  const t = lex.t
  const length = (t.end[i] ?? 0) - (t.start[i] ?? 0)
  if (length < 3 || length > 14 || glued(t, i)) return false
  return !(t.gapBefore(i + 1) === 0 && TRAILING_GLUE.has(t.ch(i + 1)))
}
