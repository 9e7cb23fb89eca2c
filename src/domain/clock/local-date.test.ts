import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonthsClamped,
  compareLocalDates,
  dayOfWeek,
  daysBetweenInclusive,
  isValidLocalDate,
  localDateInLondon,
  maxLocalDate,
  minLocalDate,
  parseLocalDate,
} from './local-date.js'

describe('isValidLocalDate and parseLocalDate', () => {
  it('accepts real calendar dates, including 29 February in a leap year', () => {
    for (const date of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0099-06-15']) {
      expect(isValidLocalDate(date)).toBe(true)
      expect(parseLocalDate(date)).toBe(date)
    }
  })

  it('rejects impossible dates such as 30 February and 29 February outside a leap year', () => {
    for (const date of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
    ]) {
      expect(isValidLocalDate(date)).toBe(false)
      expect(() => parseLocalDate(date)).toThrow('not a real calendar date')
    }
  })

  it('rejects anything not written YYYY-MM-DD, so a timestamp cannot pass as a date', () => {
    for (const value of ['2026-2-3', '03/02/2026', '2026-02-03T00:00:00Z', ' 2026-02-03', '20260203', '']) {
      expect(isValidLocalDate(value)).toBe(false)
      expect(() => parseLocalDate(value)).toThrow('YYYY-MM-DD')
    }
    expect(isValidLocalDate(20260203)).toBe(false)
    expect(isValidLocalDate(null)).toBe(false)
  })
})

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries in whole calendar days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('is not disturbed by the clocks changing (29 March and 25 October 2026)', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01')
  })
})

describe('addMonthsClamped (Reg 1182/71 Art 3(2)(c): corresponding date, or the last day of the month)', () => {
  it('keeps the same day of the month when it exists', () => {
    expect(addMonthsClamped('2025-09-03', 1)).toBe('2025-10-03')
    expect(addMonthsClamped('2025-11-15', 3)).toBe('2026-02-15')
  })

  it('clamps to the last day of a shorter month, 28 or 29 February by leap year', () => {
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonthsClamped('2025-03-31', 1)).toBe('2025-04-30')
    expect(addMonthsClamped('2025-11-30', 3)).toBe('2026-02-28')
  })

  it('counts 3 months from the start rather than chaining months, so 31 January + 3 months is 30 April', () => {
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30')
    expect(addMonthsClamped(addMonthsClamped('2026-01-31', 1), 2)).toBe('2026-04-28')
  })

  it('handles December, negative months and a leap-day start', () => {
    expect(addMonthsClamped('2025-12-31', 1)).toBe('2026-01-31')
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28')
  })
})

describe('comparison and counting', () => {
  it('orders dates and picks the earliest and latest', () => {
    expect(compareLocalDates('2026-01-02', '2026-01-10')).toBeLessThan(0)
    expect(compareLocalDates('2026-01-10', '2026-01-10')).toBe(0)
    expect(compareLocalDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0)
    expect(maxLocalDate('2026-02-10', '2026-02-20', '2026-02-15')).toBe('2026-02-20')
    expect(minLocalDate('2026-02-10', '2026-02-20', '2026-02-05')).toBe('2026-02-05')
  })

  it('counts both ends of a period, so 4..10 March is 7 days and a single day is 1', () => {
    expect(daysBetweenInclusive('2026-03-04', '2026-03-10')).toBe(7)
    expect(daysBetweenInclusive('2026-03-04', '2026-03-04')).toBe(1)
    expect(daysBetweenInclusive('2026-01-20', '2026-02-02')).toBe(14)
    expect(daysBetweenInclusive('2026-03-10', '2026-03-04')).toBe(0)
  })

  it('knows the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('2026-02-28')).toBe(6)
    expect(dayOfWeek('2026-03-01')).toBe(0)
    expect(dayOfWeek('2026-03-02')).toBe(1)
    expect(dayOfWeek('1970-01-01')).toBe(4)
    expect(dayOfWeek('1969-12-31')).toBe(3)
  })
})

describe('localDateInLondon (receipt is a Europe/London date, uk-rules §1.3)', () => {
  it('uses GMT in winter: 23:59 UTC on 31 January is still 31 January', () => {
    expect(localDateInLondon(new Date('2026-01-31T23:59:59Z'))).toBe('2026-01-31')
    expect(localDateInLondon(new Date('2026-02-01T00:00:00Z'))).toBe('2026-02-01')
  })

  it('moves to BST on 29 March 2026: 23:30 UTC that evening is already 30 March in London', () => {
    expect(localDateInLondon(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29')
    expect(localDateInLondon(new Date('2026-03-29T22:59:59Z'))).toBe('2026-03-29')
    expect(localDateInLondon(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30')
  })

  it('counts a request sent at 23:59 BST as received that day, not the next', () => {
    expect(localDateInLondon(new Date('2026-06-30T22:59:00Z'))).toBe('2026-06-30')
    expect(localDateInLondon(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01')
  })

  it('returns to GMT on 25 October 2026', () => {
    expect(localDateInLondon(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25')
    expect(localDateInLondon(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25')
  })

  it('rejects an invalid Date rather than inventing a date', () => {
    expect(() => localDateInLondon(new Date('not a date'))).toThrow(RangeError)
  })
})
