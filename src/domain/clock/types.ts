/**
 * Types of the statutory clock. The implementation lives beside this file; see
 * shared/spec/uk-rules.md §1.3 for the algorithm these types carry.
 */

/** A calendar date in Europe/London, formatted YYYY-MM-DD. Never a timestamp. */
export type LocalDate = string

/** Which law's time limit applies: requests received before 5 Feb 2026 stay on the old rules (SI 2026/82 reg 4). */
export type ClockRegime = 'PRE_DUAA' | 'ART12A'

/** Which statute the request is handled under: UK GDPR (DPA 2018 Part 2) or law enforcement (DPA 2018 Part 3). */
export type ProcessingRoute = 'UK_GDPR' | 'DPA_PART3'

/** Something the controller asked for whose arrival restarts the clock (Art 12A(2)(b)-(c)). */
export interface ClockRestart {
  kind: 'identity' | 'authority' | 'fee'
  requestedOn: LocalDate
  /** null while still awaited: the clock is not running until it arrives. */
  resolvedOn: LocalDate | null
}

/** An Art 12A(5) clarification pause (access requests only), both days inclusive. */
export interface ClarificationPause {
  requestedOn: LocalDate
  /** null while the pause is still open. */
  resolvedOn: LocalDate | null
}

export interface StatutoryClockInput {
  receivedOn: LocalDate
  restarts: readonly ClockRestart[]
  pauses: readonly ClarificationPause[]
  extended: boolean
}

export interface ClockSettings {
  /**
   * INTERPRETIVE (uk-rules.md §1.3, §12 item 1): a clarification asked and answered on the same day excludes
   * one day under the literal reading of Art 12A(5). false follows the older ICO reading (nothing excluded).
   */
  sameDayClarificationExcludesOneDay: boolean
}

export const defaultClockSettings: ClockSettings = { sameDayClarificationExcludesOneDay: true }

export interface StatutoryDeadline {
  /** The last day to respond (end of day, Europe/London), after the weekend and bank-holiday roll. */
  due: LocalDate
  /** The last day to give an extension notice (Art 12A(4)), including any pause. */
  noticeDeadline: LocalDate
  /** The relevant time of Art 12A(2): the latest of receipt and every resolved restart. */
  relevantTime: LocalDate
  /** Calendar days excluded by clarification pauses on or after the relevant time. */
  pausedDays: number
  regime: ClockRegime
  /** True while a pause is open: `due` then assumes the pause ends on `asOf`. */
  paused: boolean
  /** True while identity, authority or a fee is awaited: the clock has not (re)started, `due` is provisional. */
  awaitingRestart: boolean
}

/** Which days are not working days. Built from a region's bank holidays plus admin additions. */
export interface WorkingDayCalendar {
  readonly name: CalendarName
  isWorkingDay(date: LocalDate): boolean
}

export type CalendarName = 'england-and-wales' | 'scotland' | 'northern-ireland' | 'uk-any-part'
