// Months and periods for reports. A month is 'YYYY-MM'; a period is two inclusive Europe/London dates.
import { MONTH_NAMES, daysInMonth, formatLongDate, type LocalDate } from '../domain/index.js'
import type { Period } from './types.js'

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isMonth(value: string): boolean {
  return MONTH.test(value)
}

function parts(month: string): { year: number; month: number } {
  const match = MONTH.exec(month)
  if (!match) throw new RangeError(`month '${month}' is not YYYY-MM`)
  return { year: Number(match[1]), month: Number(match[2]) }
}

function format(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

/** The whole calendar month, first to last day. */
export function monthPeriod(month: string): Period {
  const p = parts(month)
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(p.year, p.month)).padStart(2, '0')}` }
}

export function monthOf(date: LocalDate): string {
  return date.slice(0, 7)
}

export function addMonths(month: string, n: number): string {
  const p = parts(month)
  const index = p.year * 12 + (p.month - 1) + n
  return format(Math.floor(index / 12), (index % 12) + 1)
}

export function previousMonth(month: string): string {
  return addMonths(month, -1)
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1))
}

/** "March 2026". */
export function monthLabel(month: string): string {
  const p = parts(month)
  return `${MONTH_NAMES[p.month - 1]} ${p.year}`
}

/** "Mar" (for chart axes, with the year shown beneath when it changes). */
export function shortMonthName(month: string): string {
  return (MONTH_NAMES[parts(month).month - 1] ?? '').slice(0, 3)
}

export function inPeriod(date: LocalDate | null | undefined, period: Period): boolean {
  return date !== null && date !== undefined && date >= period.from && date <= period.to
}

/** "1 March 2026 to 31 March 2026". */
export function periodLabel(period: Period): string {
  return `${formatLongDate(period.from)} to ${formatLongDate(period.to)}`
}

/** From the first day of `first` to the last day of `last` (months 'YYYY-MM', first not after last). */
export function monthsPeriod(first: string, last: string): Period {
  if (first > last) throw new RangeError(`month range ends (${last}) before it starts (${first})`)
  return { from: monthPeriod(first).from, to: monthPeriod(last).to }
}

/** How many months from `first` to `last`, both included (1 for the same month). */
export function monthCount(first: string, last: string): number {
  const a = parts(first)
  const b = parts(last)
  return (b.year - a.year) * 12 + (b.month - a.month) + 1
}

/** The month before the one `today` is in: the last complete month, the reports' default. */
export function lastCompleteMonth(today: LocalDate): string {
  return previousMonth(monthOf(today))
}

/** "March 2026" for a whole month, "January 2026 to March 2026" for whole months, otherwise periodLabel. */
export function describePeriod(period: Period): string {
  const first = monthOf(period.from)
  const last = monthOf(period.to)
  const whole = isMonth(first) && isMonth(last) && monthPeriod(first).from === period.from
  if (!whole || monthPeriod(last).to !== period.to) return periodLabel(period)
  return first === last ? monthLabel(first) : `${monthLabel(first)} to ${monthLabel(last)}`
}
