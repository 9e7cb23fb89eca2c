import { describe, expect, it } from 'vitest'
import { describePeriod, lastCompleteMonth, monthCount, monthPeriod, monthsPeriod } from './period.js'

describe('report periods', () => {
  it('runs a range of months from the first day of the first to the last day of the last', () => {
    expect(monthsPeriod('2025-11', '2026-02')).toEqual({ from: '2025-11-01', to: '2026-02-28' })
    expect(() => monthsPeriod('2026-03', '2026-02')).toThrow(RangeError)
    expect(monthCount('2025-11', '2026-02')).toBe(4)
    expect(monthCount('2026-02', '2026-02')).toBe(1)
  })

  it('defaults to the last complete month', () => {
    expect(lastCompleteMonth('2026-06-03')).toBe('2026-05')
    expect(lastCompleteMonth('2026-01-01')).toBe('2025-12')
  })

  it('names a month, a range of months, or any other period by its dates', () => {
    expect(describePeriod(monthPeriod('2026-03'))).toBe('March 2026')
    expect(describePeriod(monthsPeriod('2025-11', '2026-02'))).toBe('November 2025 to February 2026')
    expect(describePeriod({ from: '2026-03-02', to: '2026-03-31' })).toBe('2 March 2026 to 31 March 2026')
  })
})
