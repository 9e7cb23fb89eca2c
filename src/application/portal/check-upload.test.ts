import { describe, expect, it } from 'vitest'
import * as hostile from '../../../test/fixtures/uploads/hostile-pdfs.js'
import { MAX_UPLOAD_BYTES, checkUpload as check, jpegIsWhole, pngIsWhole } from './check-upload.js'
import {
  corruptPngBytes,
  docxRenamedBytes,
  eicarBytes,
  heicBytes,
  heicHeaderThen,
  jpegBytes,
  pdfBytes,
  pdfWithJavaScriptBytes,
  pdfWithPageActionBytes,
  pngBytes,
  textFileBytes,
  truncatedJpegBytes,
} from './upload-fixtures.js'

// No virus scanner here: test/virus-scanning.int.test.ts drives a real clamd.
const checkUpload = (bytes: Uint8Array, opts: { truncated?: boolean } = {}) =>
  check(bytes, { ...opts, scanner: undefined })

describe('checkUpload: what is accepted, judged by content', () => {
  it('accepts a PDF, a JPEG, a PNG and an HEIC photo', async () => {
    await expect(checkUpload(await pdfBytes())).resolves.toEqual({
      ok: true,
      contentType: 'application/pdf',
      extension: 'pdf',
    })
    await expect(checkUpload(jpegBytes())).resolves.toMatchObject({ ok: true, contentType: 'image/jpeg' })
    await expect(checkUpload(pngBytes())).resolves.toMatchObject({ ok: true, contentType: 'image/png' })
    await expect(checkUpload(heicBytes())).resolves.toMatchObject({ ok: true, contentType: 'image/heic' })
  })

  it('refuses an empty file and one over the size limit (or cut off while streaming)', async () => {
    await expect(checkUpload(new Uint8Array(0))).resolves.toEqual({ ok: false, problem: 'empty' })
    await expect(checkUpload(new Uint8Array(MAX_UPLOAD_BYTES + 1))).resolves.toEqual({
      ok: false,
      problem: 'too-large',
    })
    await expect(checkUpload(jpegBytes(), { truncated: true })).resolves.toEqual({ ok: false, problem: 'too-large' })
  })

  it('refuses other types whatever they are called (a Word file or text renamed .pdf)', async () => {
    await expect(checkUpload(docxRenamedBytes())).resolves.toEqual({ ok: false, problem: 'wrong-type' })
    await expect(checkUpload(textFileBytes())).resolves.toEqual({ ok: false, problem: 'wrong-type' })
  })

  it('refuses damaged images: a JPEG cut off half way and a PNG with a bad checksum', async () => {
    await expect(checkUpload(truncatedJpegBytes())).resolves.toEqual({ ok: false, problem: 'corrupt' })
    await expect(checkUpload(corruptPngBytes())).resolves.toEqual({ ok: false, problem: 'corrupt' })
  })

  it('refuses a PDF that runs JavaScript, even in a compressed object stream or behind a hex-escaped name', async () => {
    await expect(checkUpload(await pdfWithJavaScriptBytes())).resolves.toEqual({
      ok: false,
      problem: 'active-content',
    })
    const escaped = await pdfWithPageActionBytes()
    expect(escaped.toString('latin1')).not.toContain('/JavaScript')
    await expect(checkUpload(escaped)).resolves.toEqual({ ok: false, problem: 'active-content' })
  })

  it('refuses a script ten actions deep behind hex-escaped names (/#4Aava#53cript), and 40 levels of nesting', async () => {
    const deep = hostile.deepHexEscapedScriptPdf()
    expect(deep.toString('latin1')).not.toMatch(/JavaScript|\/JS\b/)
    await expect(checkUpload(deep)).resolves.toEqual({ ok: false, problem: 'active-content' })
    await expect(checkUpload(hostile.scriptInNestedArraysPdf())).resolves.toEqual({
      ok: false,
      problem: 'active-content',
    })
  })

  it.each([
    ['a Launch action behind a reference cycle', hostile.launchBehindCyclePdf],
    ['a form that submits itself on open (/AA)', hostile.submitFormPdf],
    ['a link that opens a file on another server (GoToR)', hostile.remoteGoToPdf],
    ['an XFA form', hostile.xfaFormPdf],
    ['a document script in the /Names tree, by reference', hostile.namedScriptPdf],
    ['an attached file', hostile.attachmentPdf],
  ])('refuses a PDF with %s', async (_what, make) => {
    await expect(checkUpload(make())).resolves.toEqual({ ok: false, problem: 'active-content' })
  })

  it('accepts what ordinary letters hold (web links, open at page one) and ends on a reference cycle', async () => {
    await expect(checkUpload(hostile.ordinaryLinksPdf())).resolves.toMatchObject({ ok: true })
    await expect(checkUpload(hostile.harmlessCyclePdf())).resolves.toMatchObject({ ok: true })
  })

  it('refuses an HEIC header followed by anything that is not a picture (a test virus, noise, a cut-off photo)', async () => {
    for (const rest of [eicarBytes(), Buffer.alloc(200, 1), heicBytes().subarray(28, 300)]) {
      await expect(checkUpload(heicHeaderThen(rest))).resolves.toEqual({ ok: false, problem: 'corrupt' })
    }
    await expect(checkUpload(Buffer.concat([heicBytes(), eicarBytes()]))).resolves.toEqual({
      ok: false,
      problem: 'corrupt',
    })
  })

  it('refuses a PDF that does not open', async () => {
    const header = Buffer.from('%PDF-1.7\n%\xff\xff\xff\xff\n1 0 obj\n<< /Type /Catalog', 'latin1')
    await expect(checkUpload(Buffer.concat([header, Buffer.alloc(64, 0x20)]))).resolves.toEqual({
      ok: false,
      problem: 'corrupt',
    })
  })
})

describe('image structure checks', () => {
  it('know a whole PNG and JPEG from a partial one', () => {
    expect(pngIsWhole(pngBytes())).toBe(true)
    expect(pngIsWhole(pngBytes().subarray(0, 40))).toBe(false)
    expect(jpegIsWhole(jpegBytes())).toBe(true)
    expect(jpegIsWhole(truncatedJpegBytes())).toBe(false)
    expect(jpegIsWhole(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(false)
  })
})
