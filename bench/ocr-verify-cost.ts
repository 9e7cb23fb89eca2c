/**
 * What the OCR verifier costs per page (issue 10). Three kinds of page, each verified on its own:
 *
 * - typed: our own rendered pages (standard fonts, boxes and rules). The ink check (pdf/page-ink.ts) vouches for
 *   extraction, so OCR is skipped: the cost is the check alone.
 * - shapes: letters drawn as vector paths (as some PDF printers do): the check sends the page to OCR.
 * - scanned: a picture of a page (a scan): OCR.
 * - typed, every page: the typed pages again with `--ocr-every-page`, to show what reading everything would cost.
 *
 *   npx tsx bench/ocr-verify-cost.ts [--pages 20]
 *
 * Reports milliseconds per page for the whole verification (PDF.js, MuPDF, object scan and OCR) and for OCR alone.
 */
import { parseArgs } from 'node:util'
import { glyphsOf } from '../test/fixtures/disclosure/glyph-outlines.js'
import { scannedPdf, scanOf } from '../test/fixtures/disclosure/scans.js'
import { mergePdfs, renderTextPdf } from '../src/disclosure/pdf/index.js'
import { buildNeedles, verifyPdf, type OcrMode } from '../src/disclosure/redact/index.js'
import { recogniseImage, stopOcr } from '../src/disclosure/ocr/engine.js'
import * as mupdf from 'mupdf'

const { values } = parseArgs({ options: { pages: { type: 'string', default: '20' } } })
const PAGES = Number(values.pages)
const SENTENCE =
  'On the evening of the incident the witness telephoned the control room to report that a man had been seen ' +
  'outside the property, and the officer attended shortly after ten o’clock. '

const typedPage = () => renderTextPdf([{ text: 'Statement', size: 14 }, { text: SENTENCE.repeat(14) }]).pdf

function shapesPage(): Uint8Array {
  const lines = Array.from(
    { length: 30 },
    (_, i) => `BT /F1 11 Tf 72 ${780 - i * 22} Td (${SENTENCE.slice(0, 90)}) Tj ET`,
  )
  const content = glyphsOf(lines.join('\n'))
    .map((g) => `q ${g.matrix.join(' ')} cm ${g.path} f Q`)
    .join('\n')
  const doc = new mupdf.PDFDocument()
  doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, doc.newDictionary(), content))
  const out = doc.saveToBuffer('compress').asUint8Array().slice()
  doc.destroy()
  return out
}

const scannedPage = () =>
  new Uint8Array(scannedPdf(scanOf([{ text: 'Statement', size: 14 }, { text: SENTENCE.repeat(14) }], { dpi: 200 })))

const needles = buildNeedles(['Zanzibar Quillfeather', 'Priya Ramanathan'], [], [])

async function measure(name: string, page: () => Uint8Array, ocr: OcrMode) {
  const pdf = mergePdfs(Array.from({ length: PAGES }, page)).pdf
  await verifyPdf(pdf, needles, undefined, { ocr: 'off' }) // warm PDF.js
  const t0 = performance.now()
  await verifyPdf(pdf, needles, undefined, { ocr: 'off' })
  const without = performance.now() - t0
  const t1 = performance.now()
  const v = await verifyPdf(pdf, needles, undefined, { ocr })
  const total = performance.now() - t1
  const ms = (x: number) => (x / PAGES).toFixed(0)
  console.log(`| ${name} | ${v.ocrPages.length}/${PAGES} | ${ms(total)} | ${ms(total - without)} |`)
}

// Start the OCR worker first, so its start-up (reported separately) is not charged to the first kind of page.
const start = performance.now()
await recogniseImage(scanOf([{ text: 'warm up' }], { dpi: 72 }))
console.log(`OCR worker start-up and first page: ${(performance.now() - start).toFixed(0)} ms\n`)
console.log('| pages | read by OCR | ms per page, whole verification | ms per page, OCR and ink check |')
console.log('|---|---:|---:|---:|')
await measure('typed (standard fonts)', typedPage, 'needed')
await measure('letters drawn as shapes', shapesPage, 'needed')
await measure('scanned (a picture of the page)', scannedPage, 'needed')
await measure('typed, --ocr-every-page', typedPage, 'every-page')
await stopOcr()
