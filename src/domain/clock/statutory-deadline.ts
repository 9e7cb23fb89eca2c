import { rollForwardToWorkingDay } from './calendar.js'
import { addDays, addMonthsClamped, isValidLocalDate, maxLocalDate } from './local-date.js'
import {
  defaultClockSettings,
  type ClarificationPause,
  type ClockRegime,
  type ClockSettings,
  type LocalDate,
  type ProcessingRoute,
  type StatutoryClockInput,
  type StatutoryDeadline,
  type WorkingDayCalendar,
} from './types.js'

/** SI 2026/82 reg 2: Art 12A UK GDPR and the new DPA 2018 s.54 came into force on 5 February 2026. */
export const ART12A_COMMENCEMENT: LocalDate = '2026-02-05'

export interface StatutoryDeadlineOptions {
  settings?: ClockSettings
  /** Today in Europe/London. An open clarification pause is assumed to end on this day. */
  asOf?: LocalDate
}

/** SI 2026/82 reg 4: a request received before 5 February 2026 stays on the old Art 12(3) / s.54 time limits. */
export function regimeFor(received: LocalDate): ClockRegime {
  return received < ART12A_COMMENCEMENT ? 'PRE_DUAA' : 'ART12A'
}

/**
 * Whether the two-month extension exists at all. The old DPA 2018 s.54 (Part 3) had none, and SI 2026/82 reg 4
 * saves it for requests received before 5 February 2026 (uk-rules §1.1 system rule, §12 item 4). UK GDPR requests
 * could always be extended (old Art 12(3); now Art 12A(3)), as can Part 3 requests under the new s.54.
 */
export function extensionAllowed(regime: ClockRegime, route: ProcessingRoute): boolean {
  return !(regime === 'PRE_DUAA' && route === 'DPA_PART3')
}

/**
 * The response deadline and extension-notice deadline of uk-rules §1.3:
 *
 *   relevantTime   = latest of receipt and every resolved identity/authority/fee restart (Art 12A(2))
 *   pausedDays     = |union of clarification days on or after relevantTime| (Art 12A(5), both ends inclusive)
 *   due            = roll(addMonthsClamped(relevantTime, extended ? 3 : 1) + pausedDays)   (Art 12A(1), (3))
 *   noticeDeadline = roll(addMonthsClamped(relevantTime, 1) + pausedDays)                 (Art 12A(4)-(5))
 *
 * Clamp first, then add paused days, then roll (INTERPRETIVE at month ends, uk-rules §12 item 2). While a restart
 * is awaited the clock is not running (Art 12(6)); `due` is then counted from the latest date already known, which
 * is the earliest the deadline can be, and `awaitingRestart` is true.
 */
export function computeStatutoryDeadline(
  input: StatutoryClockInput,
  calendar: WorkingDayCalendar,
  options: StatutoryDeadlineOptions = {},
): StatutoryDeadline {
  assertWellFormed(input, options.asOf)
  const settings = options.settings ?? defaultClockSettings
  const relevantTime = relevantTimeOf(input)
  const pausedDays = excludedDates(input.pauses, relevantTime, settings, options.asOf).size
  const endOf = (months: number): LocalDate =>
    rollForwardToWorkingDay(addDays(addMonthsClamped(relevantTime, months), pausedDays), calendar)
  return {
    // Art 12A(3): the extension is two further months, counted as 3 months from the relevant time, never as
    // 2 months after the 1-month date (ICO: 31 Jan extended is 30 Apr, not 28 Apr).
    due: endOf(input.extended ? 3 : 1),
    noticeDeadline: endOf(1),
    relevantTime,
    pausedDays,
    regime: regimeFor(input.receivedOn),
    paused: input.pauses.some((p) => p.resolvedOn === null),
    awaitingRestart: input.restarts.some((r) => r.resolvedOn === null),
  }
}

/** Art 12A(2): the latest of receipt, receipt of identity or authority information, and payment of an Art 12(5) fee. */
export function relevantTimeOf(input: StatutoryClockInput): LocalDate {
  const resolved = input.restarts.flatMap((r) => (r.resolvedOn === null ? [] : [r.resolvedOn]))
  return maxLocalDate(input.receivedOn, ...resolved)
}

/**
 * Art 12A(5): "the period beginning with the day on which the controller makes the request and ending with the
 * day on which the controller receives the information" does not count. Days before the relevant time are already
 * outside the period, so they are not excluded twice; overlapping pauses are a union for the same reason.
 */
function excludedDates(
  pauses: readonly ClarificationPause[],
  relevantTime: LocalDate,
  settings: ClockSettings,
  asOf: LocalDate | undefined,
): Set<LocalDate> {
  const dates = new Set<LocalDate>()
  for (const pause of pauses) {
    // An open pause is counted as if answered today (or on the day it was asked, when no today is given).
    const end = pause.resolvedOn ?? maxLocalDate(pause.requestedOn, asOf ?? pause.requestedOn)
    // INTERPRETIVE (uk-rules §12 item 1): the older ICO reading lets a same-day answer stop nothing.
    if (end === pause.requestedOn && !settings.sameDayClarificationExcludesOneDay) continue
    for (let d = maxLocalDate(pause.requestedOn, relevantTime); d <= end; d = addDays(d, 1)) dates.add(d)
  }
  return dates
}

function assertWellFormed(input: StatutoryClockInput, asOf: LocalDate | undefined): void {
  const dates = [
    ['receivedOn', input.receivedOn],
    ['asOf', asOf],
    ...input.restarts.flatMap((r, i) => [
      [`restarts[${i}].requestedOn`, r.requestedOn],
      [`restarts[${i}].resolvedOn`, r.resolvedOn],
    ]),
    ...input.pauses.flatMap((p, i) => [
      [`pauses[${i}].requestedOn`, p.requestedOn],
      [`pauses[${i}].resolvedOn`, p.resolvedOn],
    ]),
  ] as const
  for (const [field, value] of dates) {
    if (value !== undefined && value !== null && !isValidLocalDate(value)) {
      throw new RangeError(`${field} '${value}' is not a valid YYYY-MM-DD date`)
    }
  }
  for (const [kind, items] of [
    ['restart', input.restarts],
    ['pause', input.pauses],
  ] as const) {
    const backwards = items.find((item) => item.resolvedOn !== null && item.resolvedOn < item.requestedOn)
    if (backwards)
      throw new RangeError(`a ${kind} cannot be resolved (${backwards.resolvedOn}) before it was requested`)
  }
}
