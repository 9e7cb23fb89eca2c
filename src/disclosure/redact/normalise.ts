import { foldForMatch } from '../pdf/text-fold.js'

/**
 * Case-, accent- and whitespace-insensitive matching, shared by the redaction planner and the verifier so that the
 * two can never disagree about what counts as "the same string". A text is folded (lowercase, accents, ligatures,
 * full-width forms and Cyrillic/Greek look-alikes folded, every whitespace character and hyphen removed, so a name
 * hyphenated across two lines is still the name) and each folded unit remembers where it came from in the original.
 *
 * Text read by OCR is folded further (`'ocr'`): the letters Tesseract confuses (l, 1, I, i and |; O and 0; "rn" and
 * "m") become one letter each, so a misread name is still found.
 */
export interface Normalised {
  source: string
  folded: string
  /** For each unit of `folded`, the index in `source` of the character it came from. */
  origin: Int32Array
}

/**
 * Characters that vanish when matching: whitespace, hyphens (a word broken at the end of a line, "Quill-" then
 * "feather", is one word to a reader; a double-barrelled name matches with or without its hyphen), soft hyphens,
 * zero-width joiners and the BOM.
 */
const INVISIBLE = /[\s\u00ad\u2010\u2011\u200b-\u200d\u2060\ufeff]/u

export type FoldMode = 'exact' | 'ocr'

export function normalise(source: string, mode: FoldMode = 'exact'): Normalised {
  // Folded UTF-16 units and where each came from, in typed arrays: this runs over every page several times (each
  // extractor of the verifier, every proposal pass), and a string per character was most of its time.
  // Folding can lengthen text ("ß" → "ss", "ﬁ" → "fi"), so both grow when they must.
  let units = new Uint16Array(source.length + 16)
  let origin = new Int32Array(source.length + 16)
  let n = 0
  const grow = () => {
    const u = new Uint16Array(units.length * 2)
    u.set(units)
    units = u
    const o = new Int32Array(origin.length * 2)
    o.set(origin)
    origin = o
  }
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i)
    if (code < 0x80) {
      // ASCII fast path: most text is ASCII, and String.normalize per character is comparatively slow.
      if (code > 0x20 && code !== 0x2d) {
        if (n === units.length) grow()
        units[n] = code >= 0x41 && code <= 0x5a ? code + 32 : code
        origin[n++] = i
      }
      continue
    }
    const cp = source.codePointAt(i) as number
    const ch = String.fromCodePoint(cp)
    if (!INVISIBLE.test(ch)) {
      const f = foldForMatch(ch)
      for (let k = 0; k < f.length; k++) {
        if (n === units.length) grow()
        units[n] = f.charCodeAt(k)
        origin[n++] = i
      }
    }
    if (cp > 0xffff) i++
  }
  const exact = { source, folded: fromUnits(units, n), origin: origin.subarray(0, n) }
  return mode === 'ocr' ? ocrFold(exact) : exact
}

/** UTF-16 units to a string, in chunks (String.fromCharCode takes its arguments on the stack). */
function fromUnits(units: Uint16Array, n: number): string {
  let out = ''
  for (let at = 0; at < n; at += 8192) out += String.fromCharCode(...units.subarray(at, Math.min(n, at + 8192)))
  return out
}

/** What OCR confuses, folded to one letter: l/1/i/| (after case folding I is i), o/0. "rn" is read for "m". */
const OCR_SAME: Record<string, string> = { '1': 'l', i: 'l', '|': 'l', '!': 'l', '0': 'o' }

function ocrFold(n: Normalised): Normalised {
  let folded = ''
  const origin = new Int32Array(n.folded.length)
  let k = 0
  for (let j = 0; j < n.folded.length; j++) {
    const ch = n.folded[j] as string
    if (ch === 'r' && n.folded[j + 1] === 'n') {
      folded += 'm'
      origin[k++] = n.origin[j] as number
      j++
      continue
    }
    folded += OCR_SAME[ch] ?? ch
    origin[k++] = n.origin[j] as number
  }
  return { source: n.source, folded, origin: origin.subarray(0, k) }
}

/** The folded form of a search string (a term, a detected name). */
export function foldNeedle(text: string, mode: FoldMode = 'exact'): string {
  return normalise(text, mode).folded
}

/**
 * Needles this long or longer match anywhere, even inside a longer word: a full name or an email address glued to
 * its neighbours by an extractor that dropped a space is still a leak. Shorter ones ("Ann", "Bob") must stand as
 * words of their own, or every "planning" and "annual" would be blacked out.
 */
export const ANYWHERE_MIN_LENGTH = 8

export type Range = [start: number, end: number]

const WORD = /[\p{L}\p{N}]/u

function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false
  const cp = text.codePointAt(index)
  return cp !== undefined && WORD.test(String.fromCodePoint(cp))
}

/** Every place `needle` (already folded) occurs in `hay`, as ranges of the original text. */
export function findOccurrences(hay: Normalised, needle: string): Range[] {
  if (needle.length === 0) return []
  const ranges: Range[] = []
  for (let at = hay.folded.indexOf(needle); at >= 0; at = hay.folded.indexOf(needle, at + 1)) {
    const range = rangeAt(hay, at, needle.length)
    if (range) ranges.push(range)
  }
  return ranges
}

/**
 * The original-text range of a match of `length` folded units at folded offset `at`, or undefined when the match
 * does not count: a short needle must not have a letter or digit on either side.
 */
export function rangeAt(hay: Normalised, at: number, length: number): Range | undefined {
  const start = hay.origin[at] as number
  const lastSource = hay.origin[at + length - 1] as number
  const end = lastSource + ((hay.source.codePointAt(lastSource) ?? 0) > 0xffff ? 2 : 1)
  if (length < ANYWHERE_MIN_LENGTH && (isWordCharAt(hay.source, start - 1) || isWordCharAt(hay.source, end))) {
    return undefined
  }
  return [start, end]
}

/** True when `range` lies wholly inside one of `cover`. */
export function isInside(range: Range, cover: Range[]): boolean {
  return cover.some(([s, e]) => range[0] >= s && range[1] <= e)
}
