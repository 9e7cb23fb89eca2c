import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { mergePdfs, renderImagePdf, renderTextPdf, type RenderedPdf } from '../pdf/index.js'
import type { IngestContext } from './context.js'
import { tableBlocks, type Sheet } from './table-blocks.js'
import { IngestError, type IngestedDocument } from './types.js'
import { checkZip, readEntry, type ZipEntry } from './zip-guard.js'

type Source = { sourceName: string; sha256: string; title: string }

/**
 * A Word document: its text (mammoth: body, tables, footnotes; tracked deletions and comments are not part of the
 * document as the author left it) followed by its pictures, each as an image page marked for manual review.
 */
export async function ingestDocx(buf: Buffer, source: Source, ctx: IngestContext): Promise<IngestedDocument> {
  const entries = checkZip(buf, ctx.limits)
  let text: string
  try {
    text = (await mammoth.extractRawText({ buffer: buf })).value
  } catch (err) {
    throw new IngestError(`the Word document cannot be read (${err instanceof Error ? err.message : String(err)})`)
  }
  const warnings: string[] = []
  const parts: RenderedPdf[] = [
    renderTextPdf([
      { text: source.title, font: 'bold', size: 13 },
      { text, spaceBefore: 8 },
    ]),
  ]
  const media = entries.filter((e) => e.name.startsWith('word/media/'))
  const pictures = media.filter((e) => /\.(png|jpe?g)$/i.test(e.name))
  for (const picture of pictures) parts.push(pictureDocument(buf, picture, warnings))
  if (media.length > pictures.length) {
    warnings.push(`${media.length - pictures.length} pictures in formats we cannot show (e.g. EMF, GIF) were left out`)
  }
  return finish(parts, source, 'docx', warnings)
}

function pictureDocument(buf: Buffer, entry: ZipEntry, warnings: string[]): RenderedPdf {
  try {
    const kind = /\.png$/i.test(entry.name) ? 'png' : 'jpeg'
    return renderImagePdf(readEntry(buf, entry), `Picture: ${entry.name.replace('word/media/', '')}`, kind)
  } catch (err) {
    warnings.push(`picture ${entry.name} could not be shown (${err instanceof Error ? err.message : String(err)})`)
    return renderTextPdf([{ text: `[Picture ${entry.name} could not be shown]`, font: 'bold' }])
  }
}

/** An Excel workbook: every sheet as a table (cell text as Excel would display it). */
export async function ingestXlsx(buf: Buffer, source: Source, ctx: IngestContext): Promise<IngestedDocument> {
  checkZip(buf, ctx.limits)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer)
  } catch (err) {
    throw new IngestError(`the Excel workbook cannot be read (${err instanceof Error ? err.message : String(err)})`)
  }
  const sheets: Sheet[] = workbook.worksheets.map((ws) => {
    const rows: string[][] = []
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = []
      for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '')
      rows.push(cells)
    })
    return { name: ws.name, rows }
  })
  return finish([renderTextPdf(tableBlocks(source.title, sheets))], source, 'xlsx', [])
}

export function finish(
  parts: RenderedPdf[],
  source: Source,
  kind: IngestedDocument['kind'],
  warnings: string[],
): IngestedDocument {
  const unrepresentable = parts.reduce((n, p) => n + p.unrepresentable, 0)
  if (unrepresentable > 0)
    warnings.push(`${unrepresentable} characters cannot be shown in the standard font and appear as "?"`)
  const merged = parts.length === 1 ? (parts[0] as RenderedPdf) : mergePdfs(parts.map((p) => p.pdf))
  return {
    title: source.title,
    kind,
    sourceName: source.sourceName,
    sha256: source.sha256,
    pdf: merged.pdf,
    pageCount: merged.pageCount,
    needsManualReview: warnings.length > 0,
    warnings,
  }
}
