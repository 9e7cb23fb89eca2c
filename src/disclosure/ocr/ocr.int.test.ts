import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { scannedPdf, scanOf } from '../../../test/fixtures/disclosure/scans.js'
import { detect } from '../detect/detect.js'
import { ingestFile } from '../ingest/index.js'
import { readPageTexts } from '../pdf/index.js'
import { pageOcrText, prepareForReview, searchItem } from '../review/index.js'
import { ocrStarted, stopOcr } from './engine.js'

const SCAN = [
  { text: 'Witness statement', size: 16 },
  { text: 'I, Priya Ramanathan, live at 14 Elm Road, Leeds LS6 2AB. My phone number is 07700 900123.' },
  { text: 'On Tuesday I saw Jonathan Blackwood park outside the shop.' },
]

afterAll(() => stopOcr())

describe('OCR at ingest: scans and photographs are read, so proposals and search work on them', () => {
  it('a photographed page (turned 2°, noisy) gets an invisible text layer that detection and search use', async () => {
    const png = scanOf(SCAN, { angle: 2, noise: 20, dpi: 150 })
    const [doc] = (await ingestFile(new Uint8Array(png), 'photo.png')).documents
    expect(doc).toMatchObject({ kind: 'image', ocrPages: [1], needsManualReview: true })
    expect(doc!.warnings.join(' ')).toMatch(/page 1 read by OCR/)
    const text = readPageTexts(doc!.pdf)[0]!
    expect(text).toMatch(/Priya\s+Ramanathan/)
    const prepared = prepareForReview(doc!.pdf, (t) => detect(t, { subject: { names: ['Alex Morgan'] } }))
    const found = prepared.proposals.map((p) => `${p.type}:${p.text}`)
    expect(found).toEqual([
      'PERSON:Priya Ramanathan',
      'ADDRESS:14 Elm Road, Leeds LS6 2AB',
      'PHONE:07700 900123',
      'PERSON:Jonathan Blackwood',
    ])
    expect(searchItem(prepared.pdf, 'Elm Road')).toHaveLength(1)
    // Page review shows what was read.
    expect(pageOcrText(prepared.pdf, 1)).toMatch(/Witness statement/)
  })

  it('a scanned PDF page (a picture, no text) is read; a typed page is not', async () => {
    const [scan] = (await ingestFile(new Uint8Array(scannedPdf(scanOf(SCAN, { dpi: 150 }))), 'scan.pdf')).documents
    expect(scan?.ocrPages).toEqual([1])
    expect(readPageTexts(scan!.pdf)[0]).toMatch(/Jonathan\s+Blackwood/)
    const [typed] = (await ingestFile(new Uint8Array(Buffer.from('Priya Ramanathan called.')), 'note.txt')).documents
    expect(typed?.ocrPages).toEqual([])
  })

  it('reads with what npm installed: no download, nothing cached in the working directory', () => {
    expect(ocrStarted()).toBe(true)
    expect(fs.existsSync('eng.traineddata')).toBe(false)
  })
})
