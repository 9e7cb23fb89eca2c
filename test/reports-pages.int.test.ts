import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../src/domain/index.js'
import type { Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import {
  FIXTURE_OFFICE,
  FIXTURE_POLICE,
  headlineOf as headline,
  startReportsHarness,
  tableOf as table,
  type ReportFixtures,
} from './support/fixtures/reports.js'

// The compliance reports dashboard (issue 6) on the reporting engine's fixed cases: Wednesday 1 April 2026, figures
// for March 2026. The expected numbers are the ones worked out by hand in src/reporting/figures.test.ts. Downloads,
// redaction counts and figures after disposal: reports-downloads.int.test.ts.

const MARCH = `/staff/reports?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-03`

let h: Harness
let fx: ReportFixtures
/** A reviewer for both fixture organisations, and one for the office only. */
let both: StaffClient
let officeOnly: StaffClient

beforeAll(async () => {
  ;({ h, fx, both, officeOnly } = await startReportsHarness())
})
afterAll(async () => h?.close())

describe('the compliance dashboard', () => {
  it('shows the March figures for the office as worked out by hand: B late, C extended, D paused, E and F refused', async () => {
    const res = await both.get(MARCH)
    expect(res.statusCode).toBe(200)
    const $ = both.$()
    expect($('h2.govuk-heading-l').text()).toContain('Figures for March 2026')
    expect(headline(both)).toEqual({
      'Requests received': '5',
      'Requests closed': '5 | answered or withdrawn',
      'Answered on time': '75.0% | 3 of 4 responses',
      'Median time to respond': '26.5 days | calendar days from receipt',
      '90% answered within': '51 days | calendar days from receipt',
      'Open now': '7 | all types of case',
      'Overdue now': '1 | past the due date',
      'Due soon': '2 | in the next 5 working days',
    })
    expect(table(both, 'Rights requests received, by right')).toContainEqual(['Access (copy of information)', '4'])
    expect(table(both, 'Rights requests received, by how they arrived')).toContainEqual(['Total', '5'])
    expect(table(both, 'Responses sent late')).toEqual(
      [['FIX-B', 'Rectification', '9 Feb 2026', '9 Mar 2026', '16 Mar 2026', '7']].map((r) =>
        r.map((v) => v.replaceAll(' ', '\u00a0')),
      ),
    )
    expect(table(both, 'Deadlines extended by two months, by ground')).toContainEqual(['Complex request', '1'])
    expect(table(both, /^Clarification pauses/)).toEqual([
      ['Pauses started', '1'],
      ['Cases paused', '1'],
      ['Days paused in total', '7'],
      ['Still waiting for an answer', '0'],
    ])
    const refusals = table(both, 'Requests refused, by reason')
    expect(refusals).toContainEqual(['Manifestly unfounded', '1'])
    expect(refusals).toContainEqual(['Exemption applies', '1'])
    expect(table(both, 'Appeals, complaints and regulator (ICO) cases')).toEqual([
      ['Appeals (internal reviews)', '2', '1', '0', '1'],
      ['Complaints', '1', '0', '1', '1'],
      ['Regulator (ICO) cases', '1', '–', '–', '1'],
    ])
    expect(table(both, /^Search tasks not yet returned/)).toEqual([
      ['No team (sent to a person)', '1', '1', '25\u00a0Mar\u00a02026'],
      ['Professional Standards', '2', '1', '20\u00a0Mar\u00a02026'],
    ])
  })

  it('lists the overdue and at-risk cases with links to them, the overdue one tagged', async () => {
    await both.get(MARCH)
    const $ = both.$()
    const rows = table(both, /^Overdue and at-risk cases/)
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ['FIX-G', '16 days overdue'],
      ['FIX-D', '8 days left'],
      ['FIX-F', '9 days left'],
    ])
    expect($(`#at-risk ~ .govuk-grid-row table a[href="/staff/cases/${fx.ids.g}"]`).text()).toBe('FIX-G')
    expect($('#at-risk ~ .govuk-grid-row table .govuk-tag--red').text().trim()).toBe('16 days overdue')
  })

  it('draws the three charts as accessible SVG, each with its data table', async () => {
    await both.get(MARCH)
    const $ = both.$()
    const charts = $('figure svg[role="img"]')
    expect(charts.length).toBe(3)
    charts.each((_i, svg) => {
      expect($(svg).attr('aria-labelledby')).toMatch(/-title .*-desc$/)
      expect($(svg).attr('style')).toBeUndefined()
      expect($(svg).closest('figure').next('details').find('table').length).toBe(1)
    })
    expect($('#chart-received-closed title').text()).toBe('Rights requests received and closed each month')
    expect(table(both, 'Responses sent on time each month (%)').at(-1)).toEqual(['March 2026', '4', '3', '1', '75.0%'])
  })

  it('adds up a range of months: February and March together', async () => {
    await both.get(`/staff/reports?controller=${FIXTURE_OFFICE}&from=2026-02&to=2026-03`)
    expect(both.$()('h2.govuk-heading-l').text()).toContain('Figures for February 2026 to March 2026')
    // Received: B, C, E, G, I's parent… 4 rights requests in February and 5 in March; the responses were all in March.
    expect(headline(both)).toMatchObject({ 'Requests received': '9', 'Answered on time': '75.0% | 3 of 4 responses' })
  })

  it('explains a range that ends before it starts, or a month not yet begun, in an error summary', async () => {
    const res = await both.get(`/staff/reports?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-02`)
    expect(res.statusCode).toBe(400)
    const $ = both.$()
    expect($('title').text()).toMatch(/^Error:/)
    expect($('.govuk-error-summary a[href="#to"]').text()).toBe(
      'The last month must be the same as the first month or after it',
    )
    expect($('#to-error').text()).toContain('The last month must be')
    expect($('table').length).toBe(0)
    await both.get('/staff/reports?month=2026-07')
    expect(both.$()('.govuk-error-summary a').text()).toBe('Choose a month that has already started')
  })

  it('defaults to the last complete month and all the person’s organisations, and never shows another’s cases', async () => {
    await both.get('/staff/reports')
    expect(both.$()('h2.govuk-heading-l').text()).toContain('Figures for March 2026')
    // The police case P (in person, erasure) is added; none of the demo office's many March cases is.
    expect(headline(both)).toMatchObject({ 'Requests received': '6', 'Open now': '8 | all types of case' })
    await officeOnly.get('/staff/reports')
    expect(headline(officeOnly)).toMatchObject({ 'Requests received': '5', 'Open now': '7 | all types of case' })
    const $ = officeOnly.$()
    const options = $('#controller option').map((_i, o) => $(o).text())
    expect(options.get()).toEqual(['All your organisations', 'Fixture Office'])
    expect(officeOnly.last!.body).not.toContain('FIXPOL-P')
  })

  it('refuses figures for an organisation the person does not work for, on the page and in every download', async () => {
    const page = await officeOnly.get(`/staff/reports?controller=${FIXTURE_POLICE}&from=2026-03&to=2026-03`)
    expect(page.statusCode).toBe(400)
    expect(officeOnly.$()('.govuk-error-summary').text()).toContain('Choose an organisation from the list')
    expect(page.body).not.toContain('FIXPOL-P')
    for (const file of ['figures.csv', 'cases.csv']) {
      const res = await officeOnly.get(`/staff/reports/${file}?controller=${FIXTURE_POLICE}&from=2026-03&to=2026-03`)
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe(`/staff/reports?controller=${FIXTURE_POLICE}&from=2026-03&to=2026-03`)
    }
    const pack = await officeOnly.get(`/staff/reports/pack.pdf?month=2026-03&controller=northshire-opcc`)
    expect(pack.statusCode).toBe(303)
  })

  it('is refused (403) to roles without report:view', async () => {
    for (const role of ['correspondence', 'staff', 'copy-recipient', 'admin'] as Role[]) {
      const c = await new StaffClient(h.app).signInAs(role)
      for (const url of [
        '/staff/reports',
        '/staff/reports/figures.csv',
        '/staff/reports/cases.csv',
        '/staff/reports/pack.pdf',
      ])
        expect((await c.get(url)).statusCode, `${role} ${url}`).toBe(403)
      expect((await c.post('/staff/reports/pack/send', { packMonth: '2026-03' })).statusCode).toBe(403)
    }
  })
})
