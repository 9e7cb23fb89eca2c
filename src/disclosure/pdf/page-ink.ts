import * as mupdf from 'mupdf'
import './engine.js' // mupdf's settings (borrowed shadings not finalized, no colour management) before any page is read

/**
 * What a page draws, as far as it matters to whether text extraction tells the whole truth about what a person sees.
 * Extraction reads character codes; a reader sees shapes. The two agree only for text in fonts whose shapes follow
 * from their codes (the standard fonts, no glyph program of their own), laid out in reading order. Everything else
 * — pictures, vector shapes, Type3 glyphs, glyphs with no Unicode, letters placed out of order, fonts that carry
 * their own programs and Unicode maps — can show a name that no extractor reports, and must be read by OCR.
 */
export interface PageInk {
  /** Images, image masks or shadings: pixels that may be a scan or a photograph of text. */
  pictures: boolean
  /** Vector shapes that could be letters: anything but boxes and long straight rules (Type3 glyphs end up here). */
  shapes: boolean
  /** Glyphs whose character extraction cannot name (no Unicode, or a control code). */
  unnamedGlyphs: boolean
  /** Letters drawn out of reading order (each placed by hand, last first): extraction returns them scrambled. */
  scrambled: boolean
  /** Shapes or text drawn mirrored: OCR must also read the page flipped. */
  mirrored: boolean
  /** Text in a font that is not one of the standard fonts without a program of its own, or any Type3 font. */
  ownFonts: boolean
  /** Rotations (0, 90, 180, 270) at which shapes or text of own fonts are drawn: OCR reads upright text only. */
  angles: Set<number>
}

/** OCR is needed to know what the page says at all (scans, photographs, paths, Type3, unnamed or scrambled text). */
export function needsOcrToRead(ink: PageInk): boolean {
  return ink.pictures || ink.shapes || ink.unnamedGlyphs || ink.scrambled
}

/** OCR is needed to be sure nothing redacted is still visible: also when fonts carry their own glyph programs. */
export function needsOcrToVerify(ink: PageInk): boolean {
  return needsOcrToRead(ink) || ink.ownFonts
}

/** A stroked straight line at least this long (points) is a rule, not a letter. */
const RULE_MIN_LENGTH = 36
/** A filled box smaller than this in both directions could be a "pixel" of a letter. */
const BOX_MIN_SIZE = 4
/** Letters stepping backwards this many times on one page: drawn out of reading order. */
const BACKWARD_STEPS = 3

const STANDARD_FONTS = new Set([
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
])
const STANDARD_ENCODINGS = new Set(['WinAnsiEncoding', 'StandardEncoding', 'MacRomanEncoding'])

export function inkOf(doc: mupdf.PDFDocument, page: mupdf.PDFPage, index: number): PageInk {
  const ink: PageInk = {
    pictures: false,
    shapes: false,
    unnamedGlyphs: false,
    scrambled: false,
    mirrored: false,
    ownFonts: !fontsAreStandard(doc.findPage(index)),
    angles: new Set(),
  }
  const device = inkDevice(ink)
  try {
    page.run(device, mupdf.Matrix.identity)
  } finally {
    device.close()
  }
  return ink
}

function inkDevice(ink: PageInk): mupdf.Device {
  const rows = new Map<string, number>()
  let backwards = 0
  const picture = () => {
    ink.pictures = true
    ink.angles.add(0)
  }
  const shape = (ctm: mupdf.Matrix) => {
    ink.shapes = true
    ink.angles.add(angleOf(ctm))
    if (det(ctm) > 0) ink.mirrored = true
  }
  const text = (t: mupdf.Text, ctm: mupdf.Matrix) =>
    t.walk({
      showGlyph(_font, trm, _glyph, unicode) {
        if (unicode < 0x20 || unicode === 0xfffd) ink.unnamedGlyphs = true
        const m = mupdf.Matrix.concat(trm, ctm)
        if (det(m) > 0) ink.mirrored = true
        if (ink.ownFonts || ink.unnamedGlyphs) ink.angles.add(angleOf(m))
        // Along the row this glyph sits on: a glyph left of where the row had got to is a step backwards.
        const size = Math.hypot(m[2], m[3]) || 1
        if (angleOf(m) !== 0) return
        const row = String(Math.round(m[5] / (size / 2)))
        const reached = rows.get(row)
        if (reached !== undefined && m[4] < reached - size * 0.3) backwards++
        rows.set(row, Math.max(reached ?? -Infinity, m[4]))
        if (backwards >= BACKWARD_STEPS) ink.scrambled = true
      },
    })
  return new mupdf.Device({
    fillPath(path, _evenOdd, ctm) {
      if (!isBoxes(path, ctm)) shape(ctm)
    },
    strokePath(path, _stroke, ctm) {
      if (!isRule(path, ctm)) shape(ctm)
    },
    fillText: (t, ctm) => text(t, ctm),
    strokeText: (t, _s, ctm) => text(t, ctm),
    clipText: (t, ctm) => text(t, ctm),
    clipStrokeText: (t, _s, ctm) => text(t, ctm),
    ignoreText: (t, ctm) => text(t, ctm),
    fillImage: picture,
    fillImageMask: picture,
    clipImageMask: picture,
    fillShade: picture,
  })
}

function det(m: mupdf.Matrix): number {
  return m[0] * m[3] - m[1] * m[2]
}

/** The rotation (0, 90, 180 or 270) of the x axis of `m` in device space (y down). */
function angleOf(m: mupdf.Matrix): number {
  const degrees = (Math.atan2(m[1], m[0]) * 180) / Math.PI
  return (Math.round(degrees / 90) * 90 + 360) % 360
}

function points(path: mupdf.Path, ctm: mupdf.Matrix): { subpaths: [number, number][][]; curves: boolean } {
  const subpaths: [number, number][][] = []
  let curves = false
  const at = (x: number, y: number): [number, number] => [
    x * ctm[0] + y * ctm[2] + ctm[4],
    x * ctm[1] + y * ctm[3] + ctm[5],
  ]
  path.walk({
    moveTo: (x, y) => void subpaths.push([at(x, y)]),
    lineTo: (x, y) => void subpaths[subpaths.length - 1]?.push(at(x, y)),
    curveTo: () => void (curves = true),
    closePath: () => undefined,
  })
  return { subpaths, curves }
}

/** Every subpath an axis-aligned rectangle of a sensible size: a redaction box, a table cell, a shaded band. */
function isBoxes(path: mupdf.Path, ctm: mupdf.Matrix): boolean {
  const { subpaths, curves } = points(path, ctm)
  if (curves || subpaths.length === 0) return false
  return subpaths.every((pts) => {
    const ring = pts.length === 5 && near(pts[0]!, pts[4]!) ? pts.slice(0, 4) : pts
    if (ring.length !== 4) return false
    const xs = new Set(ring.map((p) => Math.round(p[0] * 10)))
    const ys = new Set(ring.map((p) => Math.round(p[1] * 10)))
    if (xs.size > 2 || ys.size > 2) return false
    const w = Math.max(...ring.map((p) => p[0])) - Math.min(...ring.map((p) => p[0]))
    const h = Math.max(...ring.map((p) => p[1])) - Math.min(...ring.map((p) => p[1]))
    return w >= BOX_MIN_SIZE || h >= BOX_MIN_SIZE
  })
}

/** One straight segment, long enough not to be part of a letter: a rule or underline across the page. */
function isRule(path: mupdf.Path, ctm: mupdf.Matrix): boolean {
  const { subpaths, curves } = points(path, ctm)
  if (curves) return false
  return subpaths.every((pts) => {
    if (pts.length !== 2) return false
    const [a, b] = pts as [[number, number], [number, number]]
    return Math.hypot(b[0] - a[0], b[1] - a[1]) >= RULE_MIN_LENGTH
  })
}

function near(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01
}

/**
 * True when every font the page can use (its own resources, its form XObjects', its patterns', recursively) is one
 * of the twelve standard Latin fonts with a standard encoding, no font program and no ToUnicode map: then the
 * shape drawn for each code is fixed, and extraction reads exactly what is shown.
 */
function fontsAreStandard(page: mupdf.PDFObject): boolean {
  const seen = new Set<number>()
  const check = (resources: mupdf.PDFObject): boolean => {
    if (!resources.isDictionary()) return true
    if (resources.isIndirect()) {
      if (seen.has(resources.asIndirect())) return true
      seen.add(resources.asIndirect())
    }
    let ok = true
    const fonts = resources.get('Font')
    if (fonts.isDictionary()) fonts.forEach((font) => void (ok &&= isStandardFont(font)))
    for (const key of ['XObject', 'Pattern']) {
      const dict = resources.get(key)
      if (dict.isDictionary()) dict.forEach((x) => void (ok &&= !x.isDictionary() || check(x.get('Resources'))))
    }
    return ok
  }
  return check(page.getInheritable('Resources'))
}

function isStandardFont(font: mupdf.PDFObject): boolean {
  if (!font.isDictionary()) return true
  const subtype = font.get('Subtype')
  const base = font.get('BaseFont')
  const encoding = font.get('Encoding')
  if (!subtype.isName() || subtype.asName() !== 'Type1') return false
  if (!base.isName() || !STANDARD_FONTS.has(base.asName())) return false
  if (!font.get('ToUnicode').isNull()) return false
  const descriptor = font.get('FontDescriptor')
  if (descriptor.isDictionary()) {
    for (const key of ['FontFile', 'FontFile2', 'FontFile3']) if (!descriptor.get(key).isNull()) return false
  }
  return encoding.isNull() || (encoding.isName() && STANDARD_ENCODINGS.has(encoding.asName()))
}
