import { describe, expect, it } from 'vitest'
import { createCalendar } from '../domain/index.js'
import { computeFigures } from './figures.js'
import { fixtureCases, fixtureSearchTasks, OPCC, USER_NAMES } from './report-fixtures.js'
import { monthPeriod } from './period.js'
import type { FiguresInput } from './types.js'

const calendar = createCalendar('england-and-wales')
const cases = fixtureCases()
const march: FiguresInput = {
  period: monthPeriod('2026-03'),
  asOf: '2026-04-01',
  cases,
  searchTasks: fixtureSearchTasks(),
  controllerIds: [OPCC],
  calendar,
  userNames: USER_NAMES,
}
const figures = computeFigures(march)
const counts = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]))

describe('compliance figures for March 2026, OPCC only, as of Wednesday 1 April 2026 (hand-computed)', () => {
  it('counts rights requests received in March by right and by channel', () => {
    expect(figures.received.total).toBe(5)
    expect(counts(figures.received.byRight)).toEqual({
      access: 4,
      rectification: 0,
      erasure: 0,
      restriction: 1,
      portability: 0,
      objection: 0,
      'automated-decision': 0,
    })
    expect(counts(figures.received.byChannel)).toEqual({
      email: 2,
      post: 1,
      phone: 1,
      'in-person': 0,
      portal: 1,
      api: 0,
    })
  })

  it('measures timeliness by responses sent in March against the due date in force (B late, C saved by its extension)', () => {
    expect(figures.timeliness).toEqual({
      responded: 4,
      onTime: 3,
      late: 1,
      onTimePercent: 75,
      medianDays: 26.5,
      p90Days: 51,
      lateResponses: [
        {
          reference: 'OPCC-B',
          right: 'rectification',
          receivedOn: '2026-02-09',
          dueOn: '2026-03-09',
          sentOn: '2026-03-16',
          daysLate: 7,
        },
      ],
    })
  })

  it('takes the open work on 1 April: G overdue, D (paused 7 days) and F due by Friday 10 April, H waiting for ID', () => {
    expect(figures.open).toMatchObject({
      asOf: '2026-04-01',
      // Thu 2 Apr, then Good Friday and Easter Monday are skipped: Tue 7, Wed 8, Thu 9, Fri 10.
      dueSoonUntil: '2026-04-10',
      open: 7,
      overdue: 1,
      dueSoon: 2,
      waitingForRequester: 1,
    })
    expect(figures.open.byCaseType.map((t) => [t.caseType, t.open, t.overdue, t.dueSoon])).toEqual([
      ['rights-request', 4, 1, 2],
      ['review', 1, 0, 0],
      ['complaint', 1, 0, 0],
      ['regulator-case', 1, 0, 0],
    ])
  })

  it('lists overdue and at-risk cases, most overdue first, with assignee names', () => {
    expect(figures.overdueAndAtRisk.map((c) => [c.reference, c.dueOn, c.daysLeft, c.overdue, c.assigneeName])).toEqual([
      ['OPCC-G', '2026-03-16', -16, true, 'Carl Webb'],
      ['OPCC-D', '2026-04-09', 8, false, 'Dana Price'],
      ['OPCC-F', '2026-04-10', 9, false, null],
    ])
  })

  it('counts the extension by ground, the clarification pause and its days, and refusals by basis', () => {
    expect(figures.extensions).toEqual({
      total: 1,
      byGround: [
        { key: 'complexity', label: 'Complex request', count: 1 },
        { key: 'number', label: 'Number of requests from the person', count: 0 },
      ],
    })
    expect(figures.clarificationPauses).toEqual({ count: 1, cases: 1, totalPausedDays: 7, stillOpen: 0 })
    expect(figures.refusals.total).toBe(2)
    expect(counts(figures.refusals.byBasis)).toEqual({
      'manifestly-unfounded': 1,
      'manifestly-excessive': 0,
      'no-authority': 0,
      exemption: 1,
    })
  })

  it('counts outcomes and exemptions of the responses sent in March (the refusal’s exemption included)', () => {
    expect(counts(figures.outcomes)).toEqual({
      'action-taken': 1,
      'disclosed-in-full': 1,
      'disclosed-in-part': 1,
      'refused-exemption': 1,
    })
    expect(figures.exemptions.map((e) => [e.code, e.cases, e.redactions])).toEqual([
      ['S2P1_2_CRIME', 1, 0],
      ['S2P3_16_THIRD', 1, 0],
    ])
    expect(figures.exemptions[0]?.citation).toBe('DPA 2018 Sch 2 Part 1 para 2(1)')
  })

  it('reports redaction schedule counts in their own column, never as cases', () => {
    const withRedactions = computeFigures({ ...march, redactionCounts: { S2P3_16_THIRD: 12, S2P4_19_LPP: 3 } })
    expect(withRedactions.exemptions.map((e) => [e.code, e.cases, e.redactions])).toEqual([
      ['S2P3_16_THIRD', 1, 12],
      ['S2P1_2_CRIME', 1, 0],
      ['S2P4_19_LPP', 0, 3],
    ])
  })

  it('counts appeals (one upheld, one open), the complaint and the regulator case', () => {
    expect(figures.appeals).toEqual({ received: 2, decided: 1, upheld: 1, notUpheld: 0, open: 1 })
    expect(figures.complaints).toEqual({ received: 1, upheld: 0, notUpheld: 1, open: 1, acknowledgementOverdue: 0 })
    expect(figures.regulatorCases).toEqual({ received: 1, answered: 0, open: 1, overdue: 0 })
  })

  it('groups outstanding search tasks by team; returned tasks and other controllers’ tasks are left out', () => {
    expect(figures.searchTasks).toEqual([
      { team: 'No team (sent to a person)', outstanding: 1, overdue: 1, oldestDueOn: '2026-03-25' },
      { team: 'Professional Standards', outstanding: 2, overdue: 1, oldestDueOn: '2026-03-20' },
    ])
  })
})

describe('compliance figures across all controllers', () => {
  const all = computeFigures({ ...march, controllerIds: undefined })

  it('adds the police erasure request (in person, due Tue 7 April after Easter) and its overdue search task', () => {
    expect(all.controllerIds).toBeNull()
    expect(all.received.total).toBe(6)
    expect(counts(all.received.byRight)).toMatchObject({ access: 4, erasure: 1, restriction: 1 })
    expect(counts(all.received.byChannel)).toMatchObject({ 'in-person': 1 })
    expect(all.open).toMatchObject({ open: 8, overdue: 1, dueSoon: 3 })
    expect(all.overdueAndAtRisk.map((c) => [c.reference, c.daysLeft])).toEqual([
      ['OPCC-G', -16],
      ['POL-P', 6],
      ['OPCC-D', 8],
      ['OPCC-F', 9],
    ])
    expect(all.searchTasks.find((t) => t.team === 'Custody')).toEqual({
      team: 'Custody',
      outstanding: 1,
      overdue: 1,
      oldestDueOn: '2026-03-01',
    })
  })

  it('keeps the parts consistent with the totals', () => {
    const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0)
    expect(sum(all.received.byRight)).toBe(all.received.total)
    expect(sum(all.received.byChannel)).toBe(all.received.total)
    expect(all.timeliness.onTime + all.timeliness.late).toBe(all.timeliness.responded)
    expect(sum(all.outcomes)).toBe(all.timeliness.responded)
    expect(all.open.byCaseType.reduce((s, t) => s + t.open, 0)).toBe(all.open.open)
  })
})

describe('period edges', () => {
  it('February has no responses: no percentage, no median, and the late case is not yet counted', () => {
    const feb = computeFigures({ ...march, period: monthPeriod('2026-02') })
    expect(feb.timeliness).toMatchObject({ responded: 0, onTimePercent: null, medianDays: null, p90Days: null })
    expect(feb.received.total).toBe(4)
  })

  it('refuses a period that ends before it starts', () => {
    expect(() => computeFigures({ ...march, period: { from: '2026-03-31', to: '2026-03-01' } })).toThrow(RangeError)
  })
})
