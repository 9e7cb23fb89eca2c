import type { LocalDate } from './types.js'

// Date arithmetic on YYYY-MM-DD strings through a whole-day count since 1970-01-01 (UTC). Statutory periods are
// counted in calendar days (Reg 1182/71 Art 3, applied by UK GDPR Art 4A and DPA 2018 s.205(2)), so a date must
// never pass through a local-time Date, where a BST change would make a "day" 23 or 25 hours long.

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** 0 = Sunday … 6 = Saturday, as Date.prototype.getUTCDay. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** True for a real calendar date written YYYY-MM-DD; false for 2026-02-30, 2026-2-3 or anything else. */
export function isValidLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false
  const match = LOCAL_DATE_PATTERN.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** Returns the value as a LocalDate, or throws a RangeError naming what is wrong with it. */
export function parseLocalDate(value: string): LocalDate {
  if (!LOCAL_DATE_PATTERN.test(value)) throw new RangeError(`'${value}' is not a date in the form YYYY-MM-DD`)
  if (!isValidLocalDate(value)) throw new RangeError(`${value} is not a real calendar date`)
  return value
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4))
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in a month (1–12) of a year in the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29
  return DAYS_IN_MONTH[month - 1] ?? Number.NaN
}

/** Whole days since 1970-01-01. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = partsOf(date)
  return Math.round(utcMs(year, month, day) / MS_PER_DAY)
}

export function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY)
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days)
}

/**
 * The same day-of-month `months` later, or the last day of that month when it has no such day.
 * Reg 1182/71 Art 3(2)(c): a period in months ends on the corresponding date, or the month's last day if there is
 * none (31 January + 1 month = 28/29 February). Always count from the start date, never chain: the ICO's extension
 * rule is 3 months from the start, not 2 months from the 1-month date (31 Jan → 30 Apr, not 28 Apr).
 */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = partsOf(date)
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 + 1
  return localDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Negative when a is earlier, 0 when equal, positive when later. YYYY-MM-DD sorts as text. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function maxLocalDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((latest, d) => (d > latest ? d : latest), first)
}

export function minLocalDate(first: LocalDate, ...rest: LocalDate[]): LocalDate {
  return rest.reduce((earliest, d) => (d < earliest ? d : earliest), first)
}

/** How many calendar dates lie in start..end with both ends counted; 0 when end is before start. */
export function daysBetweenInclusive(start: LocalDate, end: LocalDate): number {
  return Math.max(0, toEpochDay(end) - toEpochDay(start) + 1)
}

export function dayOfWeek(date: LocalDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as DayOfWeek
}

export function isWeekend(date: LocalDate): boolean {
  const dow = dayOfWeek(date)
  return dow === 0 || dow === 6
}

// Built once: constructing an Intl formatter is comparatively slow and it holds no state between calls.
const londonDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * The Europe/London calendar date of an instant. Receipt is a local date (uk-rules §1.3): a request arriving at
 * 23:30 UTC on 29 March 2026 arrived at 00:30 BST on the 30th, and one arriving at 23:59 local time still counts
 * as received that day.
 */
export function localDateInLondon(instant: Date): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('localDateInLondon: invalid Date')
  const parts = londonDateFormat.formatToParts(instant)
  const part = (type: 'year' | 'month' | 'day'): number => Number(parts.find((p) => p.type === type)?.value)
  return localDate(part('year'), part('month'), part('day'))
}

function partsOf(date: LocalDate): { year: number; month: number; day: number } {
  if (!isValidLocalDate(date)) throw new RangeError(`'${date}' is not a valid YYYY-MM-DD date`)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

function utcMs(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. 2000 is a leap year, so every valid day exists.
  const d = new Date(Date.UTC(2000, month - 1, day))
  d.setUTCFullYear(year)
  return d.getTime()
}
