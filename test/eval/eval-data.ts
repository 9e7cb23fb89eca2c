import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The third-party development data lives beside the repository in ../shared/eval (never copied into
 * the product). RIGHTSDESK_EVAL_DIR overrides the location.
 */
export function evalRoot(): string | undefined {
  const dir = process.env.RIGHTSDESK_EVAL_DIR ?? fileURLToPath(new URL('../../../shared/eval', import.meta.url))
  return existsSync(dir) ? dir : undefined
}

/** A document as the detectors see it, with the character range of each original token. */
export interface TokenisedDoc {
  id: string
  text: string
  tokens: { start: number; end: number }[]
}

/** A gold mention as an inclusive token range. */
export interface GoldSpan {
  first: number
  last: number
}

// Tokens that attach to the previous one ("Smith ," → "Smith,") or the next ("( Rocky" → "(Rocky").
const NO_SPACE_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '%',
  "'s",
  "n't",
  "'re",
  "'ve",
  "'ll",
  "'d",
  "'m",
])
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$'])

/**
 * Joins pre-tokenised lines into text. `detokenise` restores ordinary spacing around punctuation
 * (mail is read by our recognisers as it was written); otherwise tokens are joined by single spaces,
 * as the data's NOTES suggest for social media text.
 */
export function joinTokens(id: string, lines: string[][], detokenise: boolean): TokenisedDoc {
  let text = ''
  const tokens: { start: number; end: number }[] = []
  lines.forEach((line, li) => {
    if (li > 0) text += '\n'
    let prev = ''
    line.forEach((tok, ti) => {
      const glue = ti === 0 || (detokenise && (NO_SPACE_BEFORE.has(tok) || NO_SPACE_AFTER.has(prev)))
      if (!glue) text += ' '
      tokens.push({ start: text.length, end: text.length + tok.length })
      text += tok
      prev = tok
    })
  })
  return { id, text, tokens }
}
