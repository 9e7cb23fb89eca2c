import zlib from 'node:zlib'
import * as mupdf from 'mupdf'
import { describe, expect, it } from 'vitest'
import { buildPdf, obj, onePage } from '../../../test/fixtures/disclosure/raw-pdf.js'
import { BundleWriter, readPageTexts, renderTextPdf, WorkingPdf, type Rect } from './index.js'

const TRAILER = '<</Root 1 0 R>>'

function boxOf(work: WorkingPdf, page: number, needle: string): Rect[] {
  const layer = work.textLayer(page)
  const start = layer.text.indexOf(needle)
  const b = layer.boxes
  const x0 = b[start * 4] as number
  const last = (start + needle.length - 1) * 4
  return [[x0, b[start * 4 + 1] as number, b[last + 2] as number, b[last + 3] as number]]
}

describe('WorkingPdf', () => {
  it('gives the same text with and without positions, so detection offsets fit the boxes', () => {
    const { pdf } = renderTextPdf([
      { text: 'Title', font: 'bold' },
      { label: 'From:', text: 'Zoë Ñúñez <z@example.com>' },
      { text: 'Body\n\nline 2' },
    ])
    const work = WorkingPdf.open(pdf)
    expect(work.textLayer(0).text).toBe(work.pageText(0))
    expect(work.textLayer(0).boxes.length).toBe(work.pageText(0).length * 4)
    work.destroy()
  })

  it('removes a word without touching the single-spaced lines above and below it', () => {
    const content =
      'BT /F1 12 Tf 72 700 Td (Above line with gjpqy TTT) Tj 0 -12 Td (The Secretname is here) Tj 0 -12 Td (Below LINE Tall ddd) Tj ET'
    const work = WorkingPdf.open(buildPdf(onePage(content), TRAILER))
    work.redact(0, boxOf(work, 0, 'Secretname'))
    expect(work.pageText(0)).toBe('Above line with gjpqy TTT\nThe \n is here\nBelow LINE Tall ddd\n\n')
    work.destroy()
  })

  it('blanks the image pixels under a box, not just covers them', () => {
    const pixels = zlib.deflateSync(Buffer.alloc(100 * 100 * 3, 0xc8))
    const pdf = buildPdf(
      [
        ...onePage('q 200 0 0 200 72 500 cm /Im1 Do Q BT /F1 12 Tf 100 600 Td (Watermark Secretname) Tj ET', {
          resources: '/XObject<</Im1 6 0 R>>',
        }),
        obj(
          6,
          '<</Type/XObject/Subtype/Image/Width 100/Height 100/ColorSpace/DeviceRGB/BitsPerComponent 8/Filter/FlateDecode>>',
          pixels,
        ),
      ],
      TRAILER,
    )
    const work = WorkingPdf.open(pdf)
    work.redact(0, boxOf(work, 0, 'Secretname'))
    const image = work.doc.findPage(0).get('Resources').get('XObject').get('Im1')
    const data = image.readStream().asUint8Array()
    expect(data.some((v) => v !== 0xc8)).toBe(true) // some pixels changed
    expect(data.filter((v) => v === 0xc8).length).toBeGreaterThan(data.length * 0.8) // most of the picture kept
    work.destroy()
  })
})

describe('BundleWriter', () => {
  it('stamps the foot of every page as the reader sees it, rotated pages included', () => {
    const rotated = buildPdf(onePage('BT /F1 12 Tf 72 700 Td (Rotated page) Tj ET', { page: '/Rotate 90' }), TRAILER)
    const writer = new BundleWriter()
    const works = [WorkingPdf.open(renderTextPdf([{ text: 'Upright page' }]).pdf), WorkingPdf.open(rotated)]
    for (const w of works) writer.addDocument(w)
    writer.stampPages((n, m) => `Page ${n} of ${m} — REF-1`)
    const saved = writer.save()
    const doc = mupdf.Document.openDocument(saved, 'application/pdf')
    for (let i = 0; i < 2; i++) {
      const page = doc.loadPage(i)
      const [, , , height] = page.getBounds()
      const hits = page.search(`Page ${i + 1} of 2`, 'ignore-case')
      expect(hits).toHaveLength(1)
      expect(hits[0]?.[0]?.[1]).toBeGreaterThan(height - 40) // near the bottom of the displayed page
    }
    expect(readPageTexts(saved)[1]).toContain('Rotated page')
    works.forEach((w) => w.destroy())
    writer.destroy()
  })
})
