import * as mupdf from 'mupdf'
import { exemptionByCode } from '../../domain/index.js'
import { renderTextPdf, WorkingPdf, type Rect, type TextBlock } from '../pdf/index.js'
import { openPdf } from '../pdf/inspect.js'
import { saveClean } from '../pdf/save.js'
import { covers } from './propose.js'
import type { ItemDecisions, RedactedPart } from './types.js'

/** A decided redaction that did not take: the bundle must not be built (the page is named, never the text). */
export class RedactionNotAppliedError extends Error {
  override name = 'RedactionNotAppliedError'
  constructor(
    readonly title: string,
    readonly page: number,
  ) {
    super(`a redaction on page ${page} of "${title}" left text under its box`)
  }
}

/**
 * Applies one item's decisions with mupdf: every accepted box (text, image pixels and line art under it removed),
 * pages withheld whole replaced by a notice page, or the whole document replaced by one notice page. Each page with
 * a box is read back at once: a character still under a box stops the build here, before anything is assembled.
 */
export function redactItem(item: ItemDecisions): RedactedPart {
  if (item.withheldCode) {
    const notice = renderTextPdf(withheldDocumentBlocks(item.withheldCode))
    return {
      pdf: notice.pdf,
      pageCount: notice.pageCount,
      applied: [{ page: 0, kind: 'DOCUMENT', exemptionCode: item.withheldCode }],
    }
  }
  const work = WorkingPdf.open(item.pdf)
  try {
    work.prepare()
    const byPage = new Map<number, Rect[]>()
    for (const r of item.redactions) {
      if (item.withheldPages.has(r.page) || r.page < 1 || r.page > work.pageCount) continue
      byPage.set(r.page, [...(byPage.get(r.page) ?? []), ...r.rects])
    }
    for (const [page, rects] of byPage) work.redact(page - 1, rects)
    for (const page of item.withheldPages.keys()) {
      if (page < 1 || page > work.pageCount) continue
      const [x0, y0, x1, y1] = work.page(page - 1).getBounds()
      work.redact(page - 1, [[x0, y0, x1, y1]])
    }
    work.finish()
    for (const [page, rects] of byPage) {
      const layer = work.textLayer(page - 1)
      for (let i = 0; i < layer.text.length; i++) {
        const x = layer.boxes[i * 4] as number
        if (Number.isNaN(x) || /\s/.test(layer.text[i]!)) continue
        const box: Rect = [x, layer.boxes[i * 4 + 1]!, layer.boxes[i * 4 + 2]!, layer.boxes[i * 4 + 3]!]
        if (rects.some((r) => covers(r, box))) throw new RedactionNotAppliedError(item.title, page)
      }
    }
    const applied: RedactedPart['applied'] = []
    for (const r of item.redactions) {
      if (!item.withheldPages.has(r.page) && byPage.has(r.page))
        applied.push({ page: r.page - 1, kind: r.type, exemptionCode: r.exemptionCode })
    }
    for (const [page, code] of item.withheldPages) {
      if (page >= 1 && page <= work.pageCount) applied.push({ page: page - 1, kind: 'PAGE', exemptionCode: code })
    }
    applied.sort((a, b) => a.page - b.page)
    const pdf = item.withheldPages.size > 0 ? withNoticePages(work, item) : saveClean(work.doc)
    return { pdf, pageCount: work.pageCount, applied }
  } finally {
    work.destroy()
  }
}

/** The redacted document with each withheld page swapped for a page that says so (numbering stays the same). */
function withNoticePages(work: WorkingPdf, item: ItemDecisions): Uint8Array {
  const out = new mupdf.PDFDocument()
  const notices = new Map<number, mupdf.PDFDocument>()
  try {
    const map = out.newGraftMap()
    try {
      for (let i = 0; i < work.pageCount; i++) {
        const code = item.withheldPages.get(i + 1)
        if (!code) {
          map.graftPage(-1, work.doc, i)
          continue
        }
        const notice = openPdf(renderTextPdf(withheldPageBlocks(i + 1, code)).pdf)
        notices.set(i, notice)
        out.graftPage(-1, notice, 0)
      }
    } finally {
      map.destroy()
    }
    return saveClean(out)
  } finally {
    for (const n of notices.values()) n.destroy()
    out.destroy()
  }
}

function citation(code: string): string {
  const e = exemptionByCode(code)
  return e ? `${e.code}: ${e.shortName} (${e.citation})` : code
}

function withheldPageBlocks(page: number, code: string): TextBlock[] {
  return [
    { text: 'Page withheld', font: 'bold', size: 16 },
    {
      text: `Page ${page} of this document is withheld in full. Exemption relied on: ${citation(code)}. The redaction schedule at the end of this bundle explains it.`,
      spaceBefore: 8,
    },
  ]
}

/** The contents list names the document (its title redacted like any other text); the notice need not. */
function withheldDocumentBlocks(code: string): TextBlock[] {
  return [
    { text: 'Document withheld', font: 'bold', size: 16 },
    {
      text: `This document is withheld in full. Exemption relied on: ${citation(code)}. The redaction schedule at the end of this bundle explains it.`,
      spaceBefore: 8,
    },
  ]
}
