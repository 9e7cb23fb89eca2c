/**
 * Pure layout of text blocks onto A4 pages: word wrapping, labels with hanging indents, page breaks. The renderer
 * (text-document.ts) turns the placed runs into PDF content; keeping the arithmetic here makes it testable without
 * a PDF engine.
 */

export type FontKey = 'regular' | 'bold' | 'mono'

export interface TextBlock {
  text: string
  font?: FontKey
  /** Points; default 10. */
  size?: number
  /** Drawn in bold before the text ("From:"); wrapped lines are indented past it. */
  label?: string
  /** Fixed width of the label column in points, so that a list lines up whatever the labels say. */
  labelWidth?: number
  /** Extra space above the block, in points. */
  spaceBefore?: number
  /** Left indent in points. */
  indent?: number
  /** Draw a thin horizontal rule instead of text. */
  rule?: boolean
  pageBreakBefore?: boolean
}

export interface PlacedRun {
  x: number
  /** Baseline, measured down from the top of the page. */
  y: number
  font: FontKey
  size: number
  text: string
}

export interface PlacedRule {
  x0: number
  x1: number
  y: number
}

export interface LaidOutPage {
  runs: PlacedRun[]
  rules: PlacedRule[]
}

export interface PageGeometry {
  width: number
  height: number
  marginLeft: number
  marginRight: number
  marginTop: number
  /** Leaves room for the "Page N of M" stamp. */
  marginBottom: number
}

export const A4: PageGeometry = {
  width: 595.28,
  height: 841.89,
  marginLeft: 56,
  marginRight: 56,
  marginTop: 56,
  marginBottom: 72,
}

/** Width in points of `text` drawn in `font` at `size`. */
export type Measure = (text: string, font: FontKey, size: number) => number

const LINE_SPACING = 1.3

/** Greedy word wrap. Spaces are kept inside a line; a word longer than the line is broken between characters. */
export function wrapLine(line: string, width: number, measure: (s: string) => number): string[] {
  if (line === '' || measure(line) <= width) return [line]
  const out: string[] = []
  let current = ''
  for (const token of line.split(/(\s+)/)) {
    if (token === '') continue
    const candidate = current + token
    if (measure(candidate) <= width) {
      current = candidate
      continue
    }
    if (/^\s+$/.test(token)) {
      // A space at a break point is dropped: it would only push the next line's text to the right.
      out.push(current)
      current = ''
      continue
    }
    if (current.trim() !== '') out.push(current.trimEnd())
    current = ''
    for (const piece of breakWord(token, width, measure)) {
      if (current !== '') out.push(current)
      current = piece
    }
  }
  if (current !== '' || out.length === 0) out.push(current.trimEnd())
  return out
}

function breakWord(word: string, width: number, measure: (s: string) => number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const ch of word) {
    if (piece !== '' && measure(piece + ch) > width) {
      pieces.push(piece)
      piece = ''
    }
    piece += ch
  }
  if (piece !== '') pieces.push(piece)
  return pieces
}

/** Places blocks on as many pages as they need. Always returns at least one page. */
export function layoutBlocks(blocks: TextBlock[], measure: Measure, geometry: PageGeometry = A4): LaidOutPage[] {
  const pages: LaidOutPage[] = [{ runs: [], rules: [] }]
  const bottom = geometry.height - geometry.marginBottom
  let y = geometry.marginTop
  const newPage = () => {
    pages.push({ runs: [], rules: [] })
    y = geometry.marginTop
  }
  const page = () => pages[pages.length - 1] as LaidOutPage
  for (const block of blocks) {
    const size = block.size ?? 10
    const lineHeight = size * LINE_SPACING
    if (block.pageBreakBefore && (page().runs.length > 0 || page().rules.length > 0)) newPage()
    if (y > geometry.marginTop) y += block.spaceBefore ?? 0
    const left = geometry.marginLeft + (block.indent ?? 0)
    const right = geometry.width - geometry.marginRight
    if (block.rule) {
      if (y + lineHeight / 2 > bottom) newPage()
      page().rules.push({ x0: left, x1: right, y: y + lineHeight / 2 })
      y += lineHeight
      continue
    }
    const font = block.font ?? 'regular'
    const labelWidth = block.label ? (block.labelWidth ?? measure(block.label + ' ', 'bold', size)) : 0
    const textLeft = left + labelWidth
    const lines = block.text
      .split('\n')
      .flatMap((line) => wrapLine(line, right - textLeft, (s) => measure(s, font, size)))
    lines.forEach((line, i) => {
      if (y + lineHeight > bottom) newPage()
      const baseline = y + size
      if (i === 0 && block.label) page().runs.push({ x: left, y: baseline, font: 'bold', size, text: block.label })
      if (line !== '') page().runs.push({ x: textLeft, y: baseline, font, size, text: line })
      y += lineHeight
    })
  }
  return pages
}
