// Draws a laid-out chart on a pdf-lib page. pdf-lib cannot embed SVG, so the same shapes the SVG is written from are
// drawn with its primitives, scaled into a box and flipped (PDF's y axis points up).
import type { PDFFont, PDFPage, RGB } from 'pdf-lib'
import type * as PdfLib from 'pdf-lib'
import { lazyRequire } from '../../lazy-require.js'

const pdfLib = lazyRequire<typeof PdfLib>('pdf-lib')
import { layoutChart } from './layout.js'
import { CHART_HEIGHT, CHART_WIDTH, type ChartModel, type Shape } from './model.js'

export interface PdfFonts {
  regular: PDFFont
  bold: PDFFont
}

/** Where on the page: the bottom-left corner and the width; the height follows the 2:1 chart shape. */
export interface PdfBox {
  x: number
  y: number
  width: number
}

export function hexColour(hex: string): RGB {
  const value = Number.parseInt(hex.replace('#', ''), 16)
  return pdfLib().rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255)
}

/** Replaces characters the standard PDF fonts (WinAnsi) cannot encode, so an odd name never breaks the pack. */
const characterSets = new WeakMap<PDFFont, Set<number>>()

export function pdfSafe(text: string, font: PDFFont): string {
  const supported = characterSets.get(font) ?? new Set(font.getCharacterSet())
  characterSets.set(font, supported)
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 63
      if (supported.has(code)) return ch
      if (ch === '\u2264') return '<='
      if (ch === '\u2265') return '>='
      return '?'
    })
    .join('')
}

export function chartHeightFor(width: number): number {
  return (width * CHART_HEIGHT) / CHART_WIDTH
}

function drawShape(page: PDFPage, s: Shape, box: PdfBox, fonts: PdfFonts): void {
  const k = box.width / CHART_WIDTH
  const px = (x: number) => box.x + x * k
  const py = (y: number) => box.y + (CHART_HEIGHT - y) * k
  switch (s.kind) {
    case 'rect':
      page.drawRectangle({ x: px(s.x), y: py(s.y + s.h), width: s.w * k, height: s.h * k, color: hexColour(s.fill) })
      return
    case 'line':
      page.drawLine({
        start: { x: px(s.x1), y: py(s.y1) },
        end: { x: px(s.x2), y: py(s.y2) },
        thickness: s.width * k,
        color: hexColour(s.stroke),
        ...(s.dash ? { dashArray: [s.dash * k] } : {}),
      })
      return
    case 'polyline':
      s.points.slice(1).forEach(([x, y], i) => {
        const [x0, y0] = s.points[i] ?? [x, y]
        page.drawLine({
          start: { x: px(x0), y: py(y0) },
          end: { x: px(x), y: py(y) },
          thickness: s.width * k,
          color: hexColour(s.stroke),
          lineCap: 1,
        })
      })
      return
    case 'circle':
      page.drawCircle({ x: px(s.cx), y: py(s.cy), size: s.r * k, color: hexColour(s.fill) })
      return
    case 'text':
      drawText(page, s, px(s.x), py(s.y), k, fonts)
  }
}

function drawText(
  page: PDFPage,
  s: Extract<Shape, { kind: 'text' }>,
  x: number,
  y: number,
  k: number,
  fonts: PdfFonts,
) {
  const font = s.bold ? fonts.bold : fonts.regular
  const text = pdfSafe(s.text, font)
  const size = s.size * k
  const width = font.widthOfTextAtSize(text, size)
  const shift = s.anchor === 'middle' ? width / 2 : s.anchor === 'end' ? width : 0
  const color = hexColour(s.fill)
  if (s.halo) {
    const white = hexColour('#ffffff')
    page.drawRectangle({
      x: x - shift - 1.5 * k,
      y: y - 2.5 * k,
      width: width + 3 * k,
      height: size + 2 * k,
      color: white,
    })
  }
  if (s.vertical) {
    page.drawText(text, { x, y: y - shift, size, font, color, rotate: pdfLib().degrees(90) })
  } else {
    page.drawText(text, { x: x - shift, y, size, font, color })
  }
}

/** Draws the chart with its bottom-left corner at (box.x, box.y); returns the height used. */
export function drawChartPdf(page: PDFPage, model: ChartModel, box: PdfBox, fonts: PdfFonts): number {
  for (const shape of layoutChart(model)) drawShape(page, shape, box, fonts)
  return chartHeightFor(box.width)
}
