// Public API of the statutory clock (uk-rules.md §1–3). Import from here, not from the files behind it.
export type * from './types.js'
export { defaultClockSettings } from './types.js'
export {
  addDays,
  addMonthsClamped,
  compareLocalDates,
  dayOfWeek,
  daysBetweenInclusive,
  daysInMonth,
  isValidLocalDate,
  isWeekend,
  localDateInLondon,
  maxLocalDate,
  minLocalDate,
  parseLocalDate,
  type DayOfWeek,
} from './local-date.js'
export {
  BANK_HOLIDAY_REGIONS,
  ONE_OFF_BANK_HOLIDAYS,
  PUBLISHED_THROUGH_YEAR,
  bankHolidays,
  easterSunday,
  isBankHoliday,
  type BankHolidayRegion,
  type OneOffBankHoliday,
} from './bank-holidays.js'
export {
  CALENDAR_NAMES,
  addWorkingDays,
  complaintAcknowledgementDue,
  createCalendar,
  isCalendarName,
  rollForwardToWorkingDay,
} from './calendar.js'
export {
  ART12A_COMMENCEMENT,
  computeStatutoryDeadline,
  extensionAllowed,
  regimeFor,
  relevantTimeOf,
  type StatutoryDeadlineOptions,
} from './statutory-deadline.js'
