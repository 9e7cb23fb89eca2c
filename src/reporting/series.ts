// Series for the dashboard charts: received vs closed and the on-time percentage per month, and open cases by age.
//
// DEFINITIONS (rights requests only for the monthly series, which is what the timeliness measure is about):
// Disposed cases count from their disposal records (facts.ts), so past months keep their figures.
// - RECEIVED in a month: receivedOn in that month.
// - CLOSED in a month: the request was finished that month: its response was sent (response.sentOn), or, with no
//   response, it was withdrawn (withdrawal.on). Closing the file later is housekeeping and does not move it.
// - RESPONDED / ON TIME / LATE / ON-TIME %: exactly the timeliness figures (timeliness.ts) for that month, so the
//   trend and the month's figures always agree.
// - AGE of an open case (any case type) on asOf: calendar days since receivedOn (received today = 0 days). Bands
//   0–10, 11–20, 21–30, 31–60 and over 60 days, each split into overdue, waiting for the requester (clock stopped)
//   and on track, with the same tests as the open figures (workload.ts).
import { defaultClockSettings, type CaseState, type ClockSettings, type WorkingDayCalendar } from '../domain/index.js'
import { factsOfCase, factsOfDisposed } from './facts.js'
import { casesOf, disposedOf } from './figures.js'
import { inPeriod, monthPeriod, monthsEnding } from './period.js'
import { daysFromTo, timeliness } from './timeliness.js'
import type { DisposedCase } from './types.js'
import { closedCount, openCases, type SnapshotOptions } from './workload.js'

export interface MonthlyPoint {
  month: string
  received: number
  closed: number
  responded: number
  respondedOnTime: number
  respondedLate: number
  onTimePercent: number | null
}

export interface SeriesOptions {
  /** The last month shown, 'YYYY-MM'. */
  lastMonth: string
  /** How many months, ending with lastMonth. Default 12. */
  months?: number
  calendar: WorkingDayCalendar
  clockSettings?: ClockSettings
  controllerIds?: readonly string[]
  /** Disposal records (FiguresInput.disposed). */
  disposed?: readonly DisposedCase[]
}

export function monthlySeries(cases: readonly CaseState[], options: SeriesOptions): MonthlyPoint[] {
  const requests = casesOf(cases, options.controllerIds).filter((c) => c.caseType === 'rights-request')
  const disposed = disposedOf(options.disposed ?? [], options.controllerIds, cases)
  const facts = [...requests.map(factsOfCase), ...disposed.map(factsOfDisposed)].filter(
    (c) => c.caseType === 'rights-request',
  )
  const settings = options.clockSettings ?? defaultClockSettings
  return monthsEnding(options.lastMonth, options.months ?? 12).map((month) => {
    const period = monthPeriod(month)
    const t = timeliness(requests, period, options.calendar, settings, disposed)
    return {
      month,
      received: facts.filter((c) => inPeriod(c.receivedOn, period)).length,
      closed: closedCount(facts, period),
      responded: t.responded,
      respondedOnTime: t.onTime,
      respondedLate: t.late,
      onTimePercent: t.onTimePercent,
    }
  })
}

export interface AgeBand {
  key: string
  label: string
  min: number
  /** Inclusive; null for the open-ended last band. */
  max: number | null
}

export const AGE_BANDS: readonly AgeBand[] = [
  { key: '0-10', label: '0 to 10 days', min: 0, max: 10 },
  { key: '11-20', label: '11 to 20 days', min: 11, max: 20 },
  { key: '21-30', label: '21 to 30 days', min: 21, max: 30 },
  { key: '31-60', label: '31 to 60 days', min: 31, max: 60 },
  { key: '61+', label: 'Over 60 days', min: 61, max: null },
]

export interface AgeBandPoint {
  band: AgeBand
  onTrack: number
  waiting: number
  overdue: number
  total: number
}

export function bandOf(ageDays: number): AgeBand {
  const band = AGE_BANDS.find((b) => ageDays >= b.min && (b.max === null || ageDays <= b.max))
  return band ?? (AGE_BANDS[0] as AgeBand)
}

export function openByAgeBand(
  cases: readonly CaseState[],
  options: SnapshotOptions & { controllerIds?: readonly string[] },
): AgeBandPoint[] {
  const open = openCases(casesOf(cases, options.controllerIds), {
    ...options,
    clockSettings: options.clockSettings ?? defaultClockSettings,
  })
  return AGE_BANDS.map((band) => {
    const inBand = open.filter((o) => bandOf(daysFromTo(o.state.receivedOn, options.asOf)).key === band.key)
    const overdue = inBand.filter((o) => o.overdue).length
    const waiting = inBand.filter((o) => o.waiting).length
    return { band, overdue, waiting, onTrack: inBand.length - overdue - waiting, total: inBand.length }
  })
}
