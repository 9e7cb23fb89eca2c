import type { DetectedSpan, PiiType } from '../detect/types.js'
import { findOccurrences, foldNeedle, isInside, normalise, rangeAt, type Range } from './normalise.js'

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
  const protectedFolded = [...new Set(subject.map(foldNeedle).filter((s) => s.length > 0))]
  return { needles: [...byFolded.values()], protectedFolded }
}

export interface NeedleMatch {
  needle: Needle
  range: Range
}

/** Every occurrence of every needle in `text`, skipping detection-derived matches inside the subject's identifiers. */
export function matchNeedles(text: string, set: NeedleSet): NeedleMatch[] {
  if (set.needles.length === 0) return []
  const hay = normalise(text)
  const { byPrefix, single } = indexOf(set)
  let protectedRanges: Range[] | undefined
  const matches: NeedleMatch[] = []
  const consider = (needle: Needle, range: Range | undefined) => {
    if (!range) return
    if (needle.fromDetection) {
      protectedRanges ??= set.protectedFolded.flatMap((p) => findOccurrences(hay, p))
      if (isInside(range, protectedRanges)) return
    }
    matches.push({ needle, range })
  }
  // One pass over the text whatever the number of needles: --auto can make thousands of them, and searching for
  // each in turn made verification of a 1,000-page bundle several times slower.
  const folded = hay.folded
  for (let at = 0; at < folded.length - 1; at++) {
    for (const needle of byPrefix.get(folded.slice(at, at + 2)) ?? []) {
      if (folded.startsWith(needle.folded, at)) consider(needle, rangeAt(hay, at, needle.folded.length))
    }
  }
  for (const needle of single) for (const range of findOccurrences(hay, needle.folded)) consider(needle, range)
  return matches
}

interface NeedleIndex {
  byPrefix: Map<string, Needle[]>
  /** One-character needles (a term like "X"): too short to index by two characters. */
  single: Needle[]
}

const indexes = new WeakMap<NeedleSet, NeedleIndex>()

function indexOf(set: NeedleSet): NeedleIndex {
  let index = indexes.get(set)
  if (index) return index
  index = { byPrefix: new Map(), single: [] }
  for (const needle of set.needles) {
    if (needle.folded.length < 2) {
      index.single.push(needle)
      continue
    }
    const key = needle.folded.slice(0, 2)
    const list = index.byPrefix.get(key)
    if (list) list.push(needle)
    else index.byPrefix.set(key, [needle])
  }
  indexes.set(set, index)
  return index
}
