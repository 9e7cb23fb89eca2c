// When the monthly compliance pack is produced: on the first working day of each month, for the month just ended
// (issue 6). The worker runs a daily cron and asks monthlyPackDue(today); running it twice on that day is the
// caller's to prevent (e.g. a pg-boss singleton key of the month).
import { rollForwardToWorkingDay, type LocalDate, type WorkingDayCalendar } from '../domain/index.js'
import { monthOf, previousMonth } from './period.js'

/** The first day of `month` ('YYYY-MM') that is not a weekend or bank holiday, e.g. Tue 2 Jan 2024 after New Year. */
export function firstWorkingDayOfMonth(month: string, calendar: WorkingDayCalendar): LocalDate {
  return rollForwardToWorkingDay(`${month}-01`, calendar)
}

/** Whether `today` is the day to build and send last month's pack, and which month that is. */
export function monthlyPackDue(today: LocalDate, calendar: WorkingDayCalendar): { due: boolean; month: string } {
  const thisMonth = monthOf(today)
  return { due: today === firstWorkingDayOfMonth(thisMonth, calendar), month: previousMonth(thisMonth) }
}
