import * as mupdf from 'mupdf'
import { PdfInputError, engineMessage } from './errors.js'
import { addStandardFonts, RESOURCE_NAMES } from './fonts.js'
import { latin1, saveClean } from './save.js'
import { A4 } from './text-layout.js'
import { encodeWinAnsi, pdfLiteral } from './winansi.js'
import type { RenderedPdf } from './text-document.js'

/** Refuse images that would need more than ~400 MB of pixels to decode. */
const MAX_PIXELS = 100_000_000

/**
 * One A4 page per image, with the image scaled to fit under a caption. The image is decoded and re-encoded, which
 * drops EXIF, XMP and PNG text chunks (camera owner, GPS position) that would otherwise travel inside the PDF.
 */
export function renderImagePdf(bytes: Uint8Array, caption: string, kind: 'jpeg' | 'png'): RenderedPdf {
  const clean = reencode(bytes, kind)
  const doc = new mupdf.PDFDocument()
  try {
    const w = clean.getWidth()
    const h = clean.getHeight()
    const left = A4.marginLeft
    const top = A4.marginTop + 24
    const boxW = A4.width - A4.marginLeft - A4.marginRight
    const boxH = A4.height - top - A4.marginBottom
    const scale = Math.min(boxW / w, boxH / h, 1)
    const drawW = w * scale
    const drawH = h * scale
    const resources = doc.newDictionary()
    resources.put('Font', addStandardFonts(doc))
    const xobjects = doc.newDictionary()
    xobjects.put('RdIm1', doc.addImage(clean))
    resources.put('XObject', xobjects)
    const label = pdfLiteral(encodeWinAnsi(caption).bytes)
    const baseline = A4.height - A4.marginTop - 11
    const content = [
      `BT 0 g /${RESOURCE_NAMES.bold} 11 Tf 1 0 0 1 ${left} ${baseline.toFixed(2)} Tm ${label} Tj ET`,
      `q ${drawW.toFixed(2)} 0 0 ${drawH.toFixed(2)} ${left} ${(A4.height - top - drawH).toFixed(2)} cm /RdIm1 Do Q`,
    ].join('\n')
    doc.insertPage(-1, doc.addPage([0, 0, A4.width, A4.height], 0, resources, latin1(content)))
    return { pdf: saveClean(doc), pageCount: 1, unrepresentable: 0 }
  } finally {
    clean.destroy()
    doc.destroy()
  }
}

function reencode(bytes: Uint8Array, kind: 'jpeg' | 'png'): mupdf.Image {
  let original: mupdf.Image
  try {
    original = new mupdf.Image(bytes)
  } catch (err) {
    throw new PdfInputError(`the image could not be read (${engineMessage(err)})`)
  }
  try {
    if (original.getWidth() * original.getHeight() > MAX_PIXELS) {
      throw new PdfInputError(`the image is too large (${original.getWidth()} × ${original.getHeight()} pixels)`)
    }
    const pixmap = original.toPixmap()
    try {
      if (kind === 'jpeg' && pixmap.getAlpha() === 0) return new mupdf.Image(pixmap.asJPEG(90).slice())
      return new mupdf.Image(pixmap)
    } finally {
      pixmap.destroy()
    }
  } catch (err) {
    if (err instanceof PdfInputError) throw err
    throw new PdfInputError(`the image could not be decoded (${engineMessage(err)})`)
  } finally {
    original.destroy()
  }
}
