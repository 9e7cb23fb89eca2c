/**
 * Two rewrites of page content streams, done with a small tokenizer (strings, arrays, dictionaries, comments and
 * inline images are skipped as units, so nothing inside them is mistaken for an operator):
 *
 * 1. The text-showing operators ' and " become their long forms (T* … Tj, and Tw Tc T* … Tj). Why: mupdf 1.28.1's
 *    content filter, which applyRedactions runs, turns a text position before a ' or " into "tx ty TD T*". TD sets
 *    the leading to -ty, so every quoted line moves far off the page; the glyphs then never meet the redaction
 *    boxes and are NOT removed (found and reproduced here: see the quote-operator leak test). The long forms are
 *    equivalent by definition (PDF 32000 §9.4.3) and filter correctly.
 * 2. Marked-content properties that carry text of their own (/ActualText, /Alt, /E) are removed. mupdf removes
 *    the glyphs under a redaction but keeps the marked-content dictionary around them, so a name given as
 *    ActualText survived in the content stream (the ActualText leak test).
 */

export interface RewriteOptions {
  quotes?: boolean
  markedContentText?: boolean
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
const QUOTE = 0x27
const DOUBLE_QUOTE = 0x22

interface Span {
  start: number
  end: number
}

interface Edit extends Span {
  replacement: string
}

/** Returns the rewritten stream, or null when there was nothing to change (the common case). */
export function rewriteContent(content: Uint8Array, options: RewriteOptions): Uint8Array | null {
  const quotes = options.quotes === true && (content.includes(QUOTE) || content.includes(DOUBLE_QUOTE))
  const marked = options.markedContentText === true && Buffer.from(content).includes('BDC')
  if (!quotes && !marked) return null
  const edits = findEdits(content, { quotes, markedContentText: marked })
  if (edits.length === 0) return null
  const parts: Uint8Array[] = []
  let at = 0
  for (const edit of edits) {
    parts.push(content.subarray(at, edit.start), Buffer.from(edit.replacement, 'latin1'))
    at = edit.end
  }
  parts.push(content.subarray(at))
  return new Uint8Array(Buffer.concat(parts))
}

function findEdits(src: Uint8Array, options: RewriteOptions): Edit[] {
  const edits: Edit[] = []
  const operands: Span[] = []
  const text = (s: Span) => Buffer.from(src.subarray(s.start, s.end)).toString('latin1')
  let i = 0
  while (i < src.length) {
    const b = src[i] as number
    if (WHITESPACE.has(b)) {
      i++
    } else if (b === 0x25) {
      while (i < src.length && src[i] !== 0x0a && src[i] !== 0x0d) i++
    } else if (b === 0x28 || b === 0x5b || b === 0x3c) {
      const end = skipObject(src, i)
      operands.push({ start: i, end })
      i = end
    } else if (b === 0x2f) {
      const end = skipRegular(src, i + 1)
      operands.push({ start: i, end })
      i = end
    } else if (DELIMITERS.has(b)) {
      i++ // a stray closing delimiter: skip it rather than loop
    } else {
      const end = skipRegular(src, i)
      const word = Buffer.from(src.subarray(i, end)).toString('latin1')
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') {
        operands.push({ start: i, end })
      } else {
        const edit = options.quotes ? quoteEdit(word, operands, end, text) : undefined
        if (edit) edits.push(edit)
        if (options.markedContentText && (word === 'BDC' || word === 'DP')) {
          const props = operands[operands.length - 1]
          const cleaned = props && src[props.start] === 0x3c ? stripTextKeys(src, props) : undefined
          if (props && cleaned !== undefined) edits.push({ start: props.start, end: props.end, replacement: cleaned })
        }
        operands.length = 0
        if (word === 'ID') {
          i = skipInlineImage(src, end)
          continue
        }
      }
      i = end
    }
  }
  return edits
}

function quoteEdit(word: string, operands: Span[], end: number, text: (s: Span) => string): Edit | undefined {
  if (word === "'" && operands.length >= 1) {
    const str = operands[operands.length - 1] as Span
    return { start: str.start, end, replacement: `T* ${text(str)} Tj` }
  }
  if (word === '"' && operands.length >= 3) {
    const [aw, ac, str] = operands.slice(-3) as [Span, Span, Span]
    return { start: aw.start, end, replacement: `${text(aw)} Tw ${text(ac)} Tc T* ${text(str)} Tj` }
  }
  return undefined
}

const TEXT_KEYS = new Set(['/ActualText', '/Alt', '/E'])

/** An inline property dictionary without its text-bearing keys, or undefined when it has none. */
function stripTextKeys(src: Uint8Array, dict: Span): string | undefined {
  const inner = { start: dict.start + 2, end: dict.end - 2 }
  const kept: string[] = []
  let changed = false
  let i = inner.start
  while (i < inner.end) {
    const b = src[i] as number
    if (WHITESPACE.has(b)) {
      i++
      continue
    }
    if (b !== 0x2f) return undefined // not a key where a key should be: leave the dictionary alone
    const keyEnd = skipRegular(src, i + 1)
    const key = Buffer.from(src.subarray(i, keyEnd)).toString('latin1')
    let v = keyEnd
    while (v < inner.end && WHITESPACE.has(src[v] as number)) v++
    const c = src[v] as number
    const valueEnd =
      c === 0x28 || c === 0x5b || c === 0x3c ? skipObject(src, v) : skipRegular(src, c === 0x2f ? v + 1 : v)
    if (TEXT_KEYS.has(key)) changed = true
    else kept.push(Buffer.from(src.subarray(i, valueEnd)).toString('latin1'))
    i = valueEnd
  }
  return changed ? `<<${kept.join(' ')}>>` : undefined
}

function skipRegular(src: Uint8Array, i: number): number {
  while (i < src.length && !WHITESPACE.has(src[i] as number) && !DELIMITERS.has(src[i] as number)) i++
  return i
}

/** Skips one string, hex string, array or dictionary starting at i; returns the index after it. */
function skipObject(src: Uint8Array, i: number): number {
  const b = src[i]
  if (b === 0x28) return skipLiteralString(src, i)
  if (b === 0x3c && src[i + 1] !== 0x3c) {
    const close = src.indexOf(0x3e, i)
    return close < 0 ? src.length : close + 1
  }
  const closer = b === 0x5b ? ']' : '>>'
  i += b === 0x5b ? 1 : 2
  while (i < src.length) {
    const c = src[i] as number
    if (closer === ']' && c === 0x5d) return i + 1
    if (closer === '>>' && c === 0x3e && src[i + 1] === 0x3e) return i + 2
    if (c === 0x28 || c === 0x5b || c === 0x3c) i = skipObject(src, i)
    else if (c === 0x25) while (i < src.length && src[i] !== 0x0a && src[i] !== 0x0d) i++
    else i++
  }
  return src.length
}

function skipLiteralString(src: Uint8Array, i: number): number {
  let depth = 0
  for (; i < src.length; i++) {
    const c = src[i]
    if (c === 0x5c) i++
    else if (c === 0x28) depth++
    else if (c === 0x29 && --depth === 0) return i + 1
  }
  return src.length
}

/** Inline image data is binary: skip to the EI that follows whitespace and precedes whitespace or the end. */
function skipInlineImage(src: Uint8Array, i: number): number {
  for (let j = i + 1; j < src.length - 1; j++) {
    if (src[j] === 0x45 && src[j + 1] === 0x49 && WHITESPACE.has(src[j - 1] as number)) {
      const after = src[j + 2]
      if (after === undefined || WHITESPACE.has(after)) return j + 2
    }
  }
  return src.length
}
