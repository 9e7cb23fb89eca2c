import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { pdfWithJavaScript } from '../../test/fixtures/disclosure/leaky-pdfs.js'
import { buildPdf, lines, onePage } from '../../test/fixtures/disclosure/raw-pdf.js'
import { buildDocx } from '../../test/fixtures/disclosure/zip.js'
import type { DetectedSpan, DetectOptions } from './detect/types.js'
import { readPageTexts } from './pdf/index.js'
import { buildBundle, BundleOptionsError, type BundleInput, type BundleOptions } from './pipeline.js'

const input = (name: string, bytes: Buffer | Uint8Array): BundleInput => ({ name, bytes: new Uint8Array(bytes) })
const pdf = (...text: string[]) => buildPdf(onePage(lines(...text)), '<</Root 1 0 R>>')
const eml = (subject: string, body: string, messageId = '<a1@example.com>') =>
  Buffer.from(
    `From: Jane Doe <jane@example.com>\r\nTo: pc.green@police.example\r\nSubject: ${subject}\r\nMessage-ID: ${messageId}\r\n` +
      `Date: Tue, 5 May 2026 14:00:00 +0100\r\n\r\n${body}\r\n`,
  )
const options: BundleOptions = {
  reference: 'SAR-2026-0042',
  controllerName: 'Testshire Constabulary',
  date: '14 May 2026',
}
const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '')

describe('buildBundle', () => {
  it('assembles cover, contents, documents and schedule, every page stamped', async () => {
    const result = await buildBundle(
      [
        input('letter.pdf', pdf('Dear Mr Smith,', 'Jane Doe called about you.')),
        input('call.eml', eml('Call with Jane Doe', 'Notes of the call.')),
        input('notes.docx', buildDocx('Jane Doe said hello.')),
      ],
      { ...options, terms: ['Jane Doe'] },
    )
    expect(result.failures).toEqual([])
    expect(result.verification.ok).toBe(true)
    const pages = readPageTexts(result.pdf)
    expect(pages).toHaveLength(result.pageCount)
    expect(pages[0]).toContain('SAR-2026-0042')
    expect(pages[0]).toContain('Testshire Constabulary')
    expect(pages[0]).toContain('14 May 2026')
    expect(pages[1]).toMatch(/Contents/)
    expect(result.documents.map((d) => [d.title, d.firstPage])).toEqual([
      ['letter.pdf', 3],
      ['Call with Jane Doe', 4],
      ['notes.docx', 5],
    ])
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length} — SAR-2026-0042`))
    expect(pages[2]).toContain('Dear Mr Smith,')
    // The email subject in the contents, the letter, the email (title, sender, subject line) and the Word text.
    expect(result.schedule.map((e) => e.page)).toEqual([2, 3, 4, 4, 4, 5])
    const schedule = pages[pages.length - 1] ?? ''
    expect(schedule).toContain('Redaction schedule')
    expect(schedule).toMatch(/1\s+2\s+Information about another person\s+S2P3_16_THIRD\s+DPA 2018 Sch 2 Part 3 para 16/)
    expect(squash(pages.join('\n'))).not.toContain('janedoe')
  })

  it('encrypts with AES-256 when given a password', async () => {
    const result = await buildBundle([input('a.pdf', pdf('Jane Doe was there'))], {
      ...options,
      terms: ['Jane Doe'],
      password: 'Tr1cky-Pass',
    })
    expect(result.verification.ok).toBe(true)
    expect(() => readPageTexts(result.pdf)).toThrow(/password/)
    expect(readPageTexts(result.pdf, 'Tr1cky-Pass')[2]).toContain('was there')
    const info = execFileSync('pdfinfo', ['-upw', 'Tr1cky-Pass', '-'], { input: Buffer.from(result.pdf) }).toString()
    expect(info).toMatch(/Encrypted:\s+yes.*AES-256/)
  })

  it('with --auto removes every non-subject detection everywhere, keeping the subject and staff', async () => {
    const detect = (text: string, _o: DetectOptions): DetectedSpan[] => {
      const found: DetectedSpan[] = []
      const mark = (needle: string, type: DetectedSpan['type']) => {
        const start = text.indexOf(needle)
        if (start >= 0)
          found.push({ start, end: start + needle.length, type, text: needle, score: 0.9, recogniser: 'test' })
      }
      mark('Bob Smith', 'SUBJECT')
      mark('PC Green', 'STAFF')
      // Found only on the first document: propagation must still remove it from the second.
      if (text.includes('Statement')) mark('Mary Major', 'PERSON')
      mark('07700 900123', 'PHONE')
      return found
    }
    const result = await buildBundle(
      [
        input('a.pdf', pdf('Statement', 'Bob Smith met Mary Major and PC Green.', 'Call 07700 900123.')),
        input('b.pdf', pdf('Later Mary Major phoned Bob Smith.')),
      ],
      { ...options, auto: true, detect, subject: { names: ['Bob Smith'] } },
    )
    expect(result.verification.ok).toBe(true)
    const all = squash(readPageTexts(result.pdf).join('\n'))
    expect(all).not.toContain('marymajor')
    expect(all).not.toContain('07700900123')
    expect(all).toContain('bobsmith')
    expect(all).toContain('pcgreen')
    expect(result.schedule.map((e) => e.kind)).toEqual(['PERSON', 'PHONE', 'PERSON'])
  })

  it('lists each unusable file with its reason and bundles the rest', async () => {
    const result = await buildBundle(
      [
        input('good.pdf', pdf('Good document')),
        input('cut.pdf', pdf('x').subarray(0, 200)),
        input('bomb.docx', buildDocx('hi', [{ name: 'word/media/x.xml', data: Buffer.alloc(32 * 1024 * 1024) }])),
        input('script.pdf', pdfWithJavaScript()),
      ],
      options,
    )
    expect(result.failures.map((f) => f.document)).toEqual(['cut.pdf', 'bomb.docx', 'script.pdf'])
    expect(result.failures.map((f) => f.error).join('\n')).toMatch(/truncated[\s\S]*zip bomb[\s\S]*JavaScript/)
    expect(result.documents.map((d) => d.title)).toEqual(['good.pdf'])
    expect(result.verification.ok).toBe(true)
  })

  it('collapses exact duplicates and flags the same email found twice', async () => {
    const result = await buildBundle(
      [
        input('a.pdf', pdf('Same')),
        input('copy.pdf', pdf('Same')),
        input('inbox.eml', eml('Hello', 'Body')),
        input('sent.eml', Buffer.concat([Buffer.from('X-Folder: Sent\r\n'), eml('Hello', 'Body')])),
      ],
      options,
    )
    expect(result.documents.map((d) => d.sourceName)).toEqual(['a.pdf', 'inbox.eml', 'sent.eml'])
    expect(result.duplicates).toEqual([{ sourceName: 'copy.pdf', sameAs: 'a.pdf' }])
    expect(result.nearDuplicates).toEqual([{ reason: 'same Message-ID', sourceNames: ['inbox.eml', 'sent.eml'] }])
  })

  it('produces the machine-readable export from the verified text', async () => {
    const result = await buildBundle([input('call.eml', eml('About Jane Doe', 'Jane Doe rang.'))], {
      ...options,
      terms: ['Jane Doe'],
      exportData: true,
    })
    const files = Object.fromEntries((result.exportFiles ?? []).map((f) => [f.name, f.content]))
    expect(Object.keys(files)).toEqual(['bundle.json', 'documents.csv', 'redactions.csv', 'schema.json'])
    const bundle = JSON.parse(files['bundle.json'] ?? '{}')
    expect(bundle.documents[0]).toMatchObject({ number: 1, title: 'About [redacted]', kind: 'email', firstPage: 3 })
    expect(bundle.documents[0].text).toContain('rang.')
    expect(squash(Object.values(files).join('\n'))).not.toContain('janedoe')
    expect(files['redactions.csv']?.split('\r\n')[0]).toBe('number,page,kind,description,exemption_code,citation')
  })

  it('refuses options that make no sense before doing anything', async () => {
    await expect(buildBundle([], { ...options, exemption: 'MADE_UP' })).rejects.toThrow(BundleOptionsError)
    await expect(buildBundle([], { ...options, password: 'a,b=c d' })).rejects.toThrow(/password/)
  })
})
