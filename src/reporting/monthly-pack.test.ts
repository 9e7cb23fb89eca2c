import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../domain/index.js'
import { composeMonthlyPack } from './monthly-pack.js'
import { fixtureCases, fixtureSearchTasks, OPCC, USER_NAMES } from './report-fixtures.js'

const pack = await composeMonthlyPack(
  {
    cases: fixtureCases(),
    searchTasks: fixtureSearchTasks(),
    userNames: USER_NAMES,
    controllers: [{ id: OPCC, name: 'Northshire OPCC' }],
  },
  {
    month: '2026-03',
    asOf: '2026-04-01',
    controllerIds: [OPCC],
    calendar: createCalendar('england-and-wales'),
    generatedAt: new Date('2026-04-01T07:00:00Z'),
  },
)

describe('monthly compliance pack from the fixture cases', () => {
  it('is an A4 PDF with one page per planned heading', async () => {
    const pdf = await PDFDocument.load(pack.pdf)
    expect(pdf.getPageCount()).toBe(pack.pages.length)
    expect(pdf.getTitle()).toBe('Monthly compliance pack: March 2026')
    const { width, height } = pdf.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
  })

  it('has the sections the meeting goes through, in order', () => {
    expect(pack.pages).toEqual([
      'Title page and summary',
      'Timeliness: responses sent in March 2026',
      'Work in progress as at 1 April 2026',
      'Overdue and at-risk cases as at 1 April 2026',
      'Trend: the 12 months to March 2026',
      'Trend: the 12 months to March 2026 (continued)',
      'Requests received, extensions and pauses in March 2026',
      'Refusals, exemptions, appeals and complaints in March 2026',
      'Other rights: decisions, recipients and restrictions in March 2026',
      'How the figures are worked out',
    ])
  })

  it('returns the figures, the trend, the at-risk list and both CSV files', () => {
    expect(pack.figures.timeliness.onTimePercent).toBe(75)
    expect(pack.series).toHaveLength(12)
    expect(pack.overdueAndAtRisk.map((c) => c.reference)).toEqual(['OPCC-G', 'OPCC-D', 'OPCC-F'])
    expect(pack.csv.split('\r\n')[0]).toBe('section,measure,category,value,period_start,period_end,as_of,controllers')
    expect(pack.casesCsv.split('\r\n')).toHaveLength(5)
    expect(pack.filenames.pdf).toBe('compliance-pack-2026-03-northshire-opcc.pdf')
  })

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(
      composeMonthlyPack(
        { cases: [], searchTasks: [], userNames: new Map(), controllers: [] },
        { month: '2026-3', asOf: '2026-04-01', calendar: createCalendar('england-and-wales') },
      ),
    ).rejects.toThrow(RangeError)
  })

  it('still renders with no cases at all', async () => {
    const empty = await composeMonthlyPack(
      { cases: [], searchTasks: [], userNames: new Map(), controllers: [] },
      { month: '2026-03', asOf: '2026-04-01', calendar: createCalendar('england-and-wales') },
    )
    expect((await PDFDocument.load(empty.pdf)).getPageCount()).toBe(empty.pages.length)
    expect(empty.figures.timeliness.onTimePercent).toBeNull()
  })
})
