import * as mupdf from 'mupdf'
import type { FontKey, Measure } from './text-layout.js'

/**
 * The three standard fonts every generated page uses. They are base-14 fonts with WinAnsiEncoding, so PDFs carry
 * no font program (small files, and identical font dictionaries deduplicate when pages are merged).
 */
const BASE_FONTS: Record<FontKey, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' }
export const RESOURCE_NAMES: Record<FontKey, string> = { regular: 'RdF1', bold: 'RdF2', mono: 'RdF3' }

const fonts = new Map<FontKey, mupdf.Font>()
const widthCache = new Map<FontKey, Map<string, number>>()

function fontFor(key: FontKey): mupdf.Font {
  let font = fonts.get(key)
  if (!font) {
    font = new mupdf.Font(BASE_FONTS[key])
    fonts.set(key, font)
  }
  return font
}

function charWidth(key: FontKey, ch: string): number {
  let cache = widthCache.get(key)
  if (!cache) {
    cache = new Map()
    widthCache.set(key, cache)
  }
  let width = cache.get(ch)
  if (width === undefined) {
    const font = fontFor(key)
    width = font.advanceGlyph(font.encodeCharacter(ch.codePointAt(0) ?? 0x3f))
    cache.set(ch, width)
  }
  return width
}

/** Text width in points using the standard fonts' metrics (text must already be WinAnsi-representable). */
export const measureText: Measure = (text, font, size) => {
  let em = 0
  for (const ch of text) em += charWidth(font, ch)
  return em * size
}

/** A /Font resource dictionary naming the three standard fonts, added to `doc`. */
export function addStandardFonts(doc: mupdf.PDFDocument): mupdf.PDFObject {
  const dict = doc.newDictionary()
  for (const key of Object.keys(BASE_FONTS) as FontKey[]) {
    dict.put(RESOURCE_NAMES[key], doc.addSimpleFont(fontFor(key), 'Latin'))
  }
  return dict
}
