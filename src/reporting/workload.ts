// Requests received, and the snapshot of work in progress: open, overdue, due soon, waiting for the requester, and
// the overdue and at-risk list. The seed 002 meeting reviews "requests in progress or outstanding".
//
// DEFINITIONS (snapshot figures are taken on `asOf`, whatever the period):
// - RECEIVED: rights requests whose receivedOn is in the period, by right and by the channel they came in by.
// - CLOSED: rights requests finished in the period: response sent (response.sentOn) or, with no response,
//   withdrawn (withdrawal.on), as the monthly series counts them.
// - OPEN: any case (all case types) not yet answered: status other than responded, closed and withdrawn. A response
//   sent stops the statutory clock, so "responded but not yet closed" is not outstanding work.
// - WAITING FOR THE REQUESTER: open, with the clock stopped: identity, authority or a fee awaited (Art 12(6),
//   Art 12A(2)) or a clarification pause open (Art 12A(5)). These are neither overdue nor due soon.
// - OVERDUE: open, not waiting, and the due date (clockOf as of asOf) is before asOf, the same test as the
//   deadline sweep's "overdue" flag.
// - DUE SOON: open, not waiting, due on or after asOf and no later than asOf + N working days (default 5; the
//   sweep's due-soon horizon, counted with addWorkingDays so bank holidays are skipped).
// - AT RISK list: every overdue or due-soon case, most overdue first.
import {
  addWorkingDays,
  clockOf,
  defaultClockSettings,
  RIGHTS,
  type CaseClock,
  type CaseState,
  type CaseType,
  type Channel,
  type ClockSettings,
  type LocalDate,
  type WorkingDayCalendar,
} from '../domain/index.js'
import type { CaseFacts } from './facts.js'
import { CASE_TYPE_LABELS, CHANNEL_LABELS, RIGHT_LABELS } from './labels.js'
import { inPeriod } from './period.js'
import type { AtRiskCase, Count, OpenFigures, Period, ReceivedFigures } from './types.js'

export const CASE_TYPES: readonly CaseType[] = ['rights-request', 'review', 'complaint', 'regulator-case']
export const CHANNELS: readonly Channel[] = ['email', 'post', 'phone', 'in-person', 'portal', 'api']

const NOT_OPEN = new Set(['responded', 'closed', 'withdrawn'])

export function isOpen(state: CaseState): boolean {
  return !NOT_OPEN.has(state.status)
}

/** Counts of `keys` (all of them, zeros included) among `items`. */
export function countBy<K extends string, T>(
  items: readonly T[],
  keys: readonly K[],
  keyOf: (item: T) => K | undefined,
  labels: Record<K, string>,
): Count<K>[] {
  return keys.map((key) => ({ key, label: labels[key], count: items.filter((i) => keyOf(i) === key).length }))
}

export function receivedFigures(cases: readonly CaseFacts[], period: Period): ReceivedFigures {
  const received = cases.filter((c) => c.caseType === 'rights-request' && inPeriod(c.receivedOn, period))
  return {
    total: received.length,
    byRight: countBy(received, RIGHTS, (c) => c.right ?? undefined, RIGHT_LABELS),
    byChannel: countBy(received, CHANNELS, (c) => c.channel, CHANNEL_LABELS),
  }
}

/** The day a rights request was finished: its response, or its withdrawal when it had none. */
export function finishedOn(c: CaseFacts): string | null {
  return c.respondedOn ?? c.withdrawnOn
}

export function closedCount(cases: readonly CaseFacts[], period: Period): number {
  return cases.filter((c) => c.caseType === 'rights-request' && inPeriod(finishedOn(c), period)).length
}

export interface OpenCase {
  state: CaseState
  clock: CaseClock
  waiting: boolean
  overdue: boolean
  dueSoon: boolean
}

export interface SnapshotOptions {
  asOf: LocalDate
  calendar: WorkingDayCalendar
  clockSettings?: ClockSettings
  dueSoonWorkingDays?: number
}

export function dueSoonUntil(options: SnapshotOptions): LocalDate {
  return addWorkingDays(options.asOf, options.dueSoonWorkingDays ?? 5, options.calendar)
}

/** Every open case with its clock as of asOf and its snapshot classification. */
export function openCases(cases: readonly CaseState[], options: SnapshotOptions): OpenCase[] {
  const horizon = dueSoonUntil(options)
  const settings = options.clockSettings ?? defaultClockSettings
  return cases.filter(isOpen).map((state) => {
    const clock = clockOf(state, options.calendar, settings, options.asOf)
    const waiting = clock.paused || clock.awaitingRestart
    const due = waiting ? null : clock.due
    return {
      state,
      clock,
      waiting,
      overdue: due !== null && due < options.asOf,
      dueSoon: due !== null && due >= options.asOf && due <= horizon,
    }
  })
}

export function openFigures(cases: readonly CaseState[], options: SnapshotOptions): OpenFigures {
  const open = openCases(cases, options)
  const byCaseType = CASE_TYPES.map((caseType) => {
    const ofType = open.filter((o) => o.state.caseType === caseType)
    return {
      caseType,
      label: CASE_TYPE_LABELS[caseType],
      open: ofType.length,
      overdue: ofType.filter((o) => o.overdue).length,
      dueSoon: ofType.filter((o) => o.dueSoon).length,
    }
  })
  return {
    asOf: options.asOf,
    dueSoonUntil: dueSoonUntil(options),
    open: open.length,
    overdue: open.filter((o) => o.overdue).length,
    dueSoon: open.filter((o) => o.dueSoon).length,
    waitingForRequester: open.filter((o) => o.waiting).length,
    byCaseType,
  }
}

export function overdueAndAtRisk(
  cases: readonly CaseState[],
  options: SnapshotOptions & { userNames?: ReadonlyMap<string, string> },
): AtRiskCase[] {
  return openCases(cases, options)
    .filter((o) => (o.overdue || o.dueSoon) && o.clock.due !== null && o.clock.daysLeft !== null)
    .map(({ state, clock, overdue }) => ({
      caseId: state.id,
      reference: state.reference,
      caseType: state.caseType,
      right: state.right ?? null,
      status: state.status,
      receivedOn: state.receivedOn,
      dueOn: clock.due ?? '',
      daysLeft: clock.daysLeft ?? 0,
      overdue,
      assigneeId: state.assigneeId ?? null,
      assigneeName: state.assigneeId ? (options.userNames?.get(state.assigneeId) ?? null) : null,
    }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference))
}
