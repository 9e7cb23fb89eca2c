import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Harness } from './support/app-harness.js'
import {
  banner,
  errorSummary,
  listed,
  overviewOf,
  readCase,
  redactionCount,
  startWorkbench,
} from './support/disclosure-pages.js'

// The workbench's forms without JavaScript (issue 5, "Review"): find and redact, a drawn box, withholding, and
// what happens to bad input (the GOV.UK error summary on the same page, nothing stored).

let h: Harness
let close: () => Promise<void>

beforeAll(async () => {
  ;({ h, close } = await startWorkbench())
})
afterAll(async () => close?.())

describe('the redaction workbench forms', () => {
  it('finds and redacts without JavaScript, adds a drawn box, withholds a page and releases a document', async () => {
    const { caseId, dp, page1, page2 } = await readCase(h)
    await dp.get(page1)
    const found = await dp.post(`${page1}/find`, {
      text: 'blue  ford fiesta',
      scope: 'case',
      exemptionCode: 'S2P3_16_THIRD',
      reason: 'Identifies the neighbour',
      source: 'search',
    })
    expect(found.headers.location).toBe(`${page1}?done=found&n=1`)
    await dp.follow(found)
    expect(banner(dp)).toContain('1 occurrences found and redacted.')
    expect(listed(dp).find((r) => r.text === 'blue Ford Fiesta')).toMatchObject({ status: 'Redacted' })
    expect(listed(dp).find((r) => r.text === 'blue Ford Fiesta')!.found).toContain('Added by a search')

    const box = await dp.post(`${page1}/box`, {
      x0: '300',
      y0: '760',
      x1: '60',
      y1: '700',
      exemptionCode: 'S2P3_16_THIRD',
    })
    expect(box.headers.location).toBe(`${page1}?done=box`)
    await dp.follow(box)
    const drawn = listed(dp).find((r) => r.found.includes('Drawn as a box'))!
    expect(drawn.status).toBe('Redacted')
    const stored = await h.db.pool.query('SELECT rects, type, source FROM redactions WHERE id = $1', [drawn.id])
    expect(stored.rows[0]).toEqual({ rects: [[60, 700, 300, 760]], type: 'AREA', source: 'box' })

    await dp.get(page2)
    const held = await dp.post(`${page2}/withhold`, {
      withhold: 'yes',
      exemptionCode: 'S2P1_2_CRIME',
      reason: 'Ongoing investigation',
    })
    expect(held.headers.location).toBe(`${page2}?done=pageWithheld`)
    await dp.follow(held)
    expect(dp.$()('#page-release').text()).toContain(
      'This page is withheld (Crime and taxation, DPA 2018 Sch 2 Part 1 para 2(1)). Ongoing investigation',
    )
    await dp.get(overviewOf(caseId))
    expect(dp.$()('#documents-table').text()).toContain('1 page withheld')

    await dp.get(page1)
    await dp.follow(await dp.post(`${page1}/withhold-document`, { withhold: 'yes', exemptionCode: 'S2P4_19_LPP' }))
    expect(banner(dp)).toContain('This document will be withheld.')
    expect(dp.$()('#document-release').text()).toContain(
      'This whole document is withheld (Legal professional privilege',
    )
    await dp.follow(await dp.post(`${page1}/withhold-document`, { withhold: 'no' }))
    expect(banner(dp)).toContain('This document is no longer withheld.')
    const item = await h.db.pool.query(
      "SELECT withheld_code FROM disclosure_items WHERE case_id = $1 AND kind = 'pdf'",
      [caseId],
    )
    expect(item.rows[0].withheld_code).toBeNull()
  })

  it('refuses bad input with the error summary on the same page, and stores nothing', async () => {
    const { caseId, dp, page1 } = await readCase(h)
    await dp.get(page1)
    const [first] = listed(dp)
    const before = await redactionCount(h, caseId)
    const tries: [string, Record<string, string>, string, string][] = [
      [
        'decide',
        { redactionId: first!.id, version: first!.version, exemptionCode: 'MADE_UP', decision: 'accepted' },
        'Choose the exemption relied on',
        `#exemptionCode-${first!.id}`,
      ],
      [
        'find',
        { text: ' ', scope: 'page', exemptionCode: 'S2P3_16_THIRD' },
        'Enter at least 2 characters to find and redact',
        '#find-text',
      ],
      [
        'find',
        { text: 'Nobody Here', scope: 'document', exemptionCode: 'S2P3_16_THIRD' },
        '"Nobody Here" was not found',
        '#find-text',
      ],
      [
        'find',
        { text: 'Gary', scope: 'everywhere', exemptionCode: 'S2P3_16_THIRD' },
        'Choose where to redact the text',
        '#find-scope',
      ],
      [
        'box',
        { x0: '400', y0: '800', x1: '700', y1: '900', exemptionCode: 'S2P3_16_THIRD' },
        'Draw the box on the page',
        '#box-hint',
      ],
      [
        'box',
        { x0: 'left', y0: '1', x1: '2', y1: '3', exemptionCode: 'S2P3_16_THIRD' },
        'Draw a box on the page',
        '#box-hint',
      ],
      ['withhold', { withhold: 'yes', exemptionCode: '' }, 'Choose the exemption relied on', '#page-exemptionCode'],
      [
        'decide-all',
        { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD', reason: 'x'.repeat(501) },
        'The reason must be 500 characters or fewer',
        '#all-reason',
      ],
    ]
    for (const [path, form, message, href] of tries) {
      const res = await dp.post(`${page1}/${path}`, form)
      expect(res.statusCode, `${path} ${message}`).toBe(422)
      expect(errorSummary(dp)).toContain(message)
      expect(dp.$()('.govuk-error-summary a').attr('href'), message).toBe(href)
      // Still on the same page of the same document, with what was typed kept.
      expect(dp.$()('#page-figure > svg image').attr('href')).toBe(`${page1}/image.png`)
    }
    expect(await redactionCount(h, caseId)).toEqual(before)
    const res = await dp.post(`${page1}/find`, {
      text: 'Nobody Here',
      scope: 'document',
      exemptionCode: 'S2P3_16_THIRD',
    })
    expect(res.statusCode).toBe(422)
    expect(dp.$()('#find-text').val()).toBe('Nobody Here')
    expect(dp.$()('#find-scope-2').is(':checked')).toBe(true)
  })
})
