// Timeliness: the measure the ICO uses for subject access (and other rights) requests.
//
// DEFINITION. A rights request counts in a period when its response was SENT in that period (response.sentOn), not
// when it arrived: a month's timeliness is about the answers given that month. It is ON TIME when
//   sentOn <= the statutory due date in force when it was sent,
// where the due date is clockOf(state, calendar, settings, asOf = sentOn).due: the uk-rules §1.3 deadline with every
// identity/authority/fee restart, clarification pause and extension recorded on the case. Extensions can only be
// recorded before the response, so the date used is the one in force at the time. It is LATE otherwise, by
// (sentOn − due) calendar days. Refusals and redirects end in a response letter, so they count too; withdrawn
// requests were never answered and do not. Reviews, complaints and regulator cases have their own figures.
//
// DAYS TO RESPOND = calendar days from receivedOn to sentOn (a same-day answer is 0). It counts from the original
// receipt, not from a restart, because it measures what the requester waited. MEDIAN: the middle value, or the mean
// of the two middle values for an even count. 90TH PERCENTILE: nearest rank, the ⌈0.9·n⌉-th smallest value, so it is
// always a number of days some request actually took.
//
// DISPOSED requests count from their disposal record: its due date was worked out the same way (clockOf as of the
// day the response was sent) when the case was disposed of, so the month's figures do not change.
import {
  clockOf,
  daysBetweenInclusive,
  defaultClockSettings,
  type CaseState,
  type ClockSettings,
  type LocalDate,
  type WorkingDayCalendar,
} from '../domain/index.js'
import { inPeriod } from './period.js'
import type { DisposedCase, LateResponse, Period, TimelinessFigures } from './types.js'

/** One response to a rights request and how long it took, from a live case or a disposal record. */
export interface Timing {
  reference: string
  right: LateResponse['right']
  receivedOn: LocalDate
  sentOn: LocalDate
  dueOn: LocalDate
  onTime: boolean
  daysToRespond: number
  daysLate: number
}

export interface ResponseTiming extends Timing {
  state: CaseState
}

/** Calendar days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysFromTo(from: LocalDate, to: LocalDate): number {
  return to >= from ? daysBetweenInclusive(from, to) - 1 : -(daysBetweenInclusive(to, from) - 1)
}

/** The timing of a rights request's response, or null when it has none. */
export function responseTiming(
  state: CaseState,
  calendar: WorkingDayCalendar,
  settings: ClockSettings = defaultClockSettings,
): ResponseTiming | null {
  const sentOn = state.response?.sentOn
  if (state.caseType !== 'rights-request' || !sentOn) return null
  const due = clockOf(state, calendar, settings, sentOn).due
  if (due === null) return null
  const daysLate = Math.max(0, daysFromTo(due, sentOn))
  return {
    state,
    reference: state.reference,
    right: state.right ?? null,
    receivedOn: state.receivedOn,
    sentOn,
    dueOn: due,
    onTime: daysLate === 0,
    daysToRespond: daysFromTo(state.receivedOn, sentOn),
    daysLate,
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[mid] ?? null
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Nearest-rank percentile (p in (0, 100]). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

/** Percentage to one decimal place, or null for 0/0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10
}

/** The timing a disposal record kept, or null when it has no response or no due date. */
export function disposedTiming(d: DisposedCase): Timing | null {
  const s = d.statistics
  if (s.caseType !== 'rights-request' || !s.respondedOn || !s.dueOn) return null
  const daysLate = Math.max(0, daysFromTo(s.dueOn, s.respondedOn))
  return {
    reference: d.reference,
    right: s.right ?? null,
    receivedOn: s.receivedOn,
    sentOn: s.respondedOn,
    dueOn: s.dueOn,
    onTime: daysLate === 0,
    daysToRespond: daysFromTo(s.receivedOn, s.respondedOn),
    daysLate,
  }
}

export function responsesIn(
  cases: readonly CaseState[],
  period: Period,
  calendar: WorkingDayCalendar,
  settings?: ClockSettings,
  disposed: readonly DisposedCase[] = [],
): Timing[] {
  return [
    ...cases
      .filter((c) => inPeriod(c.response?.sentOn, period))
      .flatMap((c) => responseTiming(c, calendar, settings) ?? []),
    ...disposed.flatMap((d) => disposedTiming(d) ?? []).filter((t) => inPeriod(t.sentOn, period)),
  ]
}

export function timeliness(
  cases: readonly CaseState[],
  period: Period,
  calendar: WorkingDayCalendar,
  settings?: ClockSettings,
  disposed: readonly DisposedCase[] = [],
): TimelinessFigures {
  const timings = responsesIn(cases, period, calendar, settings, disposed)
  const onTime = timings.filter((t) => t.onTime).length
  const days = timings.map((t) => t.daysToRespond)
  const lateResponses: LateResponse[] = timings
    .filter((t) => !t.onTime)
    .map((t) => ({
      reference: t.reference,
      right: t.right,
      receivedOn: t.receivedOn,
      dueOn: t.dueOn,
      sentOn: t.sentOn,
      daysLate: t.daysLate,
    }))
    .sort((a, b) => b.daysLate - a.daysLate || a.reference.localeCompare(b.reference))
  return {
    responded: timings.length,
    onTime,
    late: timings.length - onTime,
    onTimePercent: percent(onTime, timings.length),
    medianDays: median(days),
    p90Days: percentile(days, 90),
    lateResponses,
  }
}
