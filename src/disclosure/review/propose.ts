import * as mupdf from 'mupdf'
import type { DetectedSpan } from '../detect/types.js'
import { ocrTextOf, WorkingPdf, type Rect, type TextLayer } from '../pdf/index.js'
import { openPdf } from '../pdf/inspect.js'
import { saveClean } from '../pdf/save.js'
import {
  buildNeedles,
  isRedactable,
  matchNeedles,
  rectsForRange,
  type NeedleSet,
  type RedactionKind,
} from '../redact/index.js'
import { findOccurrences, foldNeedle, normalise } from '../redact/normalise.js'
import type { Proposal } from './types.js'

/** The workbench's view of a prepared item: its stored PDF and the proposals found in it. */
export interface PreparedForReview {
  /** Annotations and form fields flattened, saved clean: every later reading (images, search, redaction) sees this. */
  pdf: Uint8Array
  pageCount: number
  proposals: Proposal[]
}

/**
 * Flattens the ingested PDF once and stores that, so the positions proposals carry are the positions the bundle
 * build redacts, and the page images reviewers see are exactly what will be redacted. Detection runs page by page
 * on the positioned text; only what is redactable (not the subject, not disclosed staff) becomes a proposal.
 */
export function prepareForReview(ingested: Uint8Array, detect?: (text: string) => DetectedSpan[]): PreparedForReview {
  const work = WorkingPdf.open(ingested)
  try {
    work.prepare()
    const pdf = saveClean(work.doc)
    const proposals: Proposal[] = []
    if (detect) {
      for (let p = 0; p < work.pageCount; p++) {
        // Positions cost several times the plain text: read them only for pages where something was found (the
        // two extractions agree, and if they ever do not, detection runs again on the positioned text).
        const plain = work.pageText(p)
        let spans = detect(plain).filter(isRedactable)
        if (spans.length === 0) continue
        const layer = work.textLayer(p)
        if (layer.text !== plain) spans = detect(layer.text).filter(isRedactable)
        for (const span of spans) {
          if (!isRedactable(span)) continue
          const rects = rectsForRange(layer, span.start, span.end)
          if (rects.length === 0) continue
          proposals.push({
            page: p + 1,
            rects,
            text: span.text,
            type: span.type,
            recogniser: span.recogniser,
            score: span.score,
          })
        }
      }
    }
    return { pdf, pageCount: work.pageCount, proposals }
  } finally {
    work.destroy()
  }
}

/** What OCR read on a page (1-based) of a stored item when it was ingested, or undefined if it was not read. */
export function pageOcrText(pdf: Uint8Array, page: number): string | undefined {
  const work = WorkingPdf.open(pdf)
  try {
    return page >= 1 && page <= work.pageCount ? ocrTextOf(work, page - 1) : undefined
  } finally {
    work.destroy()
  }
}

/** Runs `fn` over each page's text layer of a stored (already prepared) item. */
export function eachTextLayer(pdf: Uint8Array, fn: (layer: TextLayer, page: number) => void, pages?: number[]): void {
  const work = WorkingPdf.open(pdf)
  try {
    const wanted = pages ?? Array.from({ length: work.pageCount }, (_, i) => i + 1)
    for (const page of wanted) if (page >= 1 && page <= work.pageCount) fn(work.textLayer(page - 1), page)
  } finally {
    work.destroy()
  }
}

/**
 * Every occurrence of `query` (or of each of several) in the item, case-, accent- and whitespace-insensitive (the
 * verifier's own matching), as proposals of kind TERM: what "find and redact" adds, on one page or all of them.
 * Several strings are found in one reading of each page.
 */
export function searchItem(pdf: Uint8Array, query: string | readonly string[], pages?: number[]): Proposal[] {
  const folded = [...new Set((typeof query === 'string' ? [query] : query).map((q) => foldNeedle(q)))].filter(
    (f) => f.length > 0,
  )
  const found: Proposal[] = []
  if (folded.length === 0) return found
  const work = WorkingPdf.open(pdf)
  try {
    const wanted = pages ?? Array.from({ length: work.pageCount }, (_, i) => i + 1)
    for (const page of wanted) {
      if (page < 1 || page > work.pageCount) continue
      // Positions cost several times the plain text (the same text: see TextLayer): read them only where it occurs.
      const plain = normalise(work.pageText(page - 1))
      if (!folded.some((needle) => findOccurrences(plain, needle).length > 0)) continue
      const layer = work.textLayer(page - 1)
      const hay = normalise(layer.text)
      for (const needle of folded) {
        for (const [start, end] of findOccurrences(hay, needle)) {
          const rects = rectsForRange(layer, start, end)
          if (rects.length > 0)
            found.push({
              page,
              rects,
              text: layer.text.slice(start, end),
              type: 'TERM',
              recogniser: 'search',
              score: 1,
            })
        }
      }
    }
  } finally {
    work.destroy()
  }
  return found
}

/**
 * The strings detected anywhere in a case's material, as the needles the cross-document pass looks for: built once
 * for the whole pass (folding ~29,000 detections again for each of 500 documents was an eighth of a 1,000-page
 * workbench run: bench/bundle-speed.ts --workbench). Matches inside the subject's own identifiers are skipped.
 */
export function sameTextNeedles(
  detected: readonly { text: string; type: RedactionKind }[],
  subject: readonly string[],
): NeedleSet {
  const spans: DetectedSpan[] = detected
    .filter((d) => d.type !== 'TERM' && d.type !== 'AREA' && d.type !== 'PAGE' && d.type !== 'DOCUMENT')
    .map((d) => ({
      start: 0,
      end: d.text.length,
      type: d.type as DetectedSpan['type'],
      text: d.text,
      score: 1,
      recogniser: '',
    }))
  return buildNeedles([], spans, subject)
}

/**
 * The same strings elsewhere: a name detected on page 90 of one email must be proposed on page 3 of another where
 * detection missed it (no context there). Occurrences already covered by a proposal on the page are skipped, as are
 * matches inside the subject's own identifiers (`needles` from sameTextNeedles).
 */
export function proposeSameTextElsewhere(
  pdf: Uint8Array,
  needles: NeedleSet,
  existing: readonly { page: number; rects: readonly Rect[] }[],
): Proposal[] {
  if (needles.needles.length === 0) return []
  const found: Proposal[] = []
  const work = WorkingPdf.open(pdf)
  try {
    for (let p = 0; p < work.pageCount; p++) {
      // Most pages hold none of the strings: look in the plain text first, read positions only where they are.
      if (matchNeedles(work.pageText(p), needles).length === 0) continue
      const page = p + 1
      const layer = work.textLayer(p)
      const onPage = existing.filter((e) => e.page === page).flatMap((e) => e.rects)
      for (const { needle, range } of matchNeedles(layer.text, needles)) {
        const rects = rectsForRange(layer, range[0], range[1])
        if (rects.length === 0 || rects.every((r) => onPage.some((c) => covers(c, r)))) continue
        const text = layer.text.slice(range[0], range[1])
        found.push({ page, rects, text, type: needle.kind, recogniser: 'same-text-elsewhere', score: 0.9 })
        onPage.push(...rects)
      }
    }
  } finally {
    work.destroy()
  }
  return found
}

/** True when `inner`'s centre lies inside `outer`. */
export function covers(outer: Rect, inner: Rect): boolean {
  const cx = (inner[0] + inner[2]) / 2
  const cy = (inner[1] + inner[3]) / 2
  return cx >= outer[0] && cx <= outer[2] && cy >= outer[1] && cy <= outer[3]
}

/** The text whose characters sit (by their centre) inside the box: what a drawn box removes, for the record. */
export function textUnder(layer: TextLayer, rect: Rect): string {
  let out = ''
  for (let i = 0; i < layer.text.length; i++) {
    const x0 = layer.boxes[i * 4] as number
    if (Number.isNaN(x0)) {
      if (out && !out.endsWith(' ')) out += ' '
      continue
    }
    const box: Rect = [x0, layer.boxes[i * 4 + 1]!, layer.boxes[i * 4 + 2]!, layer.boxes[i * 4 + 3]!]
    if (covers(rect, box)) out += layer.text[i]
    else if (out && !out.endsWith(' ')) out += ' '
  }
  return out.replace(/\s+/g, ' ').trim()
}

/** A page as a PNG for the workbench, and its size in points (the coordinate space of every box). */
export function renderPage(
  pdf: Uint8Array,
  page: number,
  dpi = 110,
): { png: Uint8Array; width: number; height: number } {
  const doc = openPdf(pdf)
  try {
    if (page < 1 || page > doc.countPages()) throw new RangeError(`no page ${page}`)
    const p = doc.loadPage(page - 1)
    try {
      const [x0, y0, x1, y1] = p.getBounds()
      const scale = dpi / 72
      const pixmap = p.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true)
      try {
        return { png: pixmap.asPNG().slice(), width: x1 - x0, height: y1 - y0 }
      } finally {
        pixmap.destroy()
      }
    } finally {
      p.destroy()
    }
  } finally {
    doc.destroy()
  }
}

/** A page's size in points (the space boxes are drawn in), without rendering it. */
export function pageSize(pdf: Uint8Array, page: number): { width: number; height: number } {
  const doc = openPdf(pdf)
  try {
    if (page < 1 || page > doc.countPages()) throw new RangeError(`no page ${page}`)
    const p = doc.loadPage(page - 1)
    try {
      const [x0, y0, x1, y1] = p.getBounds()
      return { width: x1 - x0, height: y1 - y0 }
    } finally {
      p.destroy()
    }
  } finally {
    doc.destroy()
  }
}
