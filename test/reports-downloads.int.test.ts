import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmailJob } from '../src/application/follow-up-jobs.js'
import { approveDisposalList, proposeDisposalList } from '../src/application/governance/disposal-list.js'
import { runDisposalList } from '../src/application/governance/dispose-case.js'
import { CASES_CSV_COLUMNS, FIGURES_CSV_COLUMNS, loadRedactionCounts, monthPeriod } from '../src/reporting/index.js'
import type { Harness } from './support/app-harness.js'
import type { StaffClient } from './support/casework-client.js'
import { actorFor } from './support/casework-fixtures.js'
import {
  FIXTURE_OFFICE,
  FIXTURE_POLICE,
  headlineOf as headline,
  startReportsHarness,
  tableOf as table,
  type ReportFixtures,
  type ReportsSetup,
} from './support/fixtures/reports.js'

// The compliance reports downloads (issue 6): the figures and the overdue cases as CSV with their documented columns,
// the monthly pack as a PDF and by email, redaction schedule counts, and the figures of a month after some of its
// cases are disposed of. Fixed cases as in reports-pages.int.test.ts (March 2026, as at 1 April 2026).

const MARCH = `/staff/reports?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-03`

let h: Harness
let fx: ReportFixtures
let queued: ReportsSetup['queued']
let both: StaffClient

beforeAll(async () => {
  ;({ h, fx, queued, both } = await startReportsHarness())
})
afterAll(async () => h?.close())

describe('downloads', () => {
  it('gives the figures as CSV with the documented columns, named for the month and organisation', async () => {
    const res = await both.get(`/staff/reports/figures.csv?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-03`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="compliance-figures-2026-03-fixture-office.csv"',
    )
    const lines = res.body.split('\r\n')
    expect(lines[0]).toBe(FIGURES_CSV_COLUMNS.join(','))
    const suffix = '2026-03-01,2026-03-31,2026-04-01,fixture-office'
    expect(lines).toContain(`received,total,,5,${suffix}`)
    expect(lines).toContain(`closed,total,,5,${suffix}`)
    expect(lines).toContain(`timeliness,on_time_percent,,75,${suffix}`)
    expect(lines).toContain(`timeliness,median_days,,26.5,${suffix}`)
    expect(lines).toContain(`extensions,by_ground,complexity,1,${suffix}`)
    expect(lines).toContain(`refusals,by_basis,manifestly-unfounded,1,${suffix}`)
    expect(lines).toContain(`monthly_trend,on_time_percent,2026-03,75,${suffix}`)
    for (const name of fx.names) expect(res.body).not.toContain(name)
  })

  it('gives the overdue and at-risk cases as CSV, and records who downloaded which cases', async () => {
    const res = await both.get(`/staff/reports/cases.csv?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-03`)
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="overdue-and-at-risk-2026-03-fixture-office.csv"',
    )
    const lines = res.body.trim().split('\r\n')
    expect(lines[0]).toBe(CASES_CSV_COLUMNS.join(','))
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      'FIX-G,rights-request,erasure,in-progress,2026-02-16,2026-03-16,-16',
      'FIX-D,rights-request,access,in-progress,2026-03-02,2026-04-09,8',
      'FIX-F,rights-request,access,in-progress,2026-03-10,2026-04-10,9',
    ])
    const audit = await h.db.pool.query(
      "SELECT actor_id, payload FROM audit_events WHERE event_type = 'ReportExported' ORDER BY seq DESC LIMIT 1",
    )
    expect(audit.rows[0].actor_id).toMatch(/^user:/)
    expect(audit.rows[0].payload).toMatchObject({
      report: 'cases.csv',
      count: 3,
      references: ['FIX-G', 'FIX-D', 'FIX-F'],
      controllerIds: [FIXTURE_OFFICE],
    })
  })

  it('gives the monthly compliance pack as a PDF in one click, audited', async () => {
    await both.get(MARCH)
    const href = both.$()('a[href^="/staff/reports/pack.pdf"]').attr('href')!
    expect(href).toBe(`/staff/reports/pack.pdf?month=2026-03&controller=${FIXTURE_OFFICE}`)
    const res = await both.get(href)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe('attachment; filename="compliance-pack-2026-03-fixture-office.pdf"')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const audit = await h.db.pool.query(
      "SELECT payload FROM audit_events WHERE event_type = 'ReportExported' ORDER BY seq DESC LIMIT 1",
    )
    expect(audit.rows[0].payload).toMatchObject({ report: 'pack.pdf', month: '2026-03' })
    expect(audit.rows[0].payload.references).toEqual(expect.arrayContaining(['FIX-G', 'FIX-B']))
  })

  it('emails the pack to the recipients and says who it went to', async () => {
    await both.get(MARCH)
    const res = await both.post('/staff/reports/pack/send', {
      packMonth: '2026-03',
      controller: FIXTURE_OFFICE,
      from: '2026-03',
      to: '2026-03',
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(
      `/staff/reports?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-03&sent=2026-03`,
    )
    const emails = queued.filter((j) => j.queue === 'email-send').map((j) => j.data as EmailJob)
    expect(emails).toHaveLength(1)
    const to = emails[0]!.to
    expect(to).toEqual(
      expect.arrayContaining(['chief-executive@demo.rightsdesk.example', 'reports-2@fixtures.example']),
    )
    expect(emails[0]!.attachments?.map((a) => a.filename)).toEqual([
      'compliance-pack-2026-03-fixture-office.pdf',
      'compliance-figures-2026-03-fixture-office.csv',
    ])
    await both.follow(res)
    const banner = both.$()('.govuk-notification-banner--success').text()
    expect(banner).toContain('The compliance pack for March 2026 was emailed to')
    for (const email of to) expect(banner).toContain(email)
  })

  it('shows the form again with an error when the pack month is missing', async () => {
    await both.get(MARCH)
    const res = await both.post('/staff/reports/pack/send', { packMonth: '' })
    expect(res.statusCode).toBe(422)
    expect(both.$()('.govuk-error-summary').text()).toContain('Choose a month from the list')
  })
})

describe('redaction schedule counts', () => {
  it('sums each case’s latest finished bundle in the period, and shows them beside the case counts', async () => {
    const run = async (caseId: string, finishedAt: string, counts: Record<string, number>, status = 'done') =>
      h.db.pool.query(
        `INSERT INTO disclosure_runs (id, case_id, kind, status, requested_by, requested_at, finished_at, options,
           exemption_counts)
         VALUES (gen_random_uuid(), $1, 'bundle', $2, 'user:test', $3, $3, '{}', $4)`,
        [caseId, status, finishedAt, JSON.stringify(counts)],
      )
    await run(fx.ids.a!, '2026-03-10T12:00:00Z', { S2P3_16_THIRD: 5 }) // superseded by the later run
    await run(fx.ids.a!, '2026-03-20T12:00:00Z', { S2P3_16_THIRD: 12, S2P4_19_LPP: 3 })
    await run(fx.ids.c!, '2026-03-31T23:30:00Z', { S2P3_16_THIRD: 2 }) // 1 April in London: not March
    await run(fx.ids.e!, '2026-03-06T12:00:00Z', { S2P1_2_CRIME: 4 }, 'failed')
    await run(fx.ids.p!, '2026-03-12T12:00:00Z', { S2P3_16_THIRD: 7 }) // the police case
    const march = monthPeriod('2026-03')
    expect(await loadRedactionCounts(h.db.pool, march, [FIXTURE_OFFICE])).toEqual({ S2P3_16_THIRD: 12, S2P4_19_LPP: 3 })
    expect(await loadRedactionCounts(h.db.pool, march, [FIXTURE_POLICE])).toEqual({ S2P3_16_THIRD: 7 })
    await both.get(MARCH)
    const rows = table(both, 'Exemptions applied in responses sent')
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Information about other people', '1', '12'],
      ['Crime and taxation', '1', '0'],
      ['Legal professional privilege', '0', '3'],
    ])
  })
})

describe('statistics after disposal', () => {
  it('keeps March 2026’s figures exactly as they were when two of its cases are destroyed', async () => {
    const csvUrl = `/staff/reports/figures.csv?controller=${FIXTURE_OFFICE}&from=2026-03&to=2026-03`
    const before = (await both.get(csvUrl)).body
    await both.get(MARCH)
    const headlineBefore = headline(both)
    const tablesBefore = both.$()('table').text()

    // Two years after closing (the rights request rule), A (closed 23 March) and N (withdrawn 6 March) are due.
    // Each organisation disposes of its own records (issue 11): the officers work for the fixture office too.
    await h.db.pool.query('UPDATE users SET controller_ids = controller_ids || $1::text[] WHERE email IN ($2, $3)', [
      [FIXTURE_OFFICE],
      'dp-manager@demo.rightsdesk.example',
      'chief-executive@demo.rightsdesk.example',
    ])
    const dp = await actorFor(h, 'dp-manager')
    const ce = await actorFor(h, 'chief-executive')
    h.setNow('2028-06-01T10:00:00Z')
    const list = await proposeDisposalList(h.deps, dp, '2028-06', FIXTURE_OFFICE)
    expect(list.items.map((i) => i.reference)).toEqual(expect.arrayContaining(['FIX-A', 'FIX-N']))
    await approveDisposalList(h.deps, ce, list.id)
    await runDisposalList(h.deps, list.id)
    h.setNow(null)
    const left = await h.db.pool.query('SELECT 1 FROM cases WHERE id = ANY($1::uuid[])', [[fx.ids.a, fx.ids.n]])
    expect(left.rowCount).toBe(0)
    const records = await h.db.pool.query('SELECT reference FROM disposal_records WHERE controller_id = $1', [
      FIXTURE_OFFICE,
    ])
    expect(records.rows.map((r) => r.reference).sort()).toEqual(['FIX-A', 'FIX-N'])
    // A's disclosure bundles went with it; their exemption counts stay in its disposal record.
    expect(await h.db.pool.query('SELECT 1 FROM disclosure_runs WHERE case_id = $1', [fx.ids.a])).toMatchObject({
      rowCount: 0,
    })

    expect((await both.get(csvUrl)).body).toBe(before)
    await both.get(MARCH)
    expect(headline(both)).toEqual(headlineBefore)
    expect(both.$()('table').text()).toBe(tablesBefore)
  })
})
