import { findCuedNames } from './person-cues.js'
import { findHeaderNames } from './person-headers.js'
import { Lexicon } from './person-lexicon.js'
import { findLowercaseNames } from './person-lowercase.js'
import { findRememberedNames } from './person-memory.js'
import { findNameRuns } from './person-runs.js'
import { findSurnameCommaGiven, findTitledNames } from './person-titles.js'
import type { Candidate } from './span.js'
import { Tokens } from './tokens.js'

/** Every person recogniser over one text; overlapping PERSON proposals are merged into one span. */
export function findPersons(text: string, emails: Candidate[], knownNames: string[]): Candidate[] {
  const lex = new Lexicon(new Tokens(text))
  const found: Candidate[] = []
  findHeaderNames(lex, found)
  findTitledNames(lex, found)
  findSurnameCommaGiven(lex, found)
  findCuedNames(lex, found)
  findNameRuns(lex, found)
  findLowercaseNames(lex, found)
  findRememberedNames(lex, found, emails, knownNames, found)
  return mergeOverlaps(found)
}

/**
 * One span per name: a proposal inside another is absorbed by it (keeping the better score); of two
 * that only partly overlap, the better scored wins, since their union is rarely a name.
 */
export function mergeOverlaps(spans: Candidate[]): Candidate[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Candidate[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (!last || s.start >= last.end) {
      out.push({ ...s })
    } else if (s.end <= last.end) {
      if (s.score > last.score) last.score = s.score
    } else if (s.score > last.score || (s.score === last.score && s.end - s.start > last.end - last.start)) {
      out[out.length - 1] = { ...s }
    }
  }
  return out
}
