import { buildNeedles, type NeedleSet } from '../redact/index.js'
import { redactString } from './export.js'

/** Words that are part of how a name is written but identify nobody (uk police ranks and the usual titles). */
const NOT_NAMES = new Set(
  'mr mrs ms miss mx dr prof sir dame lord lady rev pc dc ds di dci dsi sgt insp pcso supt ch the and of von van de da'.split(
    ' ',
  ),
)

/**
 * Document titles (file names, email subjects) are printed in the bundle's contents list, where a surname on its own
 * ("witness-statement-thornley.pdf") is still the person. So besides every redacted string in full, each word of a
 * redacted person's name is removed from titles — unless it is one of the data subject's own name words, or a title
 * or rank that identifies nobody. Body text is not treated this way: there, only what was decided is removed.
 */
export function safeTitle(
  title: string,
  people: readonly string[],
  terms: readonly string[],
  subjectNames: readonly string[],
): string {
  return redactString(title, titleNeedles(people, terms, subjectNames))
}

/** The needles safeTitle uses, for redacting titles where they are printed (the contents list), schedule and all. */
export function titleNeedles(
  people: readonly string[],
  terms: readonly string[],
  subjectNames: readonly string[],
): NeedleSet {
  const own = new Set(subjectNames.flatMap(words).map((w) => w.toLowerCase()))
  const nameWords = people
    .flatMap(words)
    .filter(
      (w) => w.replace(/[^\p{L}]/gu, '').length >= 2 && !NOT_NAMES.has(w.toLowerCase()) && !own.has(w.toLowerCase()),
    )
  return buildNeedles([...terms, ...people, ...nameWords], [], [])
}

/** Two needle sets as one (the front matter is redacted with the bundle's needles and the title words). */
export function withNeedles(a: NeedleSet, b: NeedleSet): NeedleSet {
  const seen = new Set(a.needles.map((n) => n.folded))
  return {
    needles: [...a.needles, ...b.needles.filter((n) => !seen.has(n.folded))],
    protectedFolded: a.protectedFolded,
  }
}

function words(name: string): string[] {
  return name.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 0)
}
