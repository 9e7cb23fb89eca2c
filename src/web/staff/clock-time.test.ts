import { describe, expect, it } from 'vitest'
import { FORMAT } from './render.js'
import { govukTime } from './clock-time.js'

describe('times on staff pages, GOV.UK style in London time', () => {
  it('writes the hour after midnight and after midday as 12, never 0 (issue 14: "0:14pm")', () => {
    expect(govukTime(new Date('2026-01-10T00:14:00Z'))).toBe('12:14am')
    expect(govukTime(new Date('2026-01-10T12:14:00Z'))).toBe('12:14pm')
    expect(govukTime(new Date('2026-07-10T13:05:00Z'))).toBe('2:05pm')
    expect(govukTime(new Date('2026-01-10T09:00:00Z'))).toBe('9am')
    expect(govukTime(new Date('2026-01-10T12:00:00Z'))).toBe('midday')
    expect(govukTime(new Date('2026-01-10T00:00:00Z'))).toBe('midnight')
  })

  it('dates and times together', () => {
    expect(FORMAT.dateTime(new Date('2026-01-10T12:14:00Z'))).toBe('10 Jan 2026 at 12:14pm')
  })
})
