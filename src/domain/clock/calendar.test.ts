import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  complaintAcknowledgementDue,
  createCalendar,
  isCalendarName,
  rollForwardToWorkingDay,
} from './calendar.js'

const englandAndWales = createCalendar('england-and-wales')
const scotland = createCalendar('scotland')
const northernIreland = createCalendar('northern-ireland')
const ukAnyPart = createCalendar('uk-any-part')

describe('working-day calendars', () => {
  it('treat Saturdays, Sundays, Christmas Day and Good Friday as non-working everywhere', () => {
    for (const calendar of [englandAndWales, scotland, northernIreland, ukAnyPart]) {
      expect(calendar.isWorkingDay('2026-02-28')).toBe(false)
      expect(calendar.isWorkingDay('2026-03-01')).toBe(false)
      expect(calendar.isWorkingDay('2026-12-25')).toBe(false)
      expect(calendar.isWorkingDay('2026-04-03')).toBe(false)
      expect(calendar.isWorkingDay('2026-03-02')).toBe(true)
    }
  })

  it('Scotland: 2 January and St Andrew’s Day are holidays, Easter Monday is a working day', () => {
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false)
    expect(englandAndWales.isWorkingDay('2026-01-02')).toBe(true)
    expect(scotland.isWorkingDay('2026-11-30')).toBe(false)
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true)
    expect(scotland.isWorkingDay('2026-08-03')).toBe(false)
    expect(scotland.isWorkingDay('2026-08-31')).toBe(true)
  })

  it('Northern Ireland: St Patrick’s Day (17 March) and the Boyne substitute (13 July 2026) are holidays', () => {
    expect(northernIreland.isWorkingDay('2026-03-17')).toBe(false)
    expect(northernIreland.isWorkingDay('2026-07-13')).toBe(false)
    expect(englandAndWales.isWorkingDay('2026-03-17')).toBe(true)
  })

  it('uk-any-part (FOIA s.10(6)) excludes a bank holiday in any part of the UK', () => {
    for (const date of ['2026-01-02', '2026-03-17', '2026-04-06', '2026-06-15', '2026-07-13', '2026-08-03']) {
      expect(ukAnyPart.isWorkingDay(date)).toBe(false)
    }
    expect(ukAnyPart.isWorkingDay('2026-03-18')).toBe(true)
    expect(ukAnyPart.name).toBe('uk-any-part')
  })

  it('honours closure days an administrator adds, and rejects malformed ones', () => {
    const withExtra = createCalendar('england-and-wales', ['2026-03-18'])
    expect(withExtra.isWorkingDay('2026-03-18')).toBe(false)
    expect(englandAndWales.isWorkingDay('2026-03-18')).toBe(true)
    expect(() => createCalendar('england-and-wales', ['2026-02-30'])).toThrow(RangeError)
  })

  it('recognises calendar names', () => {
    expect(isCalendarName('scotland')).toBe(true)
    expect(isCalendarName('wales')).toBe(false)
  })
})

describe('rollForwardToWorkingDay (Reg 1182/71 Art 3(4))', () => {
  it('leaves a working day alone and moves a weekend or holiday to the next working day', () => {
    expect(rollForwardToWorkingDay('2026-03-02', englandAndWales)).toBe('2026-03-02')
    expect(rollForwardToWorkingDay('2026-02-28', englandAndWales)).toBe('2026-03-02')
    expect(rollForwardToWorkingDay('2026-04-03', englandAndWales)).toBe('2026-04-07')
    expect(rollForwardToWorkingDay('2027-12-25', englandAndWales)).toBe('2027-12-29')
  })

  it('fails loudly on a calendar with no working days instead of looping forever', () => {
    const closed = { name: 'england-and-wales' as const, isWorkingDay: () => false }
    expect(() => rollForwardToWorkingDay('2026-01-01', closed)).toThrow('no working day')
  })
})

// uk-rules §11.2: day 1 is the first working day after the date of receipt (FOIA s.10(1) convention).
const WORKING_DAY_VECTORS = [
  { received: '2025-12-15', workingDays: 20, expectedDue: '2026-01-15', across: 'Christmas, Boxing Day and New Year' },
  { received: '2026-03-27', workingDays: 20, expectedDue: '2026-04-28', across: 'Good Friday and Easter Monday' },
  { received: '2026-08-20', workingDays: 20, expectedDue: '2026-09-18', across: 'the summer bank holiday' },
  { received: '2025-04-14', workingDays: 20, expectedDue: '2025-05-15', across: 'Easter and the early May holiday' },
  {
    received: '2022-05-27',
    workingDays: 20,
    expectedDue: '2022-06-28',
    across: 'the moved spring holiday and Jubilee',
  },
]

describe('addWorkingDays (uk-rules §2, §11.2)', () => {
  it.each(WORKING_DAY_VECTORS)(
    'a review received on $received is due on working day $workingDays, $expectedDue, across $across',
    ({ received, workingDays, expectedDue }) => {
      expect(addWorkingDays(received, workingDays, englandAndWales)).toBe(expectedDue)
    },
  )

  it('starts counting the day after receipt even when receipt is a weekend', () => {
    expect(addWorkingDays('2026-02-28', 1, englandAndWales)).toBe('2026-03-02')
    expect(addWorkingDays('2026-03-02', 1, englandAndWales)).toBe('2026-03-03')
    expect(addWorkingDays('2026-03-02', 0, englandAndWales)).toBe('2026-03-02')
  })

  it('skips St Patrick’s Day on the uk-any-part calendar but not in England and Wales', () => {
    expect(addWorkingDays('2026-03-16', 1, englandAndWales)).toBe('2026-03-17')
    expect(addWorkingDays('2026-03-16', 1, ukAnyPart)).toBe('2026-03-18')
  })

  it('rejects a negative or fractional number of working days', () => {
    expect(() => addWorkingDays('2026-03-02', -1, englandAndWales)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-03-02', 2.5, englandAndWales)).toThrow(RangeError)
  })
})

describe('complaintAcknowledgementDue (DPA 2018 s.164A, INTERPRETIVE: receipt + 30 days, rolled)', () => {
  it('a complaint received on Mon 22 June 2026 must be acknowledged by Wed 22 July 2026', () => {
    expect(complaintAcknowledgementDue('2026-06-22', englandAndWales)).toBe('2026-07-22')
  })

  it('a complaint received on Fri 19 June 2026 is due Sun 19 July, so it moves to Mon 20 July', () => {
    expect(complaintAcknowledgementDue('2026-06-19', englandAndWales)).toBe('2026-07-20')
  })

  it('a complaint received on Sat 1 August 2026 is due on the summer bank holiday, so it moves to Tue 1 September', () => {
    expect(complaintAcknowledgementDue('2026-08-01', englandAndWales)).toBe('2026-09-01')
  })
})
