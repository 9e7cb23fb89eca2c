import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib'
import type * as PdfLib from 'pdf-lib'
import { lazyRequire } from '../lazy-require.js'

const pdfLib = lazyRequire<typeof PdfLib>('pdf-lib')

/** What goes on the page around the body text (DESIGN: letters are templates; this is only layout). */
export interface LetterForPdf {
  letterhead: { name: string; addressLines: readonly string[]; email: string; phone: string }
  recipient: { name: string; addressLines: readonly string[] }
  date: string
  reference: string
  subject: string
  body: string
  /** Protective marking printed at the top and bottom of every page (Government Security Classifications). */
  marking?: string
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 56.7 // 20 mm
const FOOTER = 40
const BODY_SIZE = 11
const LEADING = 15
// Plain colour values (what pdf-lib's rgb() returns), so nothing loads pdf-lib before a letter is drawn.
const INK: RGB = { type: 'RGB' as RGB['type'], red: 0.043, green: 0.047, blue: 0.047 } // GOV.UK text colour #0b0c0c
const GREY: RGB = { type: 'RGB' as RGB['type'], red: 0.314, green: 0.353, blue: 0.373 } // #505a5f

interface Fonts {
  regular: PDFFont
  bold: PDFFont
}

/**
 * Helvetica only covers Windows-1252. Letters quote names and text people typed, so anything outside it is
 * transliterated (é stays; ł becomes l) rather than failing the whole letter; "?" is the last resort.
 */
function printable(font: PDFFont, text: string): string {
  let out = ''
  for (const ch of text) {
    if (canEncode(font, ch)) out += ch
    else {
      const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      out += [...plain].every((c) => canEncode(font, c)) && plain ? plain : '?'
    }
  }
  return out
}

const encodable = new Map<string, boolean>()
function canEncode(font: PDFFont, ch: string): boolean {
  let ok = encodable.get(ch)
  if (ok === undefined) {
    try {
      font.encodeText(ch)
      ok = true
    } catch {
      ok = false
    }
    encodable.set(ch, ok)
  }
  return ok
}

/** Greedy word wrap; a word longer than the line (a web address) is broken where it must be. */
export function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= width) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = word
    while (measure(line) > width) {
      let cut = line.length - 1
      while (cut > 1 && measure(line.slice(0, cut)) > width) cut--
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  if (line) lines.push(line)
  return lines
}

class Writer {
  page!: PDFPage
  y = 0
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage()
  }
  newPage() {
    this.page = this.doc.addPage(A4)
    this.y = A4[1] - MARGIN
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + FOOTER) this.newPage()
  }
  text(s: string, x: number, opts: { bold?: boolean; size?: number; colour?: typeof INK } = {}) {
    const font = opts.bold ? this.fonts.bold : this.fonts.regular
    this.page.drawText(printable(font, s), {
      x,
      y: this.y,
      size: opts.size ?? BODY_SIZE,
      font,
      color: opts.colour ?? INK,
    })
  }
  paragraph(s: string, opts: { bold?: boolean; indent?: number; bullet?: boolean; size?: number } = {}) {
    const font = opts.bold ? this.fonts.bold : this.fonts.regular
    const size = opts.size ?? BODY_SIZE
    const indent = opts.indent ?? 0
    const width = A4[0] - 2 * MARGIN - indent
    const lines = wrap(printable(font, s), width, (t) => font.widthOfTextAtSize(t, size))
    lines.forEach((line, i) => {
      this.ensure(LEADING)
      if (opts.bullet && i === 0) this.text('•', MARGIN + indent - 12)
      this.text(line, MARGIN + indent, { bold: opts.bold, size })
      this.y -= LEADING
    })
  }
}

function drawLetterhead(w: Writer, l: LetterForPdf) {
  const right = A4[0] - MARGIN
  const lines: [string, boolean][] = [
    [l.letterhead.name, true],
    ...l.letterhead.addressLines.map((a): [string, boolean] => [a, false]),
    [l.letterhead.email, false],
    [l.letterhead.phone, false],
  ]
  for (const [line, bold] of lines) {
    const font = bold ? w.fonts.bold : w.fonts.regular
    const size = bold ? 11 : 9.5
    const text = printable(font, line)
    w.text(text, right - font.widthOfTextAtSize(text, size), { bold, size, colour: bold ? INK : GREY })
    w.y -= bold ? 14 : 12
  }
}

function drawAddressAndDate(w: Writer, l: LetterForPdf) {
  w.y = Math.min(w.y, A4[1] - 150) - 6
  for (const line of [l.recipient.name, ...l.recipient.addressLines]) {
    w.text(line, MARGIN)
    w.y -= LEADING
  }
  w.y -= LEADING
  w.text(l.date, MARGIN)
  w.y -= LEADING
  w.text(`Our reference: ${l.reference}`, MARGIN)
  w.y -= 2 * LEADING
}

/** Paragraphs separated by blank lines; "## " starts a heading; "- " starts a bullet point. */
function drawBody(w: Writer, body: string) {
  for (const block of body.split(/\n{2,}/)) {
    const lines = block.split('\n')
    if (lines[0]?.startsWith('## ')) {
      w.ensure(3 * LEADING)
      w.y -= 3
      w.paragraph(lines[0].slice(3), { bold: true, size: 12 })
      w.y -= 3
      lines.shift()
    }
    for (const line of lines) {
      if (line.startsWith('- ')) w.paragraph(line.slice(2), { bullet: true, indent: 16 })
      else w.paragraph(line)
    }
    if (lines.length > 0) w.y -= LEADING * 0.6
  }
}

function drawFooters(doc: PDFDocument, fonts: Fonts, l: LetterForPdf) {
  const pages = doc.getPages()
  pages.forEach((page, i) => {
    const size = 9
    const label = `Page ${i + 1} of ${pages.length}`
    const centre = (t: string, font: PDFFont) => (A4[0] - font.widthOfTextAtSize(t, size)) / 2
    page.drawText(label, { x: centre(label, fonts.regular), y: MARGIN - 24, size, font: fonts.regular, color: GREY })
    page.drawText(printable(fonts.regular, l.reference), {
      x: MARGIN,
      y: MARGIN - 24,
      size,
      font: fonts.regular,
      color: GREY,
    })
    if (l.marking) {
      const m = l.marking
      page.drawText(m, { x: centre(m, fonts.bold), y: A4[1] - 28, size, font: fonts.bold, color: INK })
      page.drawText(m, { x: centre(m, fonts.bold), y: MARGIN - 38, size, font: fonts.bold, color: INK })
    }
  })
}

/** An A4 letter: letterhead, address, date, reference, subject, body, and "Page n of m" on every page. */
export async function letterToPdf(l: LetterForPdf): Promise<Uint8Array> {
  const doc = await pdfLib().PDFDocument.create()
  doc.setTitle(`${l.subject} (${l.reference})`)
  doc.setAuthor(l.letterhead.name)
  doc.setLanguage('en-GB')
  const fonts = {
    regular: await doc.embedFont(pdfLib().StandardFonts.Helvetica),
    bold: await doc.embedFont(pdfLib().StandardFonts.HelveticaBold),
  }
  const w = new Writer(doc, fonts)
  drawLetterhead(w, l)
  drawAddressAndDate(w, l)
  w.paragraph(l.subject, { bold: true, size: 12 })
  w.y -= LEADING * 0.6
  drawBody(w, l.body)
  drawFooters(doc, fonts, l)
  return doc.save()
}

/** The letter followed by the disclosure files (PDFs), as one file to send. */
export async function combinePdfs(first: Uint8Array, rest: readonly Uint8Array[]): Promise<Uint8Array> {
  const out = await pdfLib().PDFDocument.load(first)
  for (const bytes of rest) {
    const src = await pdfLib().PDFDocument.load(bytes)
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page)
  }
  return out.save()
}
