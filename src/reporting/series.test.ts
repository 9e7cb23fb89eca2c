import { describe, expect, it } from 'vitest'
import { createCalendar } from '../domain/index.js'
import { fixtureCases, OPCC } from './report-fixtures.js'
import { AGE_BANDS, bandOf, monthlySeries, openByAgeBand } from './series.js'

const calendar = createCalendar('england-and-wales')
const cases = fixtureCases()

describe('monthly series (rights requests, OPCC)', () => {
  const series = monthlySeries(cases, { lastMonth: '2026-03', months: 3, calendar, controllerIds: [OPCC] })

  it('has one point per month, oldest first', () => {
    expect(series.map((p) => p.month)).toEqual(['2026-01', '2026-02', '2026-03'])
  })

  it('counts received and closed (responded or withdrawn) per month, with the month’s on-time percentage', () => {
    expect(series).toEqual([
      {
        month: '2026-01',
        received: 0,
        closed: 0,
        responded: 0,
        respondedOnTime: 0,
        respondedLate: 0,
        onTimePercent: null,
      },
      {
        month: '2026-02',
        received: 4,
        closed: 0,
        responded: 0,
        respondedOnTime: 0,
        respondedLate: 0,
        onTimePercent: null,
      },
      // A, B, C and E answered, N withdrawn; B late.
      {
        month: '2026-03',
        received: 5,
        closed: 5,
        responded: 4,
        respondedOnTime: 3,
        respondedLate: 1,
        onTimePercent: 75,
      },
    ])
  })

  it('defaults to twelve months', () => {
    const year = monthlySeries(cases, { lastMonth: '2026-03', calendar })
    expect(year).toHaveLength(12)
    expect(year[0]?.month).toBe('2025-04')
  })
})

describe('open cases by age band on 1 April 2026 (OPCC)', () => {
  it('bands by calendar days since receipt', () => {
    expect(bandOf(0).key).toBe('0-10')
    expect(bandOf(10).key).toBe('0-10')
    expect(bandOf(11).key).toBe('11-20')
    expect(bandOf(60).key).toBe('31-60')
    expect(bandOf(61).key).toBe('61+')
  })

  it('splits each band into on track, waiting for the requester and overdue', () => {
    const bands = openByAgeBand(cases, { asOf: '2026-04-01', calendar, controllerIds: [OPCC] })
    expect(bands.map((b) => [b.band.key, b.onTrack, b.waiting, b.overdue, b.total])).toEqual([
      ['0-10', 2, 1, 0, 3], // H (waiting for ID), J, L
      ['11-20', 0, 0, 0, 0],
      ['21-30', 3, 0, 0, 3], // D (30 days), F (22), K (21)
      ['31-60', 0, 0, 1, 1], // G (44 days, overdue)
      ['61+', 0, 0, 0, 0],
    ])
    expect(bands.map((b) => b.band)).toEqual(AGE_BANDS)
  })
})
