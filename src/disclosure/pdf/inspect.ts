import * as mupdf from 'mupdf'
import { hasActiveContent } from './active-content.js'
import { PdfInputError, engineMessage } from './errors.js'

export interface PdfInspection {
  pageCount: number
  /** mupdf had to rebuild the cross-reference table: the file was damaged. */
  repaired: boolean
}

export interface InspectLimits {
  maxPages: number
}

const PDF_HEADER = Buffer.from('%PDF-')
const EOF_MARKER = Buffer.from('%%EOF')

/**
 * Checks that a PDF can be disclosed safely and says why not in words the uploader can act on: not a PDF,
 * truncated, damaged beyond repair, password-protected, active content (JavaScript), no pages, too many pages.
 */
export function inspectPdf(bytes: Uint8Array, limits: InspectLimits): PdfInspection {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.subarray(0, 1024).indexOf(PDF_HEADER) < 0) throw new PdfInputError('not a PDF (no %PDF header)')
  // A file cut short loses its trailer; mupdf would "repair" it and quietly show fewer pages than the original.
  if (buf.subarray(Math.max(0, buf.length - 2048)).indexOf(EOF_MARKER) < 0) {
    throw new PdfInputError('the PDF is truncated (it has no end-of-file marker): upload the complete file')
  }
  const doc = openPdf(bytes)
  try {
    if (doc.needsPassword()) {
      throw new PdfInputError(
        'the PDF is password-protected: remove the password (or print to a new PDF) and re-upload',
      )
    }
    const pageCount = countPages(doc)
    if (pageCount > limits.maxPages) {
      throw new PdfInputError(`the PDF has ${pageCount} pages; the limit is ${limits.maxPages}`)
    }
    if (hasActiveContent(doc)) {
      throw new PdfInputError('the PDF contains JavaScript or launch actions (active content), which we do not process')
    }
    checkPages(doc, pageCount)
    return { pageCount, repaired: doc.wasRepaired() }
  } finally {
    doc.destroy()
  }
}

export function openPdf(bytes: Uint8Array): mupdf.PDFDocument {
  let doc: mupdf.Document
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  } catch (err) {
    throw new PdfInputError(`the PDF is damaged and cannot be opened (${engineMessage(err)})`)
  }
  const pdf = doc.asPDF()
  if (!pdf) {
    doc.destroy()
    throw new PdfInputError('not a PDF')
  }
  return pdf
}

function countPages(doc: mupdf.PDFDocument): number {
  let count: number
  try {
    count = doc.countPages()
  } catch (err) {
    throw new PdfInputError(`the PDF's page list is damaged (${engineMessage(err)})`)
  }
  if (count === 0) throw new PdfInputError('the PDF has no pages')
  return count
}

function checkPages(doc: mupdf.PDFDocument, pageCount: number): void {
  for (let i = 0; i < pageCount; i++) {
    try {
      const page = doc.loadPage(i)
      page.getBounds()
      page.destroy()
    } catch (err) {
      throw new PdfInputError(`page ${i + 1} of the PDF is damaged (${engineMessage(err)})`)
    }
  }
}
