import { describe, expect, it } from 'vitest'
import { createCalendar } from '../domain/index.js'
import { fixtureCases } from './report-fixtures.js'
import { daysFromTo, median, percent, percentile, responseTiming } from './timeliness.js'

const calendar = createCalendar('england-and-wales')
const byId = (id: string) => {
  const found = fixtureCases().find((c) => c.id === id)
  if (!found) throw new Error(`no fixture ${id}`)
  return found
}

describe('statistics', () => {
  it('median is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([35, 18, 51])).toBe(35)
    expect(median([18, 18, 35, 51])).toBe(26.5)
  })

  it('90th percentile is the nearest rank: the ceil(0.9 n)-th smallest', () => {
    expect(percentile([], 90)).toBeNull()
    expect(percentile([18, 51, 18, 35], 90)).toBe(51)
    // n = 10: rank 9; n = 11: rank 10.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10)
  })

  it('percent rounds to one decimal and has no value for 0 of 0', () => {
    expect(percent(2, 3)).toBe(66.7)
    expect(percent(0, 0)).toBeNull()
    expect(percent(3, 3)).toBe(100)
  })

  it('counts calendar days between dates, a same-day answer being 0', () => {
    expect(daysFromTo('2026-03-02', '2026-03-02')).toBe(0)
    expect(daysFromTo('2026-02-09', '2026-03-16')).toBe(35)
    expect(daysFromTo('2026-04-01', '2026-03-16')).toBe(-16)
  })
})

describe('response timing against the due date in force when the response was sent', () => {
  it('the extended case C is on time only because of its extension', () => {
    const c = byId('c')
    expect(responseTiming(c, calendar)).toMatchObject({ dueOn: '2026-05-05', onTime: true, daysToRespond: 51 })
    const { extension: _extension, ...withoutExtension } = c
    expect(responseTiming(withoutExtension, calendar)).toMatchObject({
      dueOn: '2026-03-02',
      onTime: false,
      daysLate: 23,
    })
  })

  it('the late case B is 7 days late; a refusal letter (E) is a response like any other', () => {
    expect(responseTiming(byId('b'), calendar)).toMatchObject({ dueOn: '2026-03-09', onTime: false, daysLate: 7 })
    expect(responseTiming(byId('e'), calendar)).toMatchObject({ dueOn: '2026-03-16', onTime: true, daysToRespond: 18 })
  })

  it('cases without a response, and reviews, have no timing', () => {
    expect(responseTiming(byId('d'), calendar)).toBeNull()
    expect(responseTiming(byId('i'), calendar)).toBeNull()
  })
})
