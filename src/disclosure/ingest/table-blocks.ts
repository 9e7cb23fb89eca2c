import type { TextBlock } from '../pdf/index.js'

export interface Sheet {
  name: string
  rows: string[][]
}

/** Characters per line of 8 pt Courier between the page margins. */
const LINE_CHARS = 100
const MAX_CELL = 40

/**
 * A table as text blocks: aligned columns in a fixed-width font when it fits the page, otherwise one record per
 * row ("Header: value" lines), so no cell is ever cut off.
 */
export function tableBlocks(title: string, sheets: Sheet[]): TextBlock[] {
  const blocks: TextBlock[] = [{ text: title, font: 'bold', size: 13 }]
  for (const sheet of sheets) {
    if (sheets.length > 1 || sheet.name)
      blocks.push({ text: sheet.name || 'Sheet', font: 'bold', size: 11, spaceBefore: 10 })
    if (sheet.rows.length === 0) {
      blocks.push({ text: '(empty)', spaceBefore: 4 })
      continue
    }
    const widths = columnWidths(sheet.rows)
    const fits = widths.every((w) => w <= MAX_CELL) && widths.reduce((a, b) => a + b + 3, -3) <= LINE_CHARS
    blocks.push(...(fits ? alignedRows(sheet.rows, widths) : recordRows(sheet.rows)))
  }
  return blocks
}

function columnWidths(rows: string[][]): number[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      const longest = Math.max(...cell.split('\n').map((l) => l.length))
      widths[i] = Math.max(widths[i] ?? 0, longest)
    })
  }
  return widths
}

function alignedRows(rows: string[][], widths: number[]): TextBlock[] {
  const line = (row: string[]) =>
    widths
      .map((w, i) => (row[i] ?? '').replace(/\n/g, ' ').padEnd(w))
      .join(' | ')
      .trimEnd()
  const [header, ...body] = rows
  const text = [line(header ?? []), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n')
  return [{ text, font: 'mono', size: 8, spaceBefore: 6 }]
}

function recordRows(rows: string[][]): TextBlock[] {
  const [header = [], ...body] = rows
  const blocks: TextBlock[] = []
  body.forEach((row, r) => {
    blocks.push({ text: `Row ${r + 2}`, font: 'bold', size: 9, spaceBefore: 8 })
    row.forEach((cell, i) => {
      if (cell.trim() !== '') blocks.push({ label: `${header[i]?.trim() || `Column ${i + 1}`}:`, text: cell, size: 9 })
    })
  })
  return blocks
}
