import {
  addMonthsClamped,
  addWorkingDays,
  complaintAcknowledgementDue,
  computeStatutoryDeadline,
  daysBetweenInclusive,
  extensionAllowed,
  rollForwardToWorkingDay,
  type ClockRegime,
  type ClockSettings,
  type LocalDate,
  type WorkingDayCalendar,
} from '../clock/index.js'
import { dayCount, formatLongDate, formatLongDateWithDay } from './long-dates.js'
import { statutoryExplanation } from './statutory-explanation.js'
import type { CaseState } from './types.js'

export type CaseClockKind = 'statutory' | 'review' | 'complaint' | 'regulator'

export interface CaseClock {
  kind: CaseClockKind
  /** False once a response was sent or the case closed or was withdrawn: the deadline no longer runs. */
  running: boolean
  due: LocalDate | null
  /** Rights requests that can still be extended: the last day to give an extension notice (Art 12A(4)). */
  noticeDeadline?: LocalDate
  /** Complaints: the last day to acknowledge (DPA s.164A(3)(a)). */
  acknowledgementDue?: LocalDate
  pausedDays: number
  regime?: ClockRegime
  paused: boolean
  awaitingRestart: boolean
  /** Calendar days from asOf to due; negative when overdue; null when there is no running deadline. */
  daysLeft: number | null
  explanation: string[]
}

/** Internal targets where the law sets none. A deployment may change them; they are policy, not law. */
export interface CaseClockTargets {
  /** Seed 002: appeals are concluded within 20 working days. */
  reviewWorkingDays: number
  /**
   * A complex review recorded as extended (issue 14): 40 working days, the FOIA s.45 Code of Practice's limit for
   * exceptional or complex internal reviews, which many bodies apply to data protection reviews as local policy
   * (uk-rules §2; the Code's wording is UNCONFIRMED there). Policy, not law: no statute sets a SAR review period.
   */
  extendedReviewWorkingDays: number
  /**
   * DPA s.164A(3)(b)-(c) only asks for an outcome "without undue delay" and the ICO sets no period; this default of
   * three months from receipt is an internal backstop, not a statutory deadline.
   */
  complaintResponseMonths: number
}

export const DEFAULT_CLOCK_TARGETS: CaseClockTargets = {
  reviewWorkingDays: 20,
  extendedReviewWorkingDays: 40,
  complaintResponseMonths: 3,
}

/** DUAA 2025 s.103 / SI 2026/82 reg 7: s.164A applies to complaints received on or after 19 June 2026. */
export const COMPLAINTS_DUTY_COMMENCEMENT: LocalDate = '2026-06-19'

function daysFrom(asOf: LocalDate, due: LocalDate): number {
  return due >= asOf ? daysBetweenInclusive(asOf, due) - 1 : -(daysBetweenInclusive(due, asOf) - 1)
}

function stoppedOn(state: CaseState): LocalDate | null {
  if (state.status === 'responded' || state.status === 'closed') return state.response?.sentOn ?? state.closedOn ?? null
  if (state.status === 'withdrawn') return state.withdrawal?.on ?? state.closedOn ?? null
  return null
}

function finish(clock: Omit<CaseClock, 'running' | 'daysLeft'>, state: CaseState, asOf: LocalDate): CaseClock {
  const running = !['responded', 'closed', 'withdrawn'].includes(state.status)
  const stopped = stoppedOn(state)
  const explanation = [...clock.explanation]
  if (!running && clock.due !== null && stopped !== null) {
    const late = daysFrom(clock.due, stopped)
    const timing = late > 0 ? `${dayCount(late)} after the deadline` : 'within the deadline'
    explanation.push(
      state.status === 'withdrawn'
        ? `Withdrawn on ${formatLongDate(stopped)}: the clock has stopped.`
        : `Answered on ${formatLongDate(stopped)}, ${timing}: the clock has stopped.`,
    )
  } else if (running && clock.due !== null) {
    const left = daysFrom(asOf, clock.due)
    explanation.push(left >= 0 ? `${dayCount(left)} left.` : `Overdue by ${dayCount(-left)}.`)
  }
  const daysLeft = running && clock.due !== null ? daysFrom(asOf, clock.due) : null
  return { ...clock, running, daysLeft, explanation }
}

function statutoryClock(state: CaseState, calendar: WorkingDayCalendar, settings: ClockSettings, asOf: LocalDate) {
  const deadline = computeStatutoryDeadline(
    {
      receivedOn: state.receivedOn,
      restarts: state.restarts,
      pauses: state.pauses,
      extended: state.extension !== undefined,
    },
    calendar,
    { settings, asOf },
  )
  return {
    kind: 'statutory' as const,
    due: deadline.due,
    // Only while an extension is still possible: once extended, or where the law allows none, it is moot.
    ...(state.extension || !extensionAllowed(deadline.regime, state.route)
      ? {}
      : { noticeDeadline: deadline.noticeDeadline }),
    pausedDays: deadline.pausedDays,
    regime: deadline.regime,
    paused: deadline.paused,
    awaitingRestart: deadline.awaitingRestart,
    explanation: statutoryExplanation(state, deadline),
  }
}

function reviewClock(state: CaseState, calendar: WorkingDayCalendar, targets: CaseClockTargets) {
  const due = addWorkingDays(state.receivedOn, targets.reviewWorkingDays, calendar)
  if (state.extension) return extendedReviewClock(state, calendar, targets, due)
  const explanation = [
    `Review request received on ${formatLongDateWithDay(state.receivedOn)}.`,
    `Our policy is to decide a review within ${targets.reviewWorkingDays} working days, counting from the first working day after it arrived, so the decision is due by ${formatLongDateWithDay(due)}.`,
  ]
  return { kind: 'review' as const, due, pausedDays: 0, paused: false, awaitingRestart: false, explanation }
}

/** A complex review recorded as extended: the longer limit from the same starting point, with the reasons given. */
function extendedReviewClock(
  state: CaseState,
  calendar: WorkingDayCalendar,
  targets: CaseClockTargets,
  usualDue: LocalDate,
) {
  const due = addWorkingDays(state.receivedOn, targets.extendedReviewWorkingDays, calendar)
  const explanation = [
    `Review request received on ${formatLongDateWithDay(state.receivedOn)}.`,
    `Our policy is to decide a review within ${targets.reviewWorkingDays} working days (by ${formatLongDateWithDay(usualDue)}), or ${targets.extendedReviewWorkingDays} working days when the review is complex.`,
    `On ${formatLongDate(state.extension!.noticeGivenOn)} the review was recorded as complex, so the decision is due by ${formatLongDateWithDay(due)}: ${state.extension!.reasons}`,
  ]
  return { kind: 'review' as const, due, pausedDays: 0, paused: false, awaitingRestart: false, explanation }
}

function complaintClock(state: CaseState, calendar: WorkingDayCalendar, targets: CaseClockTargets) {
  const acknowledgementDue = complaintAcknowledgementDue(state.receivedOn, calendar)
  const due = rollForwardToWorkingDay(addMonthsClamped(state.receivedOn, targets.complaintResponseMonths), calendar)
  const statutory = state.receivedOn >= COMPLAINTS_DUTY_COMMENCEMENT
  const explanation = [
    `Complaint received on ${formatLongDateWithDay(state.receivedOn)}.`,
    statutory
      ? `The law requires an acknowledgement within 30 days, by ${formatLongDateWithDay(acknowledgementDue)} (DPA 2018 s.164A).`
      : `It arrived before 19 June 2026, when the duty to acknowledge complaints began; acknowledging by ${formatLongDateWithDay(acknowledgementDue)} is still good practice.`,
    state.acknowledgedOn ? `Acknowledged on ${formatLongDate(state.acknowledgedOn)}.` : 'Not yet acknowledged.',
    `The outcome is due without undue delay; our internal target is ${targets.complaintResponseMonths} months, by ${formatLongDateWithDay(due)}.`,
  ]
  return {
    kind: 'complaint' as const,
    due,
    acknowledgementDue,
    pausedDays: 0,
    paused: false,
    awaitingRestart: false,
    explanation,
  }
}

function regulatorClock(state: CaseState) {
  const due = state.regulator?.dueOn ?? null
  const explanation = [
    `Regulator enquiry received on ${formatLongDateWithDay(state.receivedOn)}.`,
    due
      ? `The regulator asked for an answer by ${formatLongDateWithDay(due)}.`
      : 'The regulator has not set a date for an answer.',
  ]
  return { kind: 'regulator' as const, due, pausedDays: 0, paused: false, awaitingRestart: false, explanation }
}

/**
 * The case's deadline as of a day, with plain-English sentences explaining it. Rights requests follow the
 * statutory clock (uk-rules §1.3); reviews, complaints and regulator cases follow the policy or the date given.
 */
export function clockOf(
  state: CaseState,
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
  asOf: LocalDate,
  targets: CaseClockTargets = DEFAULT_CLOCK_TARGETS,
): CaseClock {
  switch (state.caseType) {
    case 'rights-request':
      return finish(statutoryClock(state, calendar, settings, asOf), state, asOf)
    case 'review':
      return finish(reviewClock(state, calendar, targets), state, asOf)
    case 'complaint':
      return finish(complaintClock(state, calendar, targets), state, asOf)
    case 'regulator-case':
      return finish(regulatorClock(state), state, asOf)
  }
}
