import { describe, expect, it } from 'vitest'
import { clockOf, createCalendar, defaultClockSettings, statisticsOf, type CaseState } from '../domain/index.js'
import { factsOfDisposed, statisticsFromRecord } from './facts.js'
import { computeFigures } from './figures.js'
import { monthPeriod } from './period.js'
import { fixtureCases, fixtureSearchTasks, OPCC, USER_NAMES } from './report-fixtures.js'
import { monthlySeries } from './series.js'
import type { DisposedCase, FiguresInput } from './types.js'

const calendar = createCalendar('england-and-wales')

/** What dispose-case.ts keeps: the statistics as of the response (or today), round-tripped through JSON. */
function disposalRecord(state: CaseState, today: string): DisposedCase {
  const asOf = state.response?.sentOn ?? today
  const statistics = statisticsOf(state, clockOf(state, calendar, defaultClockSettings, asOf))
  const stored = JSON.parse(JSON.stringify(statistics)) as Record<string, unknown>
  return {
    caseId: state.id,
    reference: state.reference,
    controllerId: state.controllerId,
    statistics: statisticsFromRecord(stored, {
      caseType: state.caseType,
      right: state.right ?? null,
      receivedOn: state.receivedOn,
      closedOn: state.closedOn ?? null,
    }),
  }
}

// A (on time, closed), B (late), C (extended), E (refused, exemption), I (appeal upheld), N (withdrawn): every
// finished case of the fixtures. Disposing of them must not change a single period figure of February or March.
const FINISHED = new Set(['a', 'b', 'c', 'e', 'i', 'n'])

describe('figures after disposal (statistics still add up)', () => {
  const cases = fixtureCases()
  const live = cases.filter((c) => !FINISHED.has(c.id))
  const disposed = cases.filter((c) => FINISHED.has(c.id)).map((c) => disposalRecord(c, '2029-04-01'))
  const base: FiguresInput = {
    period: monthPeriod('2026-03'),
    asOf: '2026-04-01',
    cases,
    searchTasks: fixtureSearchTasks(),
    controllerIds: [OPCC],
    calendar,
    userNames: USER_NAMES,
  }

  it('gives the same figures for March and February with the finished cases replaced by their disposal records', () => {
    for (const month of ['2026-02', '2026-03']) {
      const period = monthPeriod(month)
      const before = computeFigures({ ...base, period })
      const after = computeFigures({ ...base, period, cases: live, disposed })
      expect(after).toEqual(before)
    }
    expect(computeFigures({ ...base, cases: live }).timeliness.responded).toBe(0)
  })

  it('gives the same monthly trend', () => {
    const options = { lastMonth: '2026-03', months: 3, calendar, controllerIds: [OPCC] }
    expect(monthlySeries(live, { ...options, disposed })).toEqual(monthlySeries(cases, options))
  })

  it('leaves out another controller’s disposal records and any record whose case still exists', () => {
    const police = { ...disposed[0]!, controllerId: 'northshire-police', caseId: 'elsewhere' }
    const twice = computeFigures({ ...base, disposed: [...disposed, police] })
    expect(twice).toEqual(computeFigures(base))
  })

  it('still reads a record written before the dated facts were kept, counting what it can', () => {
    const old = statisticsFromRecord(
      {
        caseType: 'rights-request',
        right: 'access',
        channel: 'email',
        receivedOn: '2026-02-02',
        dueOn: '2026-05-05',
        respondedOn: '2026-03-25',
        onTime: true,
        outcome: 'disclosed-in-full',
        extensionGround: 'complexity',
        pausedDays: 0,
        exemptionCodes: [],
        withdrawn: false,
      },
      { caseType: 'rights-request', right: 'access', receivedOn: '2026-02-02', closedOn: null },
    )
    const facts = factsOfDisposed({ caseId: 'old', reference: 'OPCC-OLD', controllerId: OPCC, statistics: old })
    expect(facts).toMatchObject({ respondedOn: '2026-03-25', extension: { ground: 'complexity', on: null } })
    const march = computeFigures({
      ...base,
      cases: [],
      disposed: [{ caseId: 'old', reference: 'OPCC-OLD', controllerId: OPCC, statistics: old }],
    })
    expect(march.timeliness).toMatchObject({ responded: 1, onTime: 1, medianDays: 51 })
    expect(march.received.total).toBe(0)
    expect(march.extensions.total).toBe(0)
  })
})
