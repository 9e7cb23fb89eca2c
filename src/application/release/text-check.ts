import type { CaseSecret } from './redacted-strings.js'
import { findExact, findVariants, matchText } from './text-match.js'

/** A piece of outgoing text and where it is, in words a DP manager recognises ("letter body, paragraph 3"). */
export interface OutgoingText {
  place: string
  /** Which form field it came from, so a page can put the message beside it. */
  field: string
  text: string
}

/** A redacted string found in outgoing text. */
export interface RedactedTextFound {
  place: string
  field: string
  /** The words as written in the outgoing text. */
  found: string
  kind: CaseSecret['kind']
  exemptionCode: string
}

/** A letter's body paragraph by paragraph (blank lines apart), so the finding says which one. */
export function paragraphs(place: string, field: string, body: string): OutgoingText[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((text, i) => ({ place: `${place}, paragraph ${i + 1}`, field, text }))
    .filter((p) => p.text.trim().length > 0)
}

/**
 * Every redacted string found in the outgoing texts, at most once per place and string. Exact (folded) matches of
 * every form; one-letter misspellings of name words too, unless the word is common English.
 */
export function findRedactedText(
  texts: readonly OutgoingText[],
  secrets: readonly CaseSecret[],
  isCommonWord: (w: string) => boolean,
): RedactedTextFound[] {
  const found: RedactedTextFound[] = []
  for (const t of texts) {
    const m = matchText(t.text)
    const covered: [number, number][] = []
    const seen = new Set<string>()
    for (const secret of secrets) {
      const hits = [
        ...findExact(m, secret.folded),
        ...(secret.kind === 'name part' || secret.kind === 'name' ? findVariants(m, secret.folded, isCommonWord) : []),
      ]
      for (const hit of hits) {
        // "Rebecca Thornley" is one finding, not three (the name, then each of its words).
        if (covered.some(([s, e]) => hit.start >= s && hit.end <= e)) continue
        covered.push([hit.start, hit.end])
        const key = hit.found.toLowerCase()
        if (seen.has(key)) continue
        seen.add(key)
        found.push({
          place: t.place,
          field: t.field,
          found: hit.found,
          kind: secret.kind,
          exemptionCode: secret.exemptionCode,
        })
      }
    }
  }
  return found
}
