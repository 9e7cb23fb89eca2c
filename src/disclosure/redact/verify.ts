import { readPageTexts, releaseEngineCaches, scanObjects, type Location } from '../pdf/index.js'
import { matchNeedles, type NeedleSet } from './needles.js'
import { readWithPdfjs } from './pdfjs-text.js'

export type Extractor = 'pdfjs' | 'mupdf' | 'objects'

/** A redacted string found in the output. Names where and by which reader, never the string itself. */
export interface Survivor {
  /** "page 12", "metadata", "attachment", "outline", "catalog". */
  where: string
  page?: number
  /** The needle's label: "term 2", "PERSON". */
  needle: string
  extractor: Extractor
}

export interface Verification {
  ok: boolean
  pagesChecked: number
  extractors: Extractor[]
  survivors: Survivor[]
  /** mupdf's text of every page of the verified file (for the machine-readable export). */
  pageTexts: string[]
}

const MAX_SURVIVORS_REPORTED = 200

/**
 * Reads the finished file back three ways and looks for every redacted string (case-, accent- and
 * whitespace-insensitive): PDF.js text, annotations, metadata, attachments and outline; mupdf text; and every
 * string and decoded stream in the file, wherever it sits. Any hit fails the bundle, naming the place.
 */
export async function verifyPdf(bytes: Uint8Array, set: NeedleSet, password?: string): Promise<Verification> {
  const survivors = new Map<string, Survivor>()
  const check = (text: string, where: string, extractor: Extractor, page?: number) => {
    for (const { needle } of matchNeedles(text, set)) {
      const key = `${where}|${needle.label}|${extractor}`
      if (!survivors.has(key)) survivors.set(key, { where, page, needle: needle.label, extractor })
    }
  }
  // PDF.js works in its worker thread while mupdf reads the same bytes here.
  const pdfjsReading = readWithPdfjs(bytes, password)
  const mupdfTexts = readPageTexts(bytes, password)
  mupdfTexts.forEach((text, i) => check(text, `page ${i + 1}`, 'mupdf', i + 1))
  for (const [key, { loc, parts }] of objectTexts(bytes, password)) {
    // Joined with newlines so that two adjacent strings never fuse into a false match.
    check(parts.join('\n'), key, 'objects', 'page' in loc ? loc.page : undefined)
  }
  releaseEngineCaches()
  const pdfjs = await pdfjsReading
  pdfjs.pages.forEach((text, i) => check(text, `page ${i + 1}`, 'pdfjs', i + 1))
  check(pdfjs.metadata, 'metadata', 'pdfjs')
  check(pdfjs.attachments, 'attachment', 'pdfjs')
  check(pdfjs.outline, 'outline', 'pdfjs')
  const list = [...survivors.values()].sort((a, b) => (a.page ?? 0) - (b.page ?? 0)).slice(0, MAX_SURVIVORS_REPORTED)
  return {
    ok: survivors.size === 0,
    pagesChecked: Math.max(pdfjs.pages.length, mupdfTexts.length),
    extractors: ['pdfjs', 'mupdf', 'objects'],
    survivors: list,
    pageTexts: mupdfTexts,
  }
}

function objectTexts(bytes: Uint8Array, password?: string): Map<string, { loc: Location; parts: string[] }> {
  const chunks = new Map<string, { loc: Location; parts: string[] }>()
  scanObjects(
    bytes,
    (loc, text) => {
      const key = 'page' in loc ? `page ${loc.page}` : loc.document
      const entry = chunks.get(key) ?? { loc, parts: [] }
      entry.parts.push(text)
      chunks.set(key, entry)
    },
    password,
  )
  return chunks
}
