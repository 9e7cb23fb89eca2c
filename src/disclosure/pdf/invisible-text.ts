import * as mupdf from 'mupdf'
import { measureText } from './fonts.js'
import { latin1 } from './save.js'
import { encodeWinAnsi, pdfLiteral } from './winansi.js'
import type { Rect, TextLayer, WorkingPdf } from './working-document.js'

/** The page dictionary key holding what OCR read on the page (for the reviewer). Never copied into a bundle. */
export const OCR_TEXT_KEY = 'RdOcrText'

/**
 * Adds words read by OCR to a page as invisible text (render mode 3), each stretched over the box where it was read,
 * so that detection, search, selection and redaction work on a scan exactly as on a typed page: a redaction of the
 * word removes the invisible text and, under the same box, the picture's pixels or the shapes that showed it.
 *
 * Each word's font size and baseline are chosen so that mupdf's character boxes, once narrowed to the text band
 * (working-document.ts: 0.65 em above the baseline to 0.05 em below), cover exactly the box where it was read.
 */
export function addInvisibleWords(
  work: WorkingPdf,
  index: number,
  words: { text: string; rect: Rect }[],
  read: string,
) {
  const doc = work.doc
  const page = work.page(index)
  const dict = page.getObject()
  const resources = ownResources(doc, dict)
  let fonts = resources.get('Font')
  if (!fonts.isDictionary()) {
    fonts = doc.newDictionary()
    resources.put('Font', fonts)
  }
  const helvetica = new mupdf.Font('Helvetica')
  try {
    fonts.put('RdOcr', doc.addSimpleFont(helvetica, 'Latin'))
  } finally {
    helvetica.destroy() // the document holds its own copy now (engine.ts: fonts are not finalized)
  }
  const toUser = mupdf.Matrix.invert(page.getTransform())
  const parts: string[] = ['q BT 3 Tr']
  for (const { text, rect } of words) {
    const encoded = encodeWinAnsi(text)
    const [x0, y0, x1, y1] = rect
    const size = Math.max(1, (y1 - y0) / 0.7)
    const width = measureText(encoded.text, 'regular', size)
    if (width <= 0) continue
    const stretch = (100 * (x1 - x0)) / width
    const m = mupdf.Matrix.concat([1, 0, 0, -1, x0, y1 - 0.05 * size], toUser)
    const tm = m.map((n) => n.toFixed(3)).join(' ')
    // The space after each word is drawn too: extractors then keep the words apart, as the reader saw them.
    parts.push(`/RdOcr ${size.toFixed(2)} Tf ${stretch.toFixed(2)} Tz ${tm} Tm ${pdfLiteral(encoded.bytes)} Tj ( ) Tj`)
  }
  parts.push('ET Q')
  const contents = dict.get('Contents')
  const array = doc.newArray()
  array.push(doc.addStream(latin1('q\n'), doc.newDictionary()))
  if (contents.isArray()) contents.forEach((s) => array.push(s))
  else if (!contents.isNull()) array.push(contents)
  array.push(doc.addStream(latin1(`Q\n${parts.join('\n')}\n`), doc.newDictionary()))
  dict.put('Contents', array)
  dict.put(OCR_TEXT_KEY, doc.newString(read))
  work.forget(index)
}

/** What OCR read on a page of a prepared document, or undefined when the page was not read by OCR. */
export function ocrTextOf(work: WorkingPdf, index: number): string | undefined {
  const value = work.doc.findPage(index).get(OCR_TEXT_KEY)
  return value.isString() ? value.asString() : undefined
}

/** True when at least one extracted character's centre lies inside `rect`: the word is already in the text. */
export function hasTextUnder(layer: TextLayer, rect: Rect): boolean {
  for (let i = 0; i < layer.text.length; i++) {
    const x0 = layer.boxes[i * 4] as number
    if (Number.isNaN(x0) || /\s/.test(layer.text[i] as string)) continue
    const cx = (x0 + (layer.boxes[i * 4 + 2] as number)) / 2
    const cy = ((layer.boxes[i * 4 + 1] as number) + (layer.boxes[i * 4 + 3] as number)) / 2
    if (cx >= rect[0] && cx <= rect[2] && cy >= rect[1] && cy <= rect[3]) return true
  }
  return false
}

function ownResources(doc: mupdf.PDFDocument, page: mupdf.PDFObject): mupdf.PDFObject {
  const own = page.get('Resources')
  if (own.isDictionary()) return own
  const inherited = page.getInheritable('Resources')
  const copy = doc.newDictionary()
  if (inherited.isDictionary()) inherited.forEach((value, key) => copy.put(key, value))
  page.put('Resources', copy)
  return copy
}
