import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../domain/index.js'
import { CASES_CSV_COLUMNS, casesCsv, csvCell, FIGURES_CSV_COLUMNS, figuresCsv, toCsv } from './csv.js'
import { computeFigures } from './figures.js'
import { monthPeriod } from './period.js'
import { fixtureCases, fixtureSearchTasks, NAMES, OPCC, USER_NAMES } from './report-fixtures.js'
import { monthlySeries, openByAgeBand } from './series.js'

const calendar = createCalendar('england-and-wales')
const figures = computeFigures({
  period: monthPeriod('2026-03'),
  asOf: '2026-04-01',
  cases: fixtureCases(),
  searchTasks: fixtureSearchTasks(),
  controllerIds: [OPCC],
  calendar,
  userNames: USER_NAMES,
})

describe('RFC 4180 quoting', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(true)).toBe('yes')
  })

  it('ends every record, including the last, with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n')
  })

  it('defuses text a spreadsheet would run as a formula, but leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-cmd')).toBe("'-cmd")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell(-16)).toBe('-16')
  })
})

describe('figures CSV', () => {
  const csv = figuresCsv(figures, {
    series: monthlySeries(fixtureCases(), { lastMonth: '2026-03', months: 2, calendar, controllerIds: [OPCC] }),
    ageBands: openByAgeBand(fixtureCases(), { asOf: '2026-04-01', calendar, controllerIds: [OPCC] }),
  })
  const lines = csv.trimEnd().split('\r\n')

  it('has the documented columns and one number per row', () => {
    expect(lines[0]).toBe(FIGURES_CSV_COLUMNS.join(','))
    expect(lines).toContain('timeliness,on_time_percent,,75,2026-03-01,2026-03-31,2026-04-01,northshire-opcc')
    expect(lines).toContain('timeliness,median_days,,26.5,2026-03-01,2026-03-31,2026-04-01,northshire-opcc')
    expect(lines).toContain('received,by_right,access,4,2026-03-01,2026-03-31,2026-04-01,northshire-opcc')
    expect(lines).toContain(
      'search_tasks,overdue,Professional Standards,1,2026-03-01,2026-03-31,2026-04-01,northshire-opcc',
    )
    expect(lines).toContain('monthly_trend,on_time_percent,2026-02,,2026-03-01,2026-03-31,2026-04-01,northshire-opcc')
    expect(lines).toContain('open_by_age,overdue,31-60,1,2026-03-01,2026-03-31,2026-04-01,northshire-opcc')
    for (const line of lines) expect(line.split(',')).toHaveLength(FIGURES_CSV_COLUMNS.length)
  })

  it('holds no requester names', () => {
    for (const name of NAMES) expect(csv).not.toContain(name)
  })
})

describe('overdue and at-risk cases CSV', () => {
  it('lists each case with days left (negative when overdue) and the assignee, never the requester', () => {
    const csv = casesCsv(figures.overdueAndAtRisk)
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      CASES_CSV_COLUMNS.join(','),
      'OPCC-G,rights-request,erasure,in-progress,2026-02-16,2026-03-16,-16,yes,Carl Webb',
    ])
    for (const name of NAMES) expect(csv).not.toContain(name)
  })
})

describe('docs/reports-csv.md', () => {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const doc = fs.readFileSync(path.join(here, '../../docs/reports-csv.md'), 'utf8')

  it('documents every column and every measure', () => {
    for (const column of [...FIGURES_CSV_COLUMNS, ...CASES_CSV_COLUMNS]) expect(doc).toContain(`\`${column}\``)
    const csv = figuresCsv(figures, {
      series: monthlySeries(fixtureCases(), { lastMonth: '2026-03', months: 1, calendar }),
      ageBands: openByAgeBand(fixtureCases(), { asOf: '2026-04-01', calendar }),
    })
    const pairs = new Set(
      csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join(',')),
    )
    for (const pair of pairs) {
      const [section, measure] = pair.split(',')
      expect(doc, `${section} ${measure}`).toMatch(new RegExp(`\\| \`${section}\` \\| \`${measure}\` \\|`))
    }
  })
})
