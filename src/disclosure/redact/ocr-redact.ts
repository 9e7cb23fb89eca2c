import { inkOf, needsOcrToRead, type WorkingPdf } from '../pdf/index.js'
import { padded } from '../ocr/ocr-layer.js'
import { readPage, wordRects } from '../ocr/read-page.js'
import type { AppliedRedaction } from './apply.js'
import { matchNeedles, type NeedleSet } from './needles.js'

/**
 * Redaction that follows the page as a reader sees it: after the text has been redacted, each page whose ink
 * extraction cannot read is rendered and read by OCR, and wherever a needle is still read (letters drawn as shapes,
 * a Type3 font, a picture of the name, a misread invisible layer) the area of the words is redacted: pixels blanked,
 * glyphs removed and every shape the boxes touch taken out.
 */
export async function redactByOcr(work: WorkingPdf, needles: NeedleSet): Promise<AppliedRedaction[]> {
  const applied: AppliedRedaction[] = []
  if (needles.needles.length === 0) return applied
  for (let page = 0; page < work.pageCount; page++) {
    const ink = inkOf(work.doc, work.page(page), page)
    if (!needsOcrToRead(ink)) continue
    const reading = await readPage(work.page(page), { angles: ink.angles, mirrored: ink.mirrored })
    const rects = []
    for (const { needle, range } of matchNeedles(reading.text, needles, 'ocr')) {
      rects.push(...wordRects(reading, range[0], range[1]).map(padded))
      applied.push({ page, kind: needle.kind })
    }
    if (rects.length > 0) work.redact(page, rects, 'touched')
  }
  return applied
}
