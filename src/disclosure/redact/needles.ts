import type { DetectedSpan, PiiType } from '../detect/types.js'
import {
  findOccurrences,
  foldNeedle,
  isInside,
  normalise,
  rangeAt,
  type FoldMode,
  type Normalised,
  type Range,
} from './normalise.js'

/** What a redaction is, as the schedule shows it: a detected type, or text the caseworker asked to remove. */
export type RedactionKind =
  | PiiType
  | 'TERM'
  /** A box drawn by a reviewer (over an image, a signature, a photograph). */
  | 'AREA'
  /** A page, or a whole document, withheld. */
  | 'PAGE'
  | 'DOCUMENT'

/** One string that must not survive anywhere in the bundle. */
export interface Needle {
  folded: string
  kind: RedactionKind
  /** How reports refer to it without repeating it: "term 2", "PERSON". */
  label: string
  /** Found by detection (not typed by a person): occurrences inside the subject's own identifiers are kept. */
  fromDetection: boolean
}

export interface NeedleSet {
  needles: Needle[]
  /** Folded identifiers of the data subject: never redacted on the strength of a detection. */
  protectedFolded: string[]
}

/** Detections never proposed for redaction: the subject's own data, and staff disclosed under the policy. */
export function isRedactable(span: DetectedSpan): boolean {
  return span.type !== 'SUBJECT' && span.type !== 'STAFF'
}

/** A detected string this short ("J") would black out every letter J; the span itself is still redacted. */
const MIN_DETECTION_NEEDLE = 2

export function buildNeedles(
  terms: readonly string[],
  detected: readonly DetectedSpan[],
  subject: readonly string[],
): NeedleSet {
  const byFolded = new Map<string, Needle>()
  terms.forEach((term, i) => {
    const folded = foldNeedle(term)
    if (folded && !byFolded.has(folded))
      byFolded.set(folded, { folded, kind: 'TERM', label: `term ${i + 1}`, fromDetection: false })
  })
  for (const span of detected) {
    if (!isRedactable(span)) continue
    const folded = foldNeedle(span.text)
    if (folded.length < MIN_DETECTION_NEEDLE || byFolded.has(folded)) continue
    byFolded.set(folded, { folded, kind: span.type, label: span.type, fromDetection: true })
  }
  const protectedFolded = [...new Set(subject.map((s) => foldNeedle(s)).filter((s) => s.length > 0))]
  return { needles: [...byFolded.values()], protectedFolded }
}

export interface NeedleMatch {
  needle: Needle
  range: Range
}

/**
 * Every occurrence of every needle in `text`, skipping detection-derived matches inside the subject's identifiers.
 * A needle of six letters or more is also found spelt backwards: glyphs drawn right to left, or mirrored text, come
 * out of an extractor in reverse order while a reader sees the name.
 *
 * With `'ocr'` (text read from the rendered page), needles of OCR_FUZZY_MIN_LENGTH or more are matched after folding
 * the letters OCR confuses; shorter ones must match exactly, or "Ali" would black out every "all".
 */
export function matchNeedles(text: string, set: NeedleSet, mode: FoldMode = 'exact'): NeedleMatch[] {
  if (set.needles.length === 0) return []
  const hay = normalise(text)
  const matches = matchIn(hay, hay, set, mode === 'ocr' ? (n) => n.folded.length < OCR_FUZZY_MIN_LENGTH : () => true)
  if (mode === 'ocr') {
    const fuzzy = normalise(text, 'ocr')
    const seen = new Set(matches.map((m) => `${m.range[0]}:${m.range[1]}`))
    for (const m of matchIn(fuzzy, hay, ocrVariant(set), () => true)) {
      if (!seen.has(`${m.range[0]}:${m.range[1]}`)) matches.push(m)
    }
  }
  return matches
}

/** Needles shorter than this must be read exactly by OCR to count. */
export const OCR_FUZZY_MIN_LENGTH = 5
/** Needles at least this long are also looked for backwards (shorter ones would hit words: "Liam" is "mail"). */
const REVERSED_MIN_LENGTH = 6

function matchIn(hay: Normalised, exact: Normalised, set: NeedleSet, use: (n: Needle) => boolean): NeedleMatch[] {
  const { byPrefix, single } = indexOf(set)
  let protectedRanges: Range[] | undefined
  const matches: NeedleMatch[] = []
  const consider = (needle: Needle, range: Range | undefined) => {
    if (!range || !use(needle)) return
    if (needle.fromDetection) {
      protectedRanges ??= set.protectedFolded.flatMap((p) => findOccurrences(exact, p))
      if (isInside(range, protectedRanges)) return
    }
    matches.push({ needle, range })
  }
  // One pass over the text whatever the number of needles: --auto can make thousands of them, and searching for
  // each in turn made verification of a 1,000-page bundle several times slower.
  const folded = hay.folded
  for (let at = 0; at < folded.length - 1; at++) {
    for (const { needle, folded: form } of byPrefix.get(folded.slice(at, at + 2)) ?? []) {
      if (folded.startsWith(form, at)) consider(needle, rangeAt(hay, at, form.length))
    }
  }
  for (const needle of single) for (const range of findOccurrences(hay, needle.folded)) consider(needle, range)
  return matches
}

const ocrVariants = new WeakMap<NeedleSet, NeedleSet>()

/** The long needles, folded as OCR text is folded. The needle objects are kept, so matches report them. */
function ocrVariant(set: NeedleSet): NeedleSet {
  let variant = ocrVariants.get(set)
  if (!variant) {
    const long = set.needles.filter((n) => n.folded.length >= OCR_FUZZY_MIN_LENGTH)
    variant = {
      needles: long.map((n) => Object.assign(Object.create(n) as Needle, { folded: foldNeedle(n.folded, 'ocr') })),
      protectedFolded: set.protectedFolded,
    }
    ocrVariants.set(set, variant)
  }
  return variant
}

interface NeedleIndex {
  /** Each needle under the first two units of its folded form, and (when long enough) of its reverse. */
  byPrefix: Map<string, { needle: Needle; folded: string }[]>
  /** One-character needles (a term like "X"): too short to index by two characters. */
  single: Needle[]
}

const indexes = new WeakMap<NeedleSet, NeedleIndex>()

function indexOf(set: NeedleSet): NeedleIndex {
  let index = indexes.get(set)
  if (index) return index
  index = { byPrefix: new Map(), single: [] }
  const add = (needle: Needle, folded: string) => {
    const key = folded.slice(0, 2)
    const list = index.byPrefix.get(key)
    if (list) list.push({ needle, folded })
    else index.byPrefix.set(key, [{ needle, folded }])
  }
  for (const needle of set.needles) {
    if (needle.folded.length < 2) {
      index.single.push(needle)
      continue
    }
    add(needle, needle.folded)
    const reversed = [...needle.folded].reverse().join('')
    if (needle.folded.length >= REVERSED_MIN_LENGTH && reversed !== needle.folded) add(needle, reversed)
  }
  indexes.set(set, index)
  return index
}
