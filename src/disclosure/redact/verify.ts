import { readPageTexts, releaseEngineCaches, scanObjects, type Location } from '../pdf/index.js'
import { matchNeedles, type NeedleSet } from './needles.js'
import { readPagesByOcr, type OcrMode } from './ocr-pass.js'
import { readWithPdfjs } from './pdfjs-text.js'

export type Extractor = 'pdfjs' | 'mupdf' | 'objects' | 'ocr'
export type { OcrMode } from './ocr-pass.js'

export interface VerifyOptions {
  password?: string
  /**
   * Which pages OCR reads: 'needed' (default) every page whose ink extraction cannot vouch for (pictures, shapes,
   * Type3 or embedded fonts, unnamed or scrambled glyphs: pdf/page-ink.ts); 'every-page' all of them.
   */
  ocr?: OcrMode
}

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
  /** Pages rendered and read by OCR (1-based). */
  ocrPages: number[]
}

const MAX_SURVIVORS_REPORTED = 200

/**
 * The one verifier (DESIGN.md §8), used by `rightsdesk redact`, the workbench bundle build and the release gate.
 * Reads the finished file back four ways and looks for every redacted string (case-, accent-, whitespace- and
 * hyphen-insensitive, look-alike letters folded, backwards too): PDF.js text, annotations, metadata, attachments
 * and outline; mupdf text; every string and decoded stream in the file, wherever it sits; and the rendered page as a
 * person sees it, read by OCR. Any hit fails the bundle, naming the page.
 */
export async function verifyPdf(
  bytes: Uint8Array,
  set: NeedleSet,
  password?: string,
  options: Omit<VerifyOptions, 'password'> = {},
): Promise<Verification> {
  const survivors = new Map<string, Survivor>()
  const check = (text: string, where: string, extractor: Extractor, page?: number) => {
    for (const { needle } of matchNeedles(text, set, extractor === 'ocr' ? 'ocr' : 'exact')) {
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
  const ocrPages = await readPagesByOcr(bytes, password, options.ocr ?? 'needed', (text, page) =>
    check(text, `page ${page}`, 'ocr', page),
  )
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
    extractors: ocrPages.length > 0 ? ['pdfjs', 'mupdf', 'objects', 'ocr'] : ['pdfjs', 'mupdf', 'objects'],
    survivors: list,
    pageTexts: mupdfTexts,
    ocrPages,
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
