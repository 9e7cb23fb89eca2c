import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { picture } from '../../../test/fixtures/disclosure/images.js'
import { buildMsg } from '../../../test/fixtures/disclosure/msg.js'
import { pdfWithJavaScript } from '../../../test/fixtures/disclosure/leaky-pdfs.js'
import { buildPdf, lines, onePage } from '../../../test/fixtures/disclosure/raw-pdf.js'
import { buildDocx, buildZip } from '../../../test/fixtures/disclosure/zip.js'
import { BundleWriter, readPageTexts, renderTextPdf, WorkingPdf } from '../pdf/index.js'
import { extractText, ingestFile, readInputFile } from './index.js'

const text = (pdf: Uint8Array) => readPageTexts(pdf).join('\f')
const simplePdf = () => buildPdf(onePage(lines('Hello from a PDF')), '<</Root 1 0 R>>')

function email(parts: {
  headers?: string[]
  body?: string
  html?: string
  attachments?: { name: string; type: string; data: Buffer }[]
}) {
  const head = [
    'From: "Alice Able" <alice@example.com>',
    'To: bob@example.com',
    'Subject: Test message',
    'Date: Mon, 4 May 2026 09:30:00 +0100',
    'Message-ID: <t1@example.com>',
    'MIME-Version: 1.0',
    ...(parts.headers ?? []),
  ]
  const sections = [
    ...(parts.body !== undefined ? [`Content-Type: text/plain; charset=utf-8\r\n\r\n${parts.body}`] : []),
    ...(parts.html !== undefined ? [`Content-Type: text/html; charset=utf-8\r\n\r\n${parts.html}`] : []),
    ...(parts.attachments ?? []).map(
      (a) =>
        `Content-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${a.data.toString('base64')}`,
    ),
  ]
  const body = sections.map((s) => `--b\r\n${s}\r\n`).join('') + '--b--\r\n'
  return Buffer.from([...head, 'Content-Type: multipart/mixed; boundary="b"', '', body].join('\r\n'))
}

describe('ingest: every format becomes PDF pages with a text layer', () => {
  it('keeps a PDF as it is and counts its pages', async () => {
    const result = await ingestFile(simplePdf(), 'letter.pdf')
    expect(result.error).toBeUndefined()
    expect(result.documents[0]).toMatchObject({
      kind: 'pdf',
      title: 'letter.pdf',
      pageCount: 1,
      needsManualReview: false,
    })
    expect(result.documents[0]?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('renders a Word document’s text, then its pictures as pages marked for review', async () => {
    const docx = buildDocx('Statement of the complainant\nShe called on Tuesday.', [
      { name: 'word/media/image1.png', data: picture('png') },
    ])
    const [doc] = (await ingestFile(docx, 'statement.docx')).documents
    expect(doc).toMatchObject({ kind: 'docx', pageCount: 2, needsManualReview: true })
    expect(text(doc!.pdf)).toContain('She called on Tuesday.')
  })

  it('renders every sheet of an Excel workbook as a table', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Calls').addRows([
      ['Name', 'Number'],
      ['Jane Doe', '07700 900123'],
    ])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const [doc] = (await ingestFile(xlsx, 'calls.xlsx')).documents
    expect(doc?.kind).toBe('xlsx')
    expect(text(doc!.pdf)).toMatch(/Jane Doe\s*\|\s*07700 900123/)
  })

  it('renders CSV (found by content, whatever the name) and Windows-1252 text', async () => {
    const csv = await ingestFile(Buffer.from('name,phone\n"Doe, Jane",0123\nBob,0456\n'), 'export.dat')
    expect(csv.documents[0]?.kind).toBe('csv')
    expect(text(csv.documents[0]!.pdf)).toContain('Doe, Jane')
    const txt = await ingestFile(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]), 'note.txt')
    expect(text(txt.documents[0]!.pdf)).toContain('Café €5')
  })

  it('renders an email with its header block, then each attachment, recursively', async () => {
    const inner = email({ body: 'Forwarded note' })
      .toString()
      .replace('Subject: Test message', 'Subject: Inner message')
    const eml = email({
      body: 'Please see attached.',
      attachments: [
        { name: 'letter.pdf', type: 'application/pdf', data: simplePdf() },
        { name: 'fwd.eml', type: 'message/rfc822', data: Buffer.from(inner) },
      ],
    })
    const result = await ingestFile(eml, 'message.eml')
    expect(result.documents.map((d) => [d.kind, d.title])).toEqual([
      ['email', 'Test message'],
      ['pdf', 'letter.pdf'],
      ['email', 'Inner message'],
    ])
    const first = text(result.documents[0]!.pdf)
    expect(first).toMatch(/From: "?Alice Able"? <alice@example.com>/)
    expect(first).toMatch(/Date: Monday,? 4 May 2026 at 09:30:00 BST/)
    expect(first).toContain('Attachments: letter.pdf, fwd.eml')
    expect(first.indexOf('Subject:')).toBeLessThan(first.indexOf('Please see attached.'))
    expect(result.documents[0]?.email?.messageId).toBe('<t1@example.com>')
    expect(result.documents[1]?.sourceName).toBe('message.eml › letter.pdf')
  })

  it('renders an Outlook .msg with its attachments', async () => {
    const msg = buildMsg({
      subject: 'Outlook subject',
      body: 'Body of the message',
      from: 'Alice Able',
      email: 'alice@example.com',
      attachment: { name: 'note.txt', text: 'Attached note' },
    })
    const result = await ingestFile(msg, 'mail.msg')
    expect(result.documents.map((d) => [d.kind, d.title])).toEqual([
      ['msg', 'Outlook subject'],
      ['text', 'note.txt'],
    ])
    expect(text(result.documents[0]!.pdf)).toMatch(/From: Alice Able <alice@example.com>[\s\S]*Body of the message/)
    expect(text(result.documents[1]!.pdf)).toContain('Attached note')
  })

  it('sanitises an HTML-only body: scripts and styles vanish, hidden text shows', async () => {
    const html =
      '<style>p{color:red}</style><p>Hello <b>Bob</b></p><script>alert("run me")</script><div style="display:none">hidden note</div>'
    const [doc] = (await ingestFile(email({ html }), 'html.eml')).documents
    const body = text(doc!.pdf)
    expect(body).toContain('Hello Bob')
    expect(body).toContain('hidden note')
    expect(body).not.toMatch(/alert|run me|color:red/)
  })

  it('splits an mbox into one email per message', async () => {
    const message = (n: number) =>
      `From MAILER-DAEMON Mon Apr 18 14:23:22 2022\nMessage-ID: <m${n}@x>\nFrom: a@x.com\nSubject: Message ${n}\n\n>From here on, body ${n}\n`
    const result = await ingestFile(Buffer.from([1, 2, 3].map(message).join('\n')), 'mailbox')
    expect(result.documents.map((d) => d.title)).toEqual(['Message 1', 'Message 2', 'Message 3'])
    expect(text(result.documents[1]!.pdf)).toContain('From here on, body 2')
  })

  it('keeps JPEG and PNG as image pages marked for manual review', async () => {
    for (const kind of ['jpeg', 'png'] as const) {
      const [doc] = (await ingestFile(picture(kind), `photo.${kind}`)).documents
      expect(doc).toMatchObject({ kind: 'image', pageCount: 1, needsManualReview: true })
    }
  })

  it('extractText returns the text redaction will see', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-extract-'))
    const file = path.join(dir, 'm.eml')
    await fs.writeFile(file, email({ body: 'Body text here' }))
    const extracted = await extractText(file)
    expect(extracted).toContain('Subject: Test message')
    expect(extracted).toContain('Body text here')
    await fs.rm(dir, { recursive: true })
  })
})

describe('ingest: malformed input gets a clear error on the document', () => {
  let dir: string
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rd-ingest-'))
  })
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  const encryptedPdf = () => {
    const work = WorkingPdf.open(renderTextPdf([{ text: 'secret content' }]).pdf)
    const writer = new BundleWriter()
    writer.addDocument(work)
    const bytes = writer.save({ password: 'correct-horse' })
    work.destroy()
    writer.destroy()
    return bytes
  }

  it.each([
    ['a truncated PDF', () => simplePdf().subarray(0, 300), /truncated/],
    [
      'a corrupt PDF',
      () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41), Buffer.from('\n%%EOF\n')]),
      /damaged|no pages/,
    ],
    ['a password-protected PDF', encryptedPdf, /password-protected/],
    ['a PDF with JavaScript', pdfWithJavaScript, /JavaScript/],
    ['a truncated DOCX', () => buildDocx('x'.repeat(5000)).subarray(0, 600), /truncated|damaged/],
    ['a corrupt DOCX', () => buildDocx('', [], '<w:document><w:body><w:p>unclosed'), /Word document cannot be read/],
    [
      'a zip bomb disguised as DOCX',
      () => buildDocx('hi', [{ name: 'word/media/bomb.xml', data: Buffer.alloc(64 * 1024 * 1024) }]),
      /zip bomb/,
    ],
    [
      'a truncated EML',
      () =>
        email({ body: 'x', attachments: [{ name: 'a.pdf', type: 'application/pdf', data: simplePdf() }] }).subarray(
          0,
          500,
        ),
      /truncated/,
    ],
    [
      'a corrupt EML (binary junk)',
      () => Buffer.from([0x46, 0x72, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x00]),
      /unrecognised binary/,
    ],
    [
      'a corrupt MSG (a Compound File with nothing in it)',
      () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4088)]),
      /not a readable Outlook message/,
    ],
    ['an empty file', () => Buffer.alloc(0), /empty/],
    ['a plain ZIP archive', () => buildZip([{ name: 'notes.txt', data: Buffer.from('hello') }]), /ZIP archive/],
  ])('%s', async (_name, make, expected) => {
    const result = await ingestFile(new Uint8Array(make()), 'input.bin')
    expect(result.documents).toEqual([])
    expect(result.error).toMatch(expected)
  })

  it('refuses a 500 MB file from its size alone, without reading it', async () => {
    const file = path.join(dir, 'huge.pdf')
    await fs.writeFile(file, '')
    await fs.truncate(file, 500 * 1024 * 1024) // sparse: costs no disk
    expect(await readInputFile(file)).toEqual({ error: 'the file is 500 MB; the limit is 100 MB' })
  })

  it('refuses bytes over a configured limit', async () => {
    const result = await ingestFile(simplePdf(), 'small.pdf', { maxBytes: 100 })
    expect(result.error).toMatch(/the limit is 0.0 MB/)
  })

  it('names an email attachment it could not use, and marks the email for review', async () => {
    const eml = email({
      body: 'See attached',
      attachments: [{ name: 'locked.pdf', type: 'application/pdf', data: Buffer.from(pdfWithJavaScript()) }],
    })
    const [doc, ...rest] = (await ingestFile(eml, 'm.eml')).documents
    expect(rest).toEqual([])
    expect(doc?.needsManualReview).toBe(true)
    expect(doc?.warnings[0]).toMatch(/attachment "locked.pdf" not included: .*JavaScript/)
  })
})
