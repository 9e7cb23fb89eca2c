import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { fileTypeFromBuffer } from 'file-type'
import { withOcrLayer } from '../ocr/ocr-layer.js'
import { inspectPdf, PdfInputError, renderImagePdf, renderTextPdf } from '../pdf/index.js'
import { sha256, type IngestContext } from './context.js'
import { ingestEml } from './eml.js'
import { ingestMbox } from './mbox.js'
import { ingestMsg } from './msg.js'
import { finish, ingestDocx, ingestXlsx } from './office.js'
import { tableBlocks } from './table-blocks.js'
import { classifyText, decodeText } from './text-decode.js'
import { DEFAULT_LIMITS, IngestError, type IngestedDocument, type IngestLimits, type IngestResult } from './types.js'

const MAX_CSV_ROWS = 100_000

/**
 * Turns one file into the case's documents, each as PDF pages with a text layer. The type comes from the content
 * (magic numbers, then text sniffing), never the name. Never throws: a file that cannot be used comes back with
 * `error` saying why, so one bad file never stops the rest of a bundle.
 */
export async function ingestFile(
  bytes: Uint8Array,
  filename: string,
  limits: Partial<IngestLimits> = {},
): Promise<IngestResult> {
  const ctx = makeContext({ ...DEFAULT_LIMITS, ...limits })
  return ingestAt(bytes, filename, ctx)
}

function makeContext(limits: IngestLimits): IngestContext {
  const ctx: IngestContext = {
    limits,
    depth: 0,
    counter: { documents: 0 },
    nested: (bytes, name, depth) => ingestAt(bytes, name, { ...ctx, depth }),
  }
  return ctx
}

async function ingestAt(bytes: Uint8Array, sourceName: string, ctx: IngestContext): Promise<IngestResult> {
  try {
    if (bytes.byteLength > ctx.limits.maxBytes) {
      throw new IngestError(`the file is ${mb(bytes.byteLength)}; the limit is ${mb(ctx.limits.maxBytes)}`)
    }
    if (bytes.byteLength === 0) throw new IngestError('the file is empty')
    const documents = await dispatch(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), sourceName, ctx)
    for (const doc of documents) await readByOcr(doc)
    ctx.counter.documents += documents.length
    if (ctx.counter.documents > ctx.limits.maxDocumentsPerFile) {
      throw new IngestError(`the file holds more than ${ctx.limits.maxDocumentsPerFile} documents`)
    }
    return { documents }
  } catch (err) {
    return { documents: [], error: describe(err) }
  }
}

/**
 * OCR at ingest (ocr/ocr-layer.ts): pages only a person could read (scans, photographs, letters drawn as shapes) get
 * an invisible text layer of what OCR read, so detection, search and review work on them. A document nested in
 * another (an attachment) was already read when it was ingested itself.
 */
async function readByOcr(doc: IngestedDocument): Promise<void> {
  if (doc.ocrPages) return
  const { pdf, pages } = await withOcrLayer(doc.pdf)
  doc.ocrPages = pages
  if (pages.length === 0) return
  doc.pdf = pdf
  doc.needsManualReview = true
  doc.warnings.push(
    `${pages.length === 1 ? 'page' : 'pages'} ${pages.join(', ')} read by OCR: check what was read, and look for ` +
      'faces, signatures and handwriting, which OCR does not find',
  )
}

function describe(err: unknown): string {
  if (err instanceof IngestError || err instanceof PdfInputError) return err.message
  // Anything else is a parser failing on input it did not expect: still this file's problem, said plainly.
  return `the file could not be read (${err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)})`
}

async function dispatch(buf: Buffer, sourceName: string, ctx: IngestContext): Promise<IngestedDocument[]> {
  const source = { sourceName, sha256: sha256(buf), title: path.basename(sourceName.split(' › ').pop() ?? sourceName) }
  const type = await fileTypeFromBuffer(buf)
  switch (type?.ext) {
    case 'pdf':
      return [pdfDocument(buf, source, ctx)]
    case 'docx':
      return [await ingestDocx(buf, source, ctx)]
    case 'xlsx':
      return [await ingestXlsx(buf, source, ctx)]
    case 'jpg':
    case 'png':
      return [imageDocument(buf, source, type?.ext === 'png' ? 'png' : 'jpeg')]
    case 'cfb':
      return ingestMsg(buf, source, ctx)
    case 'zip':
      throw new IngestError('a ZIP archive that is not a Word or Excel document: unpack it and add the files')
    case undefined:
      return textDocuments(buf, source, ctx)
    default:
      throw new IngestError(`unsupported file type: ${type?.ext} (${type?.mime})`)
  }
}

function pdfDocument(
  buf: Buffer,
  source: { sourceName: string; sha256: string; title: string },
  ctx: IngestContext,
): IngestedDocument {
  const inspection = inspectPdf(buf, { maxPages: ctx.limits.maxPagesPerDocument })
  const warnings = inspection.repaired
    ? ['the PDF was damaged and has been repaired: compare its pages with the original']
    : []
  return {
    ...source,
    kind: 'pdf',
    pdf: new Uint8Array(buf),
    pageCount: inspection.pageCount,
    needsManualReview: inspection.repaired,
    warnings,
  }
}

function imageDocument(
  buf: Buffer,
  source: { sourceName: string; sha256: string; title: string },
  kind: 'png' | 'jpeg',
): IngestedDocument {
  // The picture is read by OCR when it is ingested (readByOcr), which also marks it for a person to look at.
  return finish([renderImagePdf(buf, `Image: ${source.title}`, kind)], source, 'image', [])
}

async function textDocuments(
  buf: Buffer,
  source: { sourceName: string; sha256: string; title: string },
  ctx: IngestContext,
): Promise<IngestedDocument[]> {
  const text = decodeText(buf)
  if (text === undefined) throw new IngestError('unrecognised binary file: not a type we can read')
  switch (classifyText(text)) {
    case 'mbox':
      return ingestMbox(text, source.sourceName, ctx)
    case 'email':
      return ingestEml(buf, source, ctx)
    case 'csv':
      return [
        finish([renderTextPdf(tableBlocks(source.title, [{ name: '', rows: parseTable(text) }]))], source, 'csv', []),
      ]
    case 'text':
      return [
        finish(
          [
            renderTextPdf([
              { text: source.title, font: 'bold', size: 13 },
              { text, spaceBefore: 8 },
            ]),
          ],
          source,
          'text',
          [],
        ),
      ]
  }
}

function parseTable(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0)
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]
  try {
    const rows = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][]
    if (rows.length > MAX_CSV_ROWS)
      throw new IngestError(`the table has ${rows.length} rows; the limit is ${MAX_CSV_ROWS}`)
    return rows
  } catch (err) {
    if (err instanceof IngestError) throw err
    throw new IngestError(`the CSV file cannot be parsed (${err instanceof Error ? err.message : String(err)})`)
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
}
