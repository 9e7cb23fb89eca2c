import * as mupdf from 'mupdf'
import { addStandardFonts, measureText, RESOURCE_NAMES } from './fonts.js'
import { latin1, saveClean } from './save.js'
import { A4, layoutBlocks, type LaidOutPage, type PageGeometry, type TextBlock } from './text-layout.js'
import { encodeWinAnsi, pdfLiteral } from './winansi.js'

export interface RenderedPdf {
  pdf: Uint8Array
  pageCount: number
  /** Characters the standard fonts cannot show, drawn as '?'. Worth a warning on the document. */
  unrepresentable: number
}

/**
 * Renders text blocks as A4 pages with a real text layer (standard fonts, WinAnsi), so that emails, Word text and
 * spreadsheets go through exactly the same search, redaction and verification as PDFs. Each line is placed with
 * an absolute text matrix (Tm): no T* or quote operators, whose handling in mupdf's content filter is unreliable.
 */
export function renderTextPdf(blocks: TextBlock[], geometry: PageGeometry = A4): RenderedPdf {
  let unrepresentable = 0
  const encode = (text: string) => {
    const encoded = encodeWinAnsi(text)
    unrepresentable += encoded.unrepresentable
    return encoded.text
  }
  const encodedBlocks = blocks.map((b) => ({ ...b, text: encode(b.text), label: b.label && encode(b.label) }))
  const pages = layoutBlocks(encodedBlocks, measureText, geometry)
  const doc = new mupdf.PDFDocument()
  try {
    const resources = doc.addObject(doc.newDictionary())
    resources.put('Font', addStandardFonts(doc))
    for (const page of pages) {
      const content = latin1(pageContent(page, geometry.height))
      doc.insertPage(-1, doc.addPage([0, 0, geometry.width, geometry.height], 0, resources, content))
    }
    return { pdf: saveClean(doc), pageCount: pages.length, unrepresentable }
  } finally {
    doc.destroy()
  }
}

/**
 * The string operands renderTextPdf writes for these blocks, exactly as they stand in a page's content stream (one
 * per laid-out line): what a reader of the file's raw objects sees of them (redact/verify.ts).
 */
export function contentStrings(blocks: TextBlock[], geometry: PageGeometry = A4): string[] {
  const encodedBlocks = blocks.map((b) => ({
    ...b,
    text: encodeWinAnsi(b.text).text,
    label: b.label && encodeWinAnsi(b.label).text,
  }))
  return layoutBlocks(encodedBlocks, measureText, geometry).flatMap((page) =>
    page.runs.map((run) => pdfLiteral(encodeWinAnsi(run.text).bytes)),
  )
}

function pageContent(page: LaidOutPage, pageHeight: number): string {
  const parts: string[] = []
  if (page.rules.length > 0) {
    parts.push('q 0.6 G 0.5 w')
    for (const r of page.rules)
      parts.push(`${num(r.x0)} ${num(pageHeight - r.y)} m ${num(r.x1)} ${num(pageHeight - r.y)} l S`)
    parts.push('Q')
  }
  if (page.runs.length > 0) {
    parts.push('BT 0 g')
    for (const run of page.runs) {
      const text = pdfLiteral(encodeWinAnsi(run.text).bytes)
      parts.push(
        `/${RESOURCE_NAMES[run.font]} ${num(run.size)} Tf 1 0 0 1 ${num(run.x)} ${num(pageHeight - run.y)} Tm ${text} Tj`,
      )
    }
    parts.push('ET')
  }
  return parts.join('\n')
}

function num(n: number): string {
  return (Math.round(n * 100) / 100).toString()
}
