import { describe, expect, it } from 'vitest'
import { createCalendar } from '../domain/index.js'
import { firstWorkingDayOfMonth, monthlyPackDue } from './schedule.js'

const calendar = createCalendar('england-and-wales')

describe('first working day of the month', () => {
  it('is the 1st when that is a working day', () => {
    expect(firstWorkingDayOfMonth('2026-04', calendar)).toBe('2026-04-01')
  })

  it('skips weekends and bank holidays', () => {
    expect(firstWorkingDayOfMonth('2026-03', calendar)).toBe('2026-03-02') // Sun 1 March
    expect(firstWorkingDayOfMonth('2024-01', calendar)).toBe('2024-01-02') // New Year's Day
    expect(firstWorkingDayOfMonth('2027-01', calendar)).toBe('2027-01-04') // Fri 1 Jan holiday, then the weekend
    expect(firstWorkingDayOfMonth('2023-05', calendar)).toBe('2023-05-02') // Early May bank holiday
  })

  it('honours extra holidays an administrator adds', () => {
    expect(firstWorkingDayOfMonth('2026-04', createCalendar('england-and-wales', ['2026-04-01']))).toBe('2026-04-02')
  })
})

describe('monthly pack schedule', () => {
  it('is due on the first working day, for the month just ended', () => {
    expect(monthlyPackDue('2026-03-02', calendar)).toEqual({ due: true, month: '2026-02' })
    expect(monthlyPackDue('2026-01-02', calendar)).toEqual({ due: true, month: '2025-12' })
  })

  it('is not due on other days, including a non-working 1st', () => {
    expect(monthlyPackDue('2026-03-01', calendar)).toEqual({ due: false, month: '2026-02' })
    expect(monthlyPackDue('2026-03-03', calendar)).toEqual({ due: false, month: '2026-02' })
  })
})
