import { addInvisibleWords, hasTextUnder, inkOf, needsOcrToRead, WorkingPdf, type Rect } from '../pdf/index.js'
import { saveClean } from '../pdf/save.js'
import { readPage } from './read-page.js'

/** Word boxes are grown by this much (points) so that a redaction over them takes the whole glyph, antialiasing too. */
export const WORD_MARGIN = 1

export function padded([x0, y0, x1, y1]: Rect): Rect {
  return [x0 - WORD_MARGIN, y0 - WORD_MARGIN, x1 + WORD_MARGIN, y1 + WORD_MARGIN]
}

/**
 * OCR at ingest: every page whose content extraction cannot read (a scan, a photograph, letters drawn as shapes or
 * in a Type3 font, glyphs out of order: pdf/page-ink.ts) is rendered and read, and the words read that are not
 * already there as text are added as an invisible text layer. Detection, search, the workbench and redaction then
 * work on what a person sees. Returns the PDF (unchanged when no page needed reading) and the pages read (1-based).
 */
export async function withOcrLayer(pdf: Uint8Array): Promise<{ pdf: Uint8Array; pages: number[] }> {
  const work = WorkingPdf.open(pdf)
  try {
    const pages: number[] = []
    for (let i = 0; i < work.pageCount; i++) {
      const ink = inkOf(work.doc, work.page(i), i)
      if (!needsOcrToRead(ink)) continue
      const reading = await readPage(work.page(i), { angles: ink.angles, mirrored: ink.mirrored })
      const layer = work.textLayer(i)
      const words = reading.words
        .filter((w) => /[\p{L}\p{N}]/u.test(w.text) && !hasTextUnder(layer, w.rect))
        .map((w) => ({ text: w.text, rect: padded(w.rect) }))
      addInvisibleWords(work, i, words, reading.text.trim())
      pages.push(i + 1)
    }
    return { pdf: pages.length > 0 ? saveClean(work.doc) : pdf, pages }
  } finally {
    work.destroy()
  }
}
