import type { DetectedSpan } from '../detect/types.js'
import type { WorkingPdf } from '../pdf/index.js'
import type { NeedleSet, RedactionKind } from './needles.js'
import { planText, rectsForRange } from './plan.js'

/** One redaction made in a document: its page (0-based within the document) and what it removed. */
export interface AppliedRedaction {
  page: number
  kind: RedactionKind
  /** The exemption relied on, when decided per redaction (the workbench); otherwise the bundle's one code. */
  exemptionCode?: string
}

/**
 * Plans and applies the redactions of one prepared document. `texts` are the pages' plain texts already read (and
 * detected on); positions are read only for pages that have something to remove. Should the positioned text ever
 * differ from the plain text, the plan is redone on the positioned text (re-detecting), so offsets always fit.
 */
export function redactDocument(
  work: WorkingPdf,
  texts: readonly string[],
  needles: NeedleSet,
  spans: readonly (readonly DetectedSpan[])[] | undefined,
  redetect?: (text: string) => DetectedSpan[],
): AppliedRedaction[] {
  const applied: AppliedRedaction[] = []
  texts.forEach((text, page) => {
    let ranges = planText(text, needles, spans?.[page] ?? [])
    if (ranges.length === 0) return
    const layer = work.textLayer(page)
    if (layer.text !== text) ranges = planText(layer.text, needles, redetect ? redetect(layer.text) : [])
    const rects = []
    for (const range of ranges) {
      const boxes = rectsForRange(layer, range.start, range.end)
      if (boxes.length === 0) continue
      rects.push(...boxes)
      applied.push({ page, kind: range.kind })
    }
    work.redact(page, rects)
  })
  work.finish()
  return applied
}
