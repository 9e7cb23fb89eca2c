import { execFileSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { textAsPaths } from '../../test/fixtures/disclosure/glyph-outlines.js'
import { jpegWithExif } from '../../test/fixtures/disclosure/images.js'
import { inflateAll } from '../../test/fixtures/disclosure/inflate-all.js'
import { KEEP, LEAKY_PDFS, SECRET } from '../../test/fixtures/disclosure/leaky-pdfs.js'
import { buildPdf, lines, obj, onePage } from '../../test/fixtures/disclosure/raw-pdf.js'
import { everyReader as readers, squash } from '../../test/fixtures/disclosure/readers.js'
import { stopOcr } from './ocr/engine.js'
import { buildBundle, type BundleInput, type BundleResult } from './pipeline.js'
import { buildNeedles, verifyPdf } from './redact/index.js'

const FRAGMENTS = ['zanzibar', 'quillfeather']

afterAll(() => stopOcr())

async function bundle(inputs: BundleInput[], terms = [SECRET]) {
  return buildBundle(inputs, { reference: 'LEAK-1', controllerName: 'Testshire Police', date: '1 May 2026', terms })
}

/** Every reader of tests/fixtures/disclosure/readers.ts, OCR reading the documents' pages (not our own front matter). */
function everyReader(result: BundleResult): Promise<Record<string, string>> {
  const body = result.documents.flatMap((d) => Array.from({ length: d.pageCount }, (_, i) => d.firstPage + i))
  return readers(result.pdf, body)
}

describe('leak tests: after redaction no reader finds the secret', () => {
  it.each(Object.keys(LEAKY_PDFS))('secret %s', async (name) => {
    const input = (LEAKY_PDFS[name] as () => Buffer)()
    const before = inflateAll(input) + execFileSync('pdftotext', ['-', '-'], { input }).toString('utf8')
    expect(squash(before), 'the fixture carries the secret').toContain('quillfeather')
    const result = await bundle([{ name: 'statement.pdf', bytes: new Uint8Array(input) }])
    expect(result.failures).toEqual([])
    expect(result.verification).toMatchObject({ ok: true, survivors: [] })
    const readers = await everyReader(result)
    for (const [reader, text] of Object.entries(readers)) {
      for (const fragment of FRAGMENTS) expect(text.includes(fragment), `${reader} finds "${fragment}"`).toBe(false)
    }
    // Redaction removed the secret, not the page: the sentence next to it is still there.
    expect(readers.pdftotext).toContain(squash(KEEP))
  })

  it('secret in an image’s EXIF metadata (a camera owner name)', async () => {
    const result = await bundle([{ name: 'photo.jpg', bytes: new Uint8Array(jpegWithExif(SECRET)) }])
    expect(result.verification.ok).toBe(true)
    expect(result.documents[0]).toMatchObject({ kind: 'image', needsManualReview: true })
    const readers = await everyReader(result)
    for (const text of Object.values(readers)) expect(text).not.toContain('quillfeather')
  })

  it('secret in an email’s sender, subject, attachment name and body, and so in the contents list', async () => {
    const eml = [
      `From: "${SECRET}" <zq@example.com>`,
      'To: officer@police.example',
      `Subject: Statement from ${SECRET}`,
      'Message-ID: <leak-1@example.com>',
      'Date: Mon, 4 May 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `${KEEP}. ${SECRET.toUpperCase()} called twice.`,
      '--b1',
      `Content-Type: text/plain; name="${SECRET}.txt"`,
      `Content-Disposition: attachment; filename="${SECRET}.txt"`,
      '',
      `Notes taken by ${SECRET}`,
      '--b1--',
      '',
    ].join('\r\n')
    const result = await bundle([{ name: 'mail.eml', bytes: new Uint8Array(Buffer.from(eml)) }])
    expect(result.verification.ok).toBe(true)
    expect(result.documents.map((d) => d.kind)).toEqual(['email', 'text'])
    const readers = await everyReader(result)
    for (const text of Object.values(readers)) for (const f of FRAGMENTS) expect(text).not.toContain(f)
    expect(readers.pdftotext).toContain(squash(KEEP))
    // The contents page shows the email subject with the name blacked out.
    expect(readers.pdftotext).toContain(squash('Statement from'))
  })
})

describe('verification is not vacuous', () => {
  const needles = buildNeedles([SECRET], [], [])

  it('names the page where an unredacted secret sits, for every extractor', async () => {
    const pdf = buildPdf(onePage(lines(KEEP, `Witness: ${SECRET}`)), '<</Root 1 0 R>>')
    const result = await verifyPdf(new Uint8Array(pdf), needles)
    expect(result.ok).toBe(false)
    expect(result.survivors.map((s) => `${s.where}/${s.extractor}`).sort()).toEqual([
      'page 1/mupdf',
      'page 1/objects',
      'page 1/pdfjs',
    ])
    expect(result.survivors[0]?.needle).toBe('term 1')
  })

  it('names the page where the secret is readable only as drawn (letters as shapes), found by OCR', async () => {
    const drawn = textAsPaths(`BT /F1 14 Tf 72 600 Td (Signed ${SECRET}) Tj ET`)
    const pdf = buildPdf(onePage(`${lines(KEEP)}\n${drawn}`), '<</Root 1 0 R>>')
    const result = await verifyPdf(new Uint8Array(pdf), needles)
    expect(result.ok).toBe(false)
    expect(result.ocrPages).toEqual([1])
    expect(result.survivors.map((s) => `${s.where}/${s.extractor}`)).toEqual(['page 1/ocr'])
  })

  it('names metadata and attachments when the secret hides there', async () => {
    const pdf = buildPdf(
      [
        ...onePage(lines(KEEP), { catalog: `/Names<</EmbeddedFiles<</Names[(${SECRET}.txt) 6 0 R]>>>>` }),
        obj(6, `<</Type/Filespec/F(${SECRET}.txt)/EF<</F 7 0 R>>>>`),
        obj(7, '<</Type/EmbeddedFile>>', 'x'),
        obj(8, `<</Author(${SECRET})>>`),
      ],
      '<</Root 1 0 R/Info 8 0 R>>',
    )
    const result = await verifyPdf(new Uint8Array(pdf), needles)
    const places = new Set(result.survivors.map((s) => s.where))
    expect(places).toEqual(new Set(['metadata', 'attachment']))
  })
})
