import * as mupdf from 'mupdf'
import { measureText } from './fonts.js'
import { latin1, saveClean } from './save.js'
import { encodeWinAnsi, pdfLiteral } from './winansi.js'
import type { WorkingPdf } from './working-document.js'

/**
 * Page dictionary keys a disclosed page keeps. Everything else goes: annotations (comments, attachments, links,
 * widgets), page actions (/AA), thumbnails (a picture of the page before redaction), XMP metadata, PieceInfo
 * (application private data) and structure references into a tree the bundle does not carry.
 */
const PAGE_KEYS = new Set([
  'Type',
  'Parent',
  'MediaBox',
  'CropBox',
  'Rotate',
  'Resources',
  'Contents',
  'Group',
  'UserUnit',
])

/** Keys removed from every object in the bundle: metadata and actions that could hide in resources. */
const SCRUB_KEYS = [
  'Metadata',
  'PieceInfo',
  'AA',
  'JS',
  'Thumb',
  'StructParent',
  'StructParents',
  'LastModified',
  'ActualText',
  'Alt',
]

export interface SaveOptions {
  /** AES-256 encrypt the file, opened with this password. */
  password?: string
}

/**
 * The disclosure bundle under construction: a brand-new PDF into which prepared pages are copied. Only the pages
 * (and what their content needs) are copied, never a source's catalog, so its outlines, attachments, forms, name
 * trees, document scripts, metadata and earlier revisions cannot come along.
 */
export class BundleWriter {
  private readonly doc = new mupdf.PDFDocument()

  get pageCount(): number {
    return this.doc.countPages()
  }

  /** Copies all pages of `source` to position `at` (default: the end). Returns the index of its first page. */
  addDocument(source: WorkingPdf, at = -1): number {
    const first = at < 0 ? this.pageCount : at
    const map = this.doc.newGraftMap()
    try {
      for (let i = 0; i < source.pageCount; i++) map.graftPage(at < 0 ? -1 : at + i, source.doc, i)
    } finally {
      map.destroy()
    }
    return first
  }

  /** Writes "Page N of M — REF" (or whatever `footer` returns) centred at the foot of every page. */
  stampPages(footer: (pageNumber: number, pageCount: number) => string): void {
    const helvetica = new mupdf.Font('Helvetica')
    const font = this.doc.addSimpleFont(helvetica, 'Latin')
    helvetica.destroy() // the document holds its own copy now (engine.ts: fonts are not finalized)
    const open = this.doc.addStream(latin1('q\n'), this.doc.newDictionary())
    const total = this.pageCount
    for (let i = 0; i < total; i++) {
      const page = this.doc.loadPage(i)
      try {
        stampPage(this.doc, page, font, open, footer(i + 1, total))
      } finally {
        page.destroy()
      }
    }
  }

  /** Removes everything but page content from every page, then saves without history, compressed. */
  save(options: SaveOptions = {}): Uint8Array {
    this.scrub()
    const encryption = options.password
      ? ['encrypt=aes-256', `user-password=${options.password}`, `owner-password=${options.password}`]
      : []
    return saveClean(this.doc, encryption)
  }

  destroy(): void {
    this.doc.destroy()
  }

  private scrub(): void {
    const trailer = this.doc.getTrailer()
    trailer.delete('Info')
    trailer.get('Root').delete('Info')
    for (let i = 0; i < this.pageCount; i++) {
      const page = this.doc.findPage(i)
      const drop: string[] = []
      page.forEach((_value, key) => {
        if (typeof key === 'string' && !PAGE_KEYS.has(key)) drop.push(key)
      })
      for (const key of drop) page.delete(key)
    }
    const count = this.doc.countObjects()
    for (let num = 1; num < count; num++) {
      const obj = this.doc.newIndirect(num).resolve()
      if (obj.isDictionary()) for (const key of SCRUB_KEYS) obj.delete(key)
    }
  }
}

const STAMP_SIZE = 8

function stampPage(
  doc: mupdf.PDFDocument,
  page: mupdf.PDFPage,
  font: mupdf.PDFObject,
  open: mupdf.PDFObject,
  label: string,
): void {
  const dict = page.getObject()
  const resources = ensureResources(doc, dict)
  let fonts = resources.get('Font')
  if (!fonts.isDictionary()) {
    fonts = doc.newDictionary()
    resources.put('Font', fonts)
  }
  fonts.put('RdStamp', font)
  const encoded = encodeWinAnsi(label)
  const [x0, , x1, y1] = page.getBounds()
  const width = measureText(encoded.text, 'regular', STAMP_SIZE)
  // Position in display space (top-left origin, after /Rotate), mapped back into the page's own user space so the
  // footer sits at the foot of the page as the reader sees it, whatever the page's rotation or crop box.
  const inDisplay: mupdf.Matrix = [1, 0, 0, -1, (x0 + x1) / 2 - width / 2, y1 - 28]
  const m = mupdf.Matrix.concat(inDisplay, mupdf.Matrix.invert(page.getTransform()))
  const tm = m.map((n) => n.toFixed(4)).join(' ')
  const content = `Q\nq BT 0 g /RdStamp ${STAMP_SIZE} Tf ${tm} Tm ${pdfLiteral(encoded.bytes)} Tj ET Q\n`
  const stamp = doc.addStream(latin1(content), doc.newDictionary())
  const contents = dict.get('Contents')
  const array = doc.newArray()
  array.push(open)
  if (contents.isArray()) contents.forEach((s) => array.push(s))
  else if (!contents.isNull()) array.push(contents)
  array.push(stamp)
  dict.put('Contents', array)
}

/** The page's own resource dictionary (an inherited one is copied onto the page first, so siblings stay as they were). */
function ensureResources(doc: mupdf.PDFDocument, page: mupdf.PDFObject): mupdf.PDFObject {
  const own = page.get('Resources')
  if (own.isDictionary()) return own
  const inherited = page.getInheritable('Resources')
  const copy = doc.newDictionary()
  if (inherited.isDictionary()) inherited.forEach((value, key) => copy.put(key, value))
  page.put('Resources', copy)
  return copy
}
