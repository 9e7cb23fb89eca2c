import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeFigures } from '../src/reporting/figures.js'
import { loadCalendar, loadReportingData, type ReportingData } from '../src/reporting/load.js'
import { buildMonthlyPack, type MonthlyPack } from '../src/reporting/monthly-pack.js'
import { monthPeriod } from '../src/reporting/period.js'
import { monthlySeries, openByAgeBand } from '../src/reporting/series.js'
import type { ComplianceFigures } from '../src/reporting/types.js'
import { startHarness, type Harness } from './support/app-harness.js'

const run = promisify(execFile)

// The demo office is seeded relative to "today"; a fixed today keeps month boundaries and bank holidays the same on
// every run. Wednesday 3 June 2026: the pack for May 2026, with open work as at that day.
const NOW = '2026-06-03T11:00:00Z'
const AS_OF = '2026-06-03'
const MONTH = '2026-05'

let h: Harness
let data: ReportingData
let figures: ComplianceFigures
let pack: MonthlyPack

async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-pack-'))
  const file = path.join(dir, 'pack.pdf')
  await fs.writeFile(file, pdf)
  try {
    const { stdout } = await run('pdftotext', ['-layout', file, '-'])
    return stdout
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0)

beforeAll(async () => {
  h = await startHarness({ now: () => new Date(NOW) })
  data = await loadReportingData(h.db.pool)
  const calendar = await loadCalendar(h.db.pool)
  figures = computeFigures({
    period: monthPeriod(MONTH),
    asOf: AS_OF,
    cases: data.cases,
    searchTasks: data.searchTasks,
    calendar,
    userNames: data.userNames,
  })
  pack = await buildMonthlyPack(h.db.pool, { month: MONTH, asOf: AS_OF })
  if (process.env.REPORTING_PACK_OUT) await fs.writeFile(process.env.REPORTING_PACK_OUT, pack.pdf)
})

afterAll(async () => {
  await h?.close()
})

describe('figures from the demo office in a real database', () => {
  it('loads every case and the controllers’ names', async () => {
    const count = await h.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM cases')
    expect(data.cases).toHaveLength(Number(count.rows[0]?.n))
    expect(data.cases.length).toBeGreaterThan(20)
    expect(data.controllers.length).toBeGreaterThanOrEqual(2)
  })

  it('agrees with SQL on what was received in the month and what is open now', async () => {
    const { from, to } = monthPeriod(MONTH)
    const received = await h.db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM cases WHERE case_type = 'rights-request' AND received_on BETWEEN $1 AND $2`,
      [from, to],
    )
    expect(figures.received.total).toBe(Number(received.rows[0]?.n))
    const open = await h.db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM cases WHERE status NOT IN ('responded', 'closed', 'withdrawn')`,
    )
    expect(figures.open.open).toBe(Number(open.rows[0]?.n))
    expect(figures.open.open).toBeGreaterThan(0)
  })

  it('is internally consistent', () => {
    expect(sum(figures.received.byRight)).toBe(figures.received.total)
    expect(sum(figures.received.byChannel)).toBe(figures.received.total)
    expect(figures.timeliness.onTime + figures.timeliness.late).toBe(figures.timeliness.responded)
    expect(sum(figures.outcomes)).toBe(figures.timeliness.responded)
    expect(figures.timeliness.lateResponses).toHaveLength(figures.timeliness.late)
    expect(sum(figures.extensions.byGround)).toBe(figures.extensions.total)
    expect(sum(figures.refusals.byBasis)).toBe(figures.refusals.total)
    expect(figures.appeals.upheld + figures.appeals.notUpheld).toBe(figures.appeals.decided)
    expect(figures.open.byCaseType.reduce((s, t) => s + t.open, 0)).toBe(figures.open.open)
    expect(figures.overdueAndAtRisk).toHaveLength(figures.open.overdue + figures.open.dueSoon)
    expect(figures.overdueAndAtRisk.filter((c) => c.overdue)).toHaveLength(figures.open.overdue)
  })

  it('finds the demo’s overdue cases and names their assignees', () => {
    expect(figures.open.overdue).toBeGreaterThan(0)
    const overdue = figures.overdueAndAtRisk.filter((c) => c.overdue)
    expect(overdue.every((c) => c.daysLeft < 0 && c.dueOn < AS_OF)).toBe(true)
    expect(overdue.some((c) => c.assigneeName !== null)).toBe(true)
  })

  it('the trend’s last month and the age bands agree with the month’s figures', async () => {
    const calendar = await loadCalendar(h.db.pool)
    const series = monthlySeries(data.cases, { lastMonth: MONTH, calendar })
    const last = series.at(-1)
    expect(last).toMatchObject({
      month: MONTH,
      received: figures.received.total,
      responded: figures.timeliness.responded,
      onTimePercent: figures.timeliness.onTimePercent,
    })
    const bands = openByAgeBand(data.cases, { asOf: AS_OF, calendar })
    expect(bands.reduce((s, b) => s + b.total, 0)).toBe(figures.open.open)
    expect(bands.reduce((s, b) => s + b.overdue, 0)).toBe(figures.open.overdue)
  })

  it('scopes to one controller', async () => {
    const opcc = await buildMonthlyPack(h.db.pool, { month: MONTH, asOf: AS_OF, controllerIds: ['northshire-opcc'] })
    const ids = new Set(data.cases.filter((c) => c.controllerId === 'northshire-opcc').map((c) => c.id))
    expect(opcc.figures.controllerIds).toEqual(['northshire-opcc'])
    expect(opcc.overdueAndAtRisk.every((c) => ids.has(c.caseId))).toBe(true)
    expect(opcc.figures.open.open).toBeLessThan(figures.open.open)
  })
})

describe('the monthly pack built from the database', () => {
  it('matches the figures computed directly', () => {
    expect(pack.figures).toEqual(figures)
  })

  it('opens as a PDF with one page per planned heading', async () => {
    const pdf = await PDFDocument.load(pack.pdf)
    expect(pdf.getPageCount()).toBe(pack.pages.length)
    expect(pack.pages.length).toBeGreaterThanOrEqual(9)
    expect(pack.pages[0]).toBe('Title page and summary')
    expect(pack.pages.at(-1)).toBe('How the figures are worked out')
  })

  it('contains the overdue cases but no requester names or email addresses', async () => {
    const text = await pdfText(pack.pdf)
    expect(text).toContain('Monthly compliance pack')
    for (const c of pack.overdueAndAtRisk) expect(text).toContain(c.reference)
    const requesters = await h.db.pool.query<{ requester_name: string; requester_email: string | null }>(
      'SELECT requester_name, requester_email FROM cases',
    )
    expect(requesters.rows.length).toBeGreaterThan(20)
    for (const r of requesters.rows) {
      expect(text, r.requester_name).not.toContain(r.requester_name)
      if (r.requester_email) expect(text).not.toContain(r.requester_email)
    }
    for (const r of requesters.rows) {
      expect(pack.csv).not.toContain(r.requester_name)
      expect(pack.casesCsv).not.toContain(r.requester_name)
    }
  })
})
