// Text measuring for the PDF writer: word wrapping and table column widths with the real font metrics.
import type { PDFFont } from 'pdf-lib'
import type { DataTable } from '../charts/model.js'
import type { PdfFonts } from '../charts/pdf.js'

/** Breaks text into lines no wider than maxWidth; a word longer than a line is split. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (fits(candidate)) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = word
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1
      while (cut > 1 && !fits(line.slice(0, cut))) cut -= 1
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

/**
 * Column widths that fill the width. Each column wants its natural width (widest cell; measured in bold, since total
 * and alert rows are bold). Spare room goes to the first column. When the natural widths do not fit, every column
 * first gets its widest unbreakable word (so references and dates never split) and the rest of the room is shared in
 * proportion to how much more each column wanted; only if even the words do not fit are words broken.
 */
/** The width the table would take with no wrapping. */
export function naturalWidth(table: DataTable, fonts: PdfFonts, size: number, pad: number): number {
  return table.headers
    .map((header, c) => [header, ...table.rows.map((row) => row[c] ?? '')])
    .reduce((sum, cells) => sum + Math.max(...cells.map((t) => fonts.bold.widthOfTextAtSize(t, size) + 2 * pad + 2)), 0)
}

export function layoutColumns(table: DataTable, fonts: PdfFonts, size: number, width: number, pad: number): number[] {
  const measure = (text: string) => fonts.bold.widthOfTextAtSize(text, size) + 2 * pad + 2
  const column = (c: number) => [table.headers[c] ?? '', ...table.rows.map((row) => row[c] ?? '')]
  const natural = table.headers.map((_, c) => Math.max(...column(c).map(measure)))
  const minimum = table.headers.map((_, c) =>
    Math.max(
      ...column(c)
        .flatMap((t) => t.split(' '))
        .map(measure),
    ),
  )
  const total = natural.reduce((sum, w) => sum + w, 0)
  if (total <= width) return natural.map((w, c) => (c === 0 ? w + width - total : w))
  const floor = minimum.reduce((sum, w) => sum + w, 0)
  if (floor > width) return natural.map((w) => (w / total) * width)
  const wanted = total - floor
  return natural.map((w, c) => (minimum[c] ?? 0) + ((w - (minimum[c] ?? 0)) / wanted) * (width - floor))
}
