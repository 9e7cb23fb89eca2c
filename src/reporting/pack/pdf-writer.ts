// A small flowing-layout writer over pdf-lib for A4 reports: headings, wrapped paragraphs, GOV.UK-style tables that
// carry on across pages with their header repeated, charts, and a running header and footer on every page.
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib'
import type * as PdfLib from 'pdf-lib'
import { lazyRequire } from '../../lazy-require.js'

const pdfLib = lazyRequire<typeof PdfLib>('pdf-lib')
import type { ChartModel, DataTable } from '../charts/model.js'
import { GOVUK } from '../charts/model.js'
import { chartHeightFor, drawChartPdf, hexColour, pdfSafe, type PdfFonts } from '../charts/pdf.js'
import { layoutColumns, naturalWidth, wrapText } from './pdf-text.js'

export const A4: [number, number] = [595.28, 841.89]
const MARGIN = { left: 50, right: 50, top: 64, bottom: 64 }
const CONTENT_WIDTH = A4[0] - MARGIN.left - MARGIN.right

type RowStyle = 'plain' | 'total' | 'alert'

/** Charts are drawn narrower than the text (readable at 9 pt) so a chart and its title fit beside other content. */
const CHART_WIDTH_PT = 460

export interface TextStyle {
  size?: number
  bold?: boolean
  colour?: string
  /** Space after, in points. */
  after?: number
}

export class PdfWriter {
  /** The heading of each page, in order (a continued section repeats its heading with "(continued)"). */
  readonly pages: string[] = []
  private page!: PDFPage
  private y = 0
  private section = ''
  private tableSize = 9.5

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
  ) {}

  static async create(title: string, author: string, created: Date): Promise<PdfWriter> {
    const { PDFDocument, StandardFonts } = pdfLib()
    const doc = await PDFDocument.create()
    doc.setTitle(title)
    doc.setAuthor(author)
    doc.setCreator('Rightsdesk')
    doc.setProducer('Rightsdesk (pdf-lib)')
    doc.setCreationDate(created)
    doc.setModificationDate(created)
    const fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    }
    return new PdfWriter(doc, fonts)
  }

  get contentWidth(): number {
    return CONTENT_WIDTH
  }

  get pageIndex(): number {
    return this.pages.length - 1
  }

  /** Starts a new page with the section heading at the top. */
  newPage(heading: string, options: { showHeading?: boolean } = {}): void {
    this.page = this.doc.addPage(A4)
    this.y = A4[1] - MARGIN.top
    this.section = heading
    this.pages.push(heading)
    if (options.showHeading !== false) this.text(heading, { size: 18, bold: true, after: 10 })
  }

  private continued(): void {
    const heading = this.section.endsWith('(continued)') ? this.section : `${this.section} (continued)`
    this.newPage(heading)
    this.section = heading
  }

  /** Moves to a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.continued()
  }

  space(points: number): void {
    this.y -= points
  }

  private font(bold?: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular
  }

  /** A wrapped paragraph at the left margin (or at `indent`). */
  text(value: string, style: TextStyle = {}, indent = 0): void {
    const size = style.size ?? 10
    const font = this.font(style.bold)
    const lineHeight = size * 1.3
    for (const line of wrapText(pdfSafe(value, font), font, size, CONTENT_WIDTH - indent)) {
      this.ensure(lineHeight)
      this.y -= size
      this.page.drawText(line, {
        x: MARGIN.left + indent,
        y: this.y,
        size,
        font,
        color: hexColour(style.colour ?? GOVUK.black),
      })
      this.y -= lineHeight - size
    }
    this.y -= style.after ?? 6
  }

  /** A sub-heading kept with at least `keep` points of what follows. */
  heading(value: string, keep = 80): void {
    this.ensure(keep)
    this.space(6)
    this.text(value, { size: 13, bold: true, after: 6 })
  }

  /** Large numbers in boxes across the page, GOV.UK "key figure" style. */
  keyFigures(items: readonly { value: string; label: string; alert?: boolean }[]): void {
    const gap = 10
    const width = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length
    const height = 78
    this.ensure(height + 10)
    items.forEach((item, i) => {
      const x = MARGIN.left + i * (width + gap)
      const colour = hexColour(item.alert ? GOVUK.red : GOVUK.blue)
      this.page.drawRectangle({ x, y: this.y - height, width, height, color: hexColour(GOVUK.lightGrey) })
      this.page.drawRectangle({ x, y: this.y - height, width: 4, height, color: colour })
      const value = pdfSafe(item.value, this.fonts.bold)
      // Shrink a long value to fit its box rather than run into the next one.
      const size = Math.min(22, (22 * (width - 20)) / Math.max(1, this.fonts.bold.widthOfTextAtSize(value, 22)))
      this.page.drawText(value, {
        x: x + 12,
        y: this.y - 32,
        size,
        font: this.fonts.bold,
        color: colour,
      })
      wrapText(pdfSafe(item.label, this.fonts.regular), this.fonts.regular, 9, width - 20)
        .slice(0, 3)
        .forEach((line, l) => {
          this.page.drawText(line, {
            x: x + 12,
            y: this.y - 48 - l * 11,
            size: 9,
            font: this.fonts.regular,
            color: hexColour(GOVUK.black),
          })
        })
    })
    this.y -= height + 14
  }

  /** A table with a bold caption and header; long tables continue on the next page with the header repeated. */
  table(table: DataTable, options: { empty?: string } = {}): void {
    const pad = 4
    // Wide tables (the at-risk list) step down to 8.5 pt before they wrap.
    const size = naturalWidth(table, this.fonts, 9.5, pad) <= CONTENT_WIDTH ? 9.5 : 8.5
    this.tableSize = size
    const widths = layoutColumns(table, this.fonts, size, CONTENT_WIDTH, pad)
    const cells = (row: readonly string[], bold: boolean) =>
      row.map((cell, c) => wrapText(pdfSafe(cell, this.font(bold)), this.font(bold), size, (widths[c] ?? 40) - 2 * pad))
    const header = cells(table.headers, true)
    const rowHeight = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * size * 1.25 + 2 * pad
    // Keep a table whole when it fits on a page; otherwise at least its caption, header and first row together.
    const whole = 18 + rowHeight(header) + table.rows.reduce((sum, row) => sum + rowHeight(cells(row, false)), 20)
    const page = A4[1] - MARGIN.top - MARGIN.bottom - 40
    this.ensure(
      whole <= page ? whole : 18 + rowHeight(header) + (table.rows[0] ? rowHeight(cells(table.rows[0], false)) : 20),
    )
    this.text(table.caption, { size: 10.5, bold: true, after: 4 })
    this.row(header, widths, table, 'total', rowHeight(header))
    if (table.rows.length === 0) this.text(options.empty ?? 'None.', { size, colour: GOVUK.darkGrey })
    for (const [index, row] of table.rows.entries()) {
      const lines = cells(row, table.alertRows?.includes(index) === true)
      if (this.y - rowHeight(lines) < MARGIN.bottom) {
        this.continued()
        this.row(header, widths, table, 'total', rowHeight(header))
      }
      const style = table.alertRows?.includes(index)
        ? 'alert'
        : row[0] === 'Total' || row[0] === 'All cases'
          ? 'total'
          : 'plain'
      this.row(lines, widths, table, style, rowHeight(lines))
    }
    this.y -= 12
  }

  /** 'total' rows (and the header) are bold over a black rule; 'alert' rows are bold red. */
  private row(lines: string[][], widths: number[], table: DataTable, style: RowStyle, height: number): void {
    const size = this.tableSize
    const bold = style !== 'plain'
    const font = this.font(bold)
    const colour = hexColour(style === 'alert' ? GOVUK.red : GOVUK.black)
    let x = MARGIN.left
    lines.forEach((cellLines, c) => {
      const width = widths[c] ?? 40
      const numeric = table.numericColumns.includes(c)
      cellLines.forEach((line, l) => {
        const lineX = numeric ? x + width - 4 - font.widthOfTextAtSize(line, size) : x + 4
        this.page.drawText(line, {
          x: lineX,
          y: this.y - 4 - size - l * size * 1.25,
          size,
          font,
          color: colour,
        })
      })
      x += width
    })
    this.y -= height
    const line = { start: { x: MARGIN.left, y: this.y }, end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y } }
    const rule = style === 'total'
    this.page.drawLine({ ...line, thickness: rule ? 1 : 0.5, color: hexColour(rule ? GOVUK.black : GOVUK.midGrey) })
  }

  /** The chart with its title above it, kept together on one page. */
  chart(model: ChartModel): void {
    const height = chartHeightFor(CHART_WIDTH_PT)
    this.ensure(height + 30)
    this.text(model.title, { size: 12, bold: true, after: 4 })
    this.y -= height
    drawChartPdf(this.page, model, { x: MARGIN.left, y: this.y, width: CHART_WIDTH_PT }, this.fonts)
    this.y -= 10
  }

  /** Draws a line of text on an earlier page (used for the contents list once page numbers are known). */
  drawAt(pageIndex: number, x: number, y: number, value: string, style: TextStyle = {}): void {
    const page = this.doc.getPage(pageIndex)
    const font = this.font(style.bold)
    page.drawText(pdfSafe(value, font), {
      x,
      y,
      size: style.size ?? 10,
      font,
      color: hexColour(style.colour ?? GOVUK.black),
    })
  }

  get cursor(): { page: number; y: number } {
    return { page: this.pageIndex, y: this.y }
  }

  /** Header (protective marking) and footer (what, when, page n of N) on every page, then the bytes. */
  async finish(marking: string, footer: string): Promise<Uint8Array> {
    const total = this.doc.getPageCount()
    this.doc.getPages().forEach((page, i) => {
      const size = 8.5
      const markingWidth = this.fonts.bold.widthOfTextAtSize(marking, 9)
      page.drawText(marking, { x: (A4[0] - markingWidth) / 2, y: A4[1] - 32, size: 9, font: this.fonts.bold })
      page.drawText(pdfSafe(footer, this.fonts.regular), {
        x: MARGIN.left,
        y: 34,
        size,
        font: this.fonts.regular,
        color: hexColour(GOVUK.darkGrey),
      })
      const pageText = `Page ${i + 1} of ${total}`
      const width = this.fonts.regular.widthOfTextAtSize(pageText, size)
      page.drawText(pageText, {
        x: A4[0] - MARGIN.right - width,
        y: 34,
        size,
        font: this.fonts.regular,
        color: hexColour(GOVUK.darkGrey),
      })
    })
    return this.doc.save()
  }
}

export const PAGE_MARGIN = MARGIN
