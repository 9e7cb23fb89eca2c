import type * as mupdf from 'mupdf'
import { PdfInputError } from './errors.js'
import { openPdf } from './inspect.js'
import { copyOut } from './save.js'

/** Where a piece of text was found in a saved PDF: a page (1-based) or the document outside any page. */
export type Location = { page: number } | { document: 'metadata' | 'attachment' | 'catalog' }

/** Opens saved bytes (authenticating when a password is given) for reading back. */
export function openForReading(bytes: Uint8Array, password?: string): mupdf.PDFDocument {
  const doc = openPdf(bytes)
  if (doc.needsPassword() && (!password || doc.authenticatePassword(password) === 0)) {
    doc.destroy()
    throw new PdfInputError('the PDF cannot be opened with the password given')
  }
  return doc
}

/** mupdf's plain text of every page. */
export function readPageTexts(bytes: Uint8Array, password?: string): string[] {
  const doc = openForReading(bytes, password)
  try {
    const texts: string[] = []
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i)
      const stext = page.toStructuredText('clip=no')
      texts.push(stext.asText())
      stext.destroy()
      page.destroy()
    }
    return texts
  } finally {
    doc.destroy()
  }
}

/** Streams whose bytes are pictures or font programs, not text: scanning them only finds noise. */
const BINARY_STREAM_KEYS = new Set(['FontFile', 'FontFile2', 'FontFile3'])

/**
 * Visits every string and every decoded text-bearing stream in the file, saying where each sits: in a page
 * (content, resources, form XObjects) or elsewhere (metadata, attachments, catalog). This is the check that finds a
 * name the text extractors never show: in /Info or XMP, an attachment's file name, a form value, ActualText,
 * or text drawn off the page.
 */
export function scanObjects(
  bytes: Uint8Array,
  visit: (where: Location, text: string) => void,
  password?: string,
): void {
  const doc = openForReading(bytes, password)
  try {
    const seen = new Set<number>()
    for (let i = 0; i < doc.countPages(); i++) {
      const where: Location = { page: i + 1 }
      walk(doc.findPage(i), seen, (text) => visit(where, text), ['Parent'])
    }
    const trailer = doc.getTrailer()
    walk(trailer.get('Info'), seen, (text) => visit({ document: 'metadata' }, text))
    const root = trailer.get('Root')
    walk(root.get('Metadata'), seen, (text) => visit({ document: 'metadata' }, text))
    walk(root.get('Names'), seen, (text) => visit({ document: 'attachment' }, text))
    walk(root, seen, (text) => visit({ document: 'catalog' }, text), ['Pages', 'Metadata', 'Names'])
  } finally {
    doc.destroy()
  }
}

function walk(obj: mupdf.PDFObject, seen: Set<number>, emit: (text: string) => void, skipKeys: string[] = []): void {
  if (obj.isIndirect()) {
    const num = obj.asIndirect()
    if (seen.has(num)) return
    seen.add(num)
  }
  if (obj.isString()) {
    emit(obj.asString())
  } else if (obj.isArray()) {
    obj.forEach((item) => walk(item, seen, emit))
  } else if (obj.isDictionary()) {
    obj.forEach((value, key) => {
      if (typeof key === 'string' && skipKeys.includes(key)) return
      if (typeof key === 'string' && BINARY_STREAM_KEYS.has(key)) return
      walk(value, seen, emit)
    })
    if (obj.isStream() && !isImage(obj)) emit(readStreamText(obj))
  }
}

function isImage(obj: mupdf.PDFObject): boolean {
  const subtype = obj.get('Subtype')
  return subtype.isName() && subtype.asName() === 'Image'
}

/** A stream mupdf cannot decode cannot be read by a reader either: treated as empty. */
function readStreamText(obj: mupdf.PDFObject): string {
  try {
    return decode(copyOut(obj.readStream()))
  } catch {
    return ''
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return Buffer.from(bytes).toString('latin1')
  }
}
