import { describe, expect, it } from 'vitest'
import { detect } from '../detect/detect.js'
import { readPageTexts, renderTextPdf } from '../pdf/index.js'
import { titleNeedles } from '../bundle/index.js'
import { buildNeedles } from '../redact/index.js'
import {
  assembleReviewedBundle,
  prepareForReview,
  redactItem,
  renderPage,
  searchItem,
  textUnder,
  eachTextLayer,
  type ItemDecisions,
} from './index.js'

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '')
const twoPages = () =>
  renderTextPdf([
    { text: 'Statement of Alex Morgan' },
    { text: 'Witness: Priya Raman, 14 Elm Road, Leeds LS6 2AB' },
    { text: 'Email priya.raman@example.com' },
    { text: 'Page two mentions Priya Raman again.', pageBreakBefore: true },
    { text: 'Officer notes follow.' },
  ]).pdf

describe('the redaction workbench engine', () => {
  it('proposes third-party data with boxes on the right page and never the subject', () => {
    const prepared = prepareForReview(twoPages(), (t) => detect(t, { subject: { names: ['Alex Morgan'] } }))
    expect(prepared.pageCount).toBe(2)
    const texts = prepared.proposals.map((p) => `${p.page}:${p.type}:${p.text}`)
    expect(texts).toContain('1:EMAIL:priya.raman@example.com')
    expect(texts.some((t) => t.startsWith('1:PERSON:') && t.includes('Priya Raman'))).toBe(true)
    expect(texts.some((t) => t.includes('Alex Morgan'))).toBe(false)
    for (const p of prepared.proposals) expect(p.rects.length).toBeGreaterThan(0)
  })

  it('finds every occurrence of a searched string on every page, ignoring case and spacing', () => {
    const { pdf } = prepareForReview(twoPages())
    const found = searchItem(pdf, 'priya  RAMAN')
    expect(found.map((f) => `${f.page}:${f.text}`)).toEqual(['1:Priya Raman', '2:Priya Raman'])
    expect(searchItem(pdf, 'Priya Raman', [2]).map((f) => f.page)).toEqual([2])
  })

  it('applies accepted boxes and withheld pages; the schedule cites each code and nothing redacted survives', async () => {
    const { pdf, pageCount } = prepareForReview(twoPages())
    const hits = searchItem(pdf, 'Priya Raman')
    const item: ItemDecisions = {
      title: 'Witness statement',
      kind: 'pdf',
      pdf,
      withheldPages: new Map([[2, 'S2P1_2_CRIME']]),
      redactions: hits
        .filter((h) => h.page === 1)
        .map((h) => ({
          page: h.page,
          rects: h.rects,
          text: h.text,
          type: 'PERSON' as const,
          exemptionCode: 'S2P3_16_THIRD',
        })),
    }
    const part = redactItem(item)
    expect(part.pageCount).toBe(pageCount)
    expect(part.applied.map((a) => `${a.page}:${a.kind}:${a.exemptionCode}`)).toEqual([
      '0:PERSON:S2P3_16_THIRD',
      '1:PAGE:S2P1_2_CRIME',
    ])
    const needles = buildNeedles(['Priya Raman'], [], ['Alex Morgan'])
    const bundle = await assembleReviewedBundle([{ title: 'Witness statement', kind: 'pdf', part }], {
      reference: 'SAR-2026-0101',
      controllerName: 'Testshire Constabulary',
      date: '24 November 2026',
      needles,
    })
    expect(bundle.verification.ok).toBe(true)
    expect(bundle.exemptionCounts).toEqual({ S2P3_16_THIRD: 1, S2P1_2_CRIME: 1 })
    const all = squash(readPageTexts(bundle.pdf).join('\n'))
    expect(all).not.toContain('priyaraman')
    expect(all).toContain('statementofalexmorgan')
    expect(all).toContain('pagewithheld')
    expect(all).not.toContain('officernotesfollow')
  })

  it('never redacts the bundle’s own text: a false positive "Northshire OPCC" leaves "From: Northshire Police"', async () => {
    const { pdf } = prepareForReview(
      renderTextPdf([{ text: 'Letter from Northshire OPCC about the complaint.' }, { text: 'Signed, Priya Raman' }])
        .pdf,
    )
    const hits = searchItem(pdf, ['Northshire OPCC', 'Priya Raman'])
    const title = 'Priya Raman letter to Northshire OPCC'
    const part = redactItem({
      title,
      kind: 'pdf',
      pdf,
      withheldPages: new Map(),
      redactions: hits.map((h) => ({ ...h, type: 'PERSON' as const, exemptionCode: 'S2P3_16_THIRD' })),
    })
    const people = hits.map((h) => h.text)
    const bundle = await assembleReviewedBundle([{ title, kind: 'pdf', part }], {
      reference: 'SAR-2026-0102',
      controllerName: 'Northshire Police',
      date: '24 November 2026',
      needles: buildNeedles(people, [], ['Alex Morgan']),
      titleNeedles: titleNeedles(people, [], ['Alex Morgan']),
    })
    expect(bundle.verification.ok).toBe(true)
    const [cover, contents, , schedule] = readPageTexts(bundle.pdf).map(squash)
    expect(cover).toContain(squash('From: Northshire Police'))
    expect(contents).toContain(squash('letter to'))
    expect(contents).not.toContain('northshire')
    expect(contents).not.toContain('raman')
    expect(schedule).toContain(squash('Redaction schedule'))
  })

  it('withholds a whole document as one notice page', () => {
    const { pdf } = prepareForReview(twoPages())
    const part = redactItem({
      title: 'x',
      kind: 'pdf',
      pdf,
      withheldCode: 'S2P3_16_THIRD',
      withheldPages: new Map(),
      redactions: [],
    })
    expect(part.pageCount).toBe(1)
    expect(squash(readPageTexts(part.pdf).join(''))).not.toContain('priya')
  })

  it('reads the text under a drawn box and renders a page image with its size in points', () => {
    const { pdf } = prepareForReview(twoPages())
    const hit = searchItem(pdf, 'Leeds LS6 2AB')[0]!
    const [x0, y0, x1, y1] = hit.rects[0]!
    const image = renderPage(pdf, 1)
    expect(Buffer.from(image.png.slice(1, 4)).toString()).toBe('PNG')
    expect(image.width).toBeGreaterThan(500)
    expect(x1).toBeGreaterThan(x0)
    expect(y1).toBeGreaterThan(y0)
    const under = textUnderFirstPage(pdf, [x0 - 1, y0 - 1, x1 + 1, y1 + 1])
    expect(under).toBe('Leeds LS6 2AB')
  })
})

function textUnderFirstPage(pdf: Uint8Array, rect: [number, number, number, number]): string {
  let out = ''
  eachTextLayer(pdf, (layer) => (out = textUnder(layer, rect)), [1])
  return out
}
