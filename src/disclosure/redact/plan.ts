import type { DetectedSpan } from '../detect/types.js'
import type { Rect, TextLayer } from '../pdf/index.js'
import { isRedactable, matchNeedles, type NeedleSet, type RedactionKind } from './needles.js'

/** One stretch of a page's text to remove, in offsets of that page's text. */
export interface PlannedRange {
  start: number
  end: number
  kind: RedactionKind
}

/**
 * What to remove from one page: every occurrence of every needle, plus the detector's own spans on this page.
 * Overlapping stretches merge into one redaction (one line in the schedule), keeping the longer one's kind.
 */
export function planText(text: string, set: NeedleSet, spans: readonly DetectedSpan[] = []): PlannedRange[] {
  const ranges: PlannedRange[] = matchNeedles(text, set).map(({ needle, range }) => ({
    start: range[0],
    end: range[1],
    kind: needle.kind,
  }))
  for (const span of spans) {
    if (isRedactable(span) && span.end > span.start) ranges.push({ start: span.start, end: span.end, kind: span.type })
  }
  return mergeRanges(ranges)
}

export function mergeRanges(ranges: PlannedRange[]): PlannedRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: PlannedRange[] = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last && r.start < last.end) {
      if (r.end - r.start > last.end - last.start) last.kind = r.kind
      last.end = Math.max(last.end, r.end)
    } else {
      merged.push({ ...r })
    }
  }
  return merged
}

/**
 * The boxes covering characters [start, end) of a text layer: one box per line the stretch runs over (a name
 * split across two lines gets two boxes). Separator characters (NaN boxes) are skipped.
 */
export function rectsForRange(layer: TextLayer, start: number, end: number): Rect[] {
  const rects: Rect[] = []
  let current: Rect | undefined
  for (let i = start; i < end; i++) {
    const x0 = layer.boxes[i * 4] as number
    if (Number.isNaN(x0) || x0 === undefined) continue
    const box: Rect = [
      x0,
      layer.boxes[i * 4 + 1] as number,
      layer.boxes[i * 4 + 2] as number,
      layer.boxes[i * 4 + 3] as number,
    ]
    if (current && sameLine(current, box)) {
      current[0] = Math.min(current[0], box[0])
      current[1] = Math.min(current[1], box[1])
      current[2] = Math.max(current[2], box[2])
      current[3] = Math.max(current[3], box[3])
    } else {
      current = box
      rects.push(current)
    }
  }
  return rects
}

/** Same line: the boxes overlap vertically by more than half the smaller height, and the new one is not behind. */
function sameLine(a: Rect, b: Rect): boolean {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  const smaller = Math.min(a[3] - a[1], b[3] - b[1])
  return overlap > smaller / 2 && b[0] >= a[0] - 1
}
