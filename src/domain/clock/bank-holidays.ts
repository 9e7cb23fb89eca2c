import englandAndWalesPublished from './bank-holidays/england-and-wales.json' with { type: 'json' }
import { addDays, dayOfWeek, daysInMonth, localDate, yearOf } from './local-date.js'
import type { LocalDate } from './types.js'

// Bank holidays are the Banking and Financial Dealings Act 1971 Sch 1 days, moved (s.1(2)) or added (s.1(3)) by
// royal proclamation, plus Christmas Day and Good Friday, which are common-law holidays in England, Wales and
// Northern Ireland and Sch 1 days in Scotland. They matter because Reg 1182/71 Art 3(4) (applied by UK GDPR Art 4A
// and DPA 2018 s.205(2)) moves a period that ends on a holiday to the next working day.

export type BankHolidayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland'

export const BANK_HOLIDAY_REGIONS: readonly BankHolidayRegion[] = ['england-and-wales', 'scotland', 'northern-ireland']

/** Years whose England and Wales dates come from the vendored GOV.UK list rather than the rule. */
export const VENDORED_YEARS = { first: 2018, last: 2030 } as const

/** GOV.UK had published up to this year; the vendored 2029–2030 dates are computed and may change by proclamation. */
export const PUBLISHED_THROUGH_YEAR = 2028

/** A proclamation that moved or added a day. No rule can predict these, so they are kept as data. */
export interface OneOffBankHoliday {
  date: LocalDate
  /** The rule's date that this one replaced, if it was a move rather than an extra day. */
  replaces?: LocalDate
  regions: readonly BankHolidayRegion[]
  reason: string
}

const ALL_REGIONS = BANK_HOLIDAY_REGIONS

export const ONE_OFF_BANK_HOLIDAYS: readonly OneOffBankHoliday[] = [
  { date: '2020-05-08', replaces: '2020-05-04', regions: ALL_REGIONS, reason: 'Early May moved to VE Day 75' },
  { date: '2022-06-02', replaces: '2022-05-30', regions: ALL_REGIONS, reason: 'Spring moved for the Platinum Jubilee' },
  { date: '2022-06-03', regions: ALL_REGIONS, reason: 'Platinum Jubilee of Queen Elizabeth II' },
  { date: '2022-09-19', regions: ALL_REGIONS, reason: 'State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', regions: ALL_REGIONS, reason: 'Coronation of King Charles III' },
  { date: '2026-06-15', regions: ['scotland'], reason: 'World Cup bank holiday (Scotland)' },
]

/** Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return localDate(year, month, day)
}

/**
 * A region's holidays for a year from the standing rules alone (uk-rules §3.1–3.2), without one-off proclamations.
 * Only weekdays are returned: a holiday falling at a weekend is replaced by its substitute day.
 */
export function bankHolidaysByRule(region: BankHolidayRegion, year: number): LocalDate[] {
  const easter = easterSunday(year)
  const goodFriday = addDays(easter, -2)
  const common = [
    goodFriday,
    firstMonday(year, 5), // Early May
    lastMonday(year, 5), // Spring
    ...pairWithSubstitutes(localDate(year, 12, 25)), // Christmas Day and Boxing Day
  ]
  if (region === 'scotland') {
    return sorted([
      ...common,
      ...pairWithSubstitutes(localDate(year, 1, 1)), // 1 and 2 January
      firstMonday(year, 8), // Summer: first Monday of August in Scotland
      withMondaySubstitute(localDate(year, 11, 30)), // St Andrew's Day (Scotland) Act 2007
    ])
  }
  const englandAndWales = [
    ...common,
    withMondaySubstitute(localDate(year, 1, 1)),
    addDays(easter, 1), // Easter Monday: not a Scottish holiday
    lastMonday(year, 8), // Summer
  ]
  if (region === 'england-and-wales') return sorted(englandAndWales)
  return sorted([
    ...englandAndWales,
    withMondaySubstitute(localDate(year, 3, 17)), // St Patrick's Day
    withMondaySubstitute(localDate(year, 7, 12)), // Battle of the Boyne (by proclamation each year)
  ])
}

/** The rule's dates with the known proclamations applied: moved days taken out, added days put in. */
export function applyOneOffBankHolidays(region: BankHolidayRegion, year: number, byRule: LocalDate[]): LocalDate[] {
  const changes = ONE_OFF_BANK_HOLIDAYS.filter((c) => yearOf(c.date) === year && c.regions.includes(region))
  const replaced = new Set(changes.flatMap((c) => (c.replaces ? [c.replaces] : [])))
  return sorted([...byRule.filter((d) => !replaced.has(d)), ...changes.map((c) => c.date)])
}

const memo = new Map<string, readonly LocalDate[]>()

/**
 * A region's weekday bank holidays for a year. England and Wales uses the vendored GOV.UK list for 2018–2030 (the
 * operational source of truth); every other year and region is computed from the rules plus the known one-offs.
 */
export function bankHolidays(region: BankHolidayRegion, year: number): readonly LocalDate[] {
  const key = `${region}:${year}`
  let dates = memo.get(key)
  if (!dates) {
    const vendored = region === 'england-and-wales' ? vendoredEnglandAndWales(year) : undefined
    dates = Object.freeze(vendored ?? applyOneOffBankHolidays(region, year, bankHolidaysByRule(region, year)))
    memo.set(key, dates)
  }
  return dates
}

export function isBankHoliday(region: BankHolidayRegion, date: LocalDate): boolean {
  return bankHolidays(region, yearOf(date)).includes(date)
}

/** The vendored list for a year, or undefined outside 2018–2030. */
export function vendoredEnglandAndWales(year: number): LocalDate[] | undefined {
  if (year < VENDORED_YEARS.first || year > VENDORED_YEARS.last) return undefined
  return englandAndWalesPublished.filter((d) => yearOf(d) === year)
}

function firstMonday(year: number, month: number): LocalDate {
  const first = localDate(year, month, 1)
  return addDays(first, (8 - dayOfWeek(first)) % 7)
}

function lastMonday(year: number, month: number): LocalDate {
  const lastDay = localDate(year, month, daysInMonth(year, month))
  return addDays(lastDay, -((dayOfWeek(lastDay) + 6) % 7))
}

/** A single holiday at a weekend is taken on the following Monday. */
function withMondaySubstitute(date: LocalDate): LocalDate {
  const dow = dayOfWeek(date)
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date
}

/**
 * Two consecutive holidays (25–26 December; 1–2 January in Scotland) keep two weekday holidays between them:
 * Fri–Sat gives Fri and Mon; Sat–Sun gives Mon and Tue; Sun–Mon gives Mon and Tue.
 */
function pairWithSubstitutes(first: LocalDate): LocalDate[] {
  switch (dayOfWeek(first)) {
    case 5:
      return [first, addDays(first, 3)]
    case 6:
      return [addDays(first, 2), addDays(first, 3)]
    case 0:
      return [addDays(first, 1), addDays(first, 2)]
    default:
      return [first, addDays(first, 1)]
  }
}

function sorted(dates: LocalDate[]): LocalDate[] {
  return [...new Set(dates)].sort()
}
