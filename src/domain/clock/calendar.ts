import { BANK_HOLIDAY_REGIONS, isBankHoliday, type BankHolidayRegion } from './bank-holidays.js'
import { addDays, isValidLocalDate, isWeekend } from './local-date.js'
import type { CalendarName, LocalDate, WorkingDayCalendar } from './types.js'

export const CALENDAR_NAMES: readonly CalendarName[] = [
  'england-and-wales',
  'scotland',
  'northern-ireland',
  'uk-any-part',
]

// FOIA s.10(6) and DPA 2018 Sch 5 para 7: a working day excludes a bank holiday "in any part of the United
// Kingdom", so the statutory FOI-style calendar is the union of all three regions.
const REGIONS: Record<CalendarName, readonly BankHolidayRegion[]> = {
  'england-and-wales': ['england-and-wales'],
  scotland: ['scotland'],
  'northern-ireland': ['northern-ireland'],
  'uk-any-part': BANK_HOLIDAY_REGIONS,
}

/** A run of non-working days longer than this means the calendar is broken, not that the deadline is far away. */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 366

export function isCalendarName(value: string): value is CalendarName {
  return (CALENDAR_NAMES as readonly string[]).includes(value)
}

/**
 * Weekends, the region's bank holidays and any extra closure days an administrator adds (for example a
 * proclamation announced after this release, uk-rules §3.1 "Operational source of truth").
 */
export function createCalendar(name: CalendarName, extraHolidays: readonly LocalDate[] = []): WorkingDayCalendar {
  const regions = REGIONS[name]
  if (!regions) throw new RangeError(`unknown calendar '${String(name)}'`)
  const invalid = extraHolidays.find((d) => !isValidLocalDate(d))
  if (invalid !== undefined) throw new RangeError(`extra holiday '${invalid}' is not a valid YYYY-MM-DD date`)
  const extras = new Set(extraHolidays)
  return {
    name,
    isWorkingDay(date: LocalDate): boolean {
      if (isWeekend(date) || extras.has(date)) return false
      return !regions.some((region) => isBankHoliday(region, date))
    },
  }
}

/**
 * The date itself if it is a working day, otherwise the next working day. Reg 1182/71 Art 3(4): a period ending on a
 * Saturday, Sunday or public holiday ends with the next working day. Only the last day rolls; non-working days
 * inside the period still count.
 */
export function rollForwardToWorkingDay(date: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  let day = date
  for (let i = 0; i <= MAX_CONSECUTIVE_NON_WORKING_DAYS; i += 1) {
    if (calendar.isWorkingDay(day)) return day
    day = addDays(day, 1)
  }
  throw new RangeError(`calendar '${calendar.name}' has no working day within a year of ${date}`)
}

/**
 * The nth working day after receipt. Day 1 is the first working day AFTER the date of receipt (uk-rules §2),
 * mirroring FOIA s.10(1) "the twentieth working day following the date of receipt". n = 0 returns the receipt date.
 */
export function addWorkingDays(received: LocalDate, n: number, calendar: WorkingDayCalendar): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`)
  let day = received
  for (let counted = 0; counted < n; counted += 1) day = rollForwardToWorkingDay(addDays(day, 1), calendar)
  return day
}

/**
 * DPA 2018 s.164A(3)(a) (from 19 June 2026): acknowledge a complaint "within the period of 30 days beginning
 * with the day on which the complaint is received". INTERPRETIVE (uk-rules §2, §12 item 13): DPA s.205(2) applies
 * Reg 1182/71, which does not count the day of receipt, so the last day is receipt + 30 calendar days, moved
 * forward off a weekend or bank holiday. Read literally, "beginning with" would make it receipt + 29; operators
 * should aim for that or earlier as an internal target.
 */
export function complaintAcknowledgementDue(received: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  return rollForwardToWorkingDay(addDays(received, 30), calendar)
}
