import * as mupdf from 'mupdf'
import { recogniseImage } from './engine.js'

/** x0, y0, x1, y1 in page space (points, origin top-left): where boxes are drawn and redactions applied. */
export type PageRect = [number, number, number, number]

export interface ReadWord {
  text: string
  rect: PageRect
  confidence: number
}

/** A page as OCR read it: its text (one line per line read) and, for every character of it, the word it is in. */
export interface PageReading {
  text: string
  words: ReadWord[]
  /** For each UTF-16 unit of `text`, the index in `words`, or -1 for the spaces and newlines between words. */
  wordAt: Int32Array
}

export interface ReadOptions {
  /** Rotations (degrees) at which to read besides upright: text drawn sideways is read turned upright. */
  angles?: Iterable<number>
  /** Also read the page flipped left to right, for mirrored text. */
  mirrored?: boolean
}

/** 150 dpi: the lowest resolution at which 9-point text is read reliably (measured: 100 dpi misread names). */
export const OCR_DPI = 150
/** A page larger than A3 is read at a lower resolution rather than decoded into hundreds of megabytes. */
const MAX_PIXELS = 16_000_000

/**
 * Renders the page as a person sees it and reads it with OCR, upright and at every other angle and flip asked for.
 * Word boxes come back in page space, so they can be redacted and drawn like any other box.
 */
export async function readPage(page: mupdf.Page, options: ReadOptions = {}): Promise<PageReading> {
  const angles = new Set([0, ...(options.angles ?? [])])
  const views: { angle: number; flip: boolean }[] = [...angles].map((angle) => ({ angle, flip: false }))
  if (options.mirrored) views.push({ angle: 0, flip: true })
  const words: ReadWord[] = []
  const lines: ReadWord[][] = []
  for (const view of views) {
    const { png, toPage } = render(page, view.angle, view.flip)
    const read = await recogniseImage(png)
    const byLine = new Map<number, ReadWord[]>()
    for (const w of read) {
      const word = { text: w.text, rect: toPage(w.box), confidence: w.confidence }
      const line = byLine.get(w.line) ?? []
      line.push(word)
      byLine.set(w.line, line)
    }
    lines.push(...byLine.values())
  }
  let text = ''
  const owners: number[] = []
  for (const line of lines) {
    for (const [i, word] of line.entries()) {
      if (i > 0) {
        text += ' '
        owners.push(-1)
      }
      text += word.text
      for (let k = 0; k < word.text.length; k++) owners.push(words.length)
      words.push(word)
    }
    text += '\n'
    owners.push(-1)
  }
  return { text, words, wordAt: Int32Array.from(owners) }
}

/** The boxes of the words a stretch [start, end) of the reading's text runs over, one per word. */
export function wordRects(reading: PageReading, start: number, end: number): PageRect[] {
  const seen = new Set<number>()
  for (let i = start; i < end; i++) {
    const w = reading.wordAt[i]
    if (w !== undefined && w >= 0) seen.add(w)
  }
  return [...seen].map((w) => reading.words[w]!.rect)
}

function render(
  page: mupdf.Page,
  angle: number,
  flip: boolean,
): { png: Uint8Array; toPage: (box: [number, number, number, number]) => PageRect } {
  const [x0, y0, x1, y1] = page.getBounds()
  const area = ((x1 - x0) * (y1 - y0) * OCR_DPI * OCR_DPI) / (72 * 72)
  const scale = (OCR_DPI / 72) * Math.min(1, Math.sqrt(MAX_PIXELS / Math.max(area, 1)))
  let matrix = mupdf.Matrix.concat(mupdf.Matrix.scale(scale, scale), mupdf.Matrix.rotate(angle))
  if (flip) matrix = mupdf.Matrix.concat(matrix, mupdf.Matrix.scale(-1, 1))
  const pixmap = page.toPixmap(matrix, mupdf.ColorSpace.DeviceGray, false, true)
  try {
    const ox = pixmap.getX()
    const oy = pixmap.getY()
    const back = mupdf.Matrix.invert(matrix)
    const toPage = ([bx0, by0, bx1, by1]: [number, number, number, number]): PageRect => {
      const corners = [
        [bx0, by0],
        [bx1, by0],
        [bx0, by1],
        [bx1, by1],
      ].map(([x, y]) => apply(back, x! + ox, y! + oy))
      const xs = corners.map((c) => c[0])
      const ys = corners.map((c) => c[1])
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
    }
    return { png: pixmap.asPNG().slice(), toPage }
  } finally {
    pixmap.destroy()
  }
}

function apply(m: mupdf.Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]]
}
