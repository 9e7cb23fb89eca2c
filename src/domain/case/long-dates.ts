import { dayOfWeek, type LocalDate } from '../clock/index.js'

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

/** "1 day", "3 days". */
export function dayCount(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`
}

/** "2 March 2026": the GOV.UK date style, for timelines and explanations. */
export function formatLongDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number)
  return `${day ?? ''} ${MONTH_NAMES[(month ?? 1) - 1] ?? ''} ${year ?? ''}`
}

/** "Monday 2 March 2026": with the weekday, where it helps to see that a date was a weekend. */
export function formatLongDateWithDay(date: LocalDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]} ${formatLongDate(date)}`
}
