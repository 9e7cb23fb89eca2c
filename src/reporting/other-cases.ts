// Appeals (internal reviews), complaints, regulator cases and search tasks.
//
// DEFINITIONS:
// - APPEALS: review cases. Received = receivedOn in the period; decided = reviewDecision.decidedOn in the period,
//   split into upheld / not upheld as the Chief Executive recorded it; open = not yet answered, as of asOf.
// - COMPLAINTS (DPA 2018 s.164A): received in the period; upheld / not upheld by the date the outcome was recorded;
//   open as of asOf; acknowledgement overdue = open, not acknowledged, and its acknowledgement date (30 days,
//   s.164A(3)(a)) before asOf.
// - REGULATOR CASES (ICO enquiries): received in the period; answered = response sent in the period; open and
//   overdue (past the date the regulator asked for) as of asOf.
// - SEARCH TASKS: outstanding = not returned (no returnedAt, status not a finished one); overdue = outstanding with
//   dueOn before asOf. Grouped by team; tasks sent to a named person without a team are grouped as "No team".
// Period counts read CaseFacts (facts.ts, disposed cases included); open and overdue need the live cases.
import { clockOf, defaultClockSettings, type CaseState, type LocalDate } from '../domain/index.js'
import type { CaseFacts } from './facts.js'
import { inPeriod } from './period.js'
import type {
  AppealFigures,
  ComplaintFigures,
  Period,
  RegulatorFigures,
  SearchTaskRow,
  SearchTaskTeamFigures,
} from './types.js'
import { isOpen, openCases, type SnapshotOptions } from './workload.js'

export const NO_TEAM = 'No team (sent to a person)'

/** Statuses the casework screens may use for a task that needs nothing more; returnedAt is checked first. */
const FINISHED_TASK_STATUSES = new Set(['returned', 'nil-return', 'completed', 'complete', 'done', 'cancelled'])

function ofType<T extends { caseType: CaseState['caseType'] }>(cases: readonly T[], caseType: CaseState['caseType']) {
  return cases.filter((c) => c.caseType === caseType)
}

export function appealFigures(cases: readonly CaseState[], facts: readonly CaseFacts[], period: Period): AppealFigures {
  const reviews = ofType(facts, 'review')
  const decided = reviews.filter((c) => inPeriod(c.reviewDecision?.on, period))
  return {
    received: reviews.filter((c) => inPeriod(c.receivedOn, period)).length,
    decided: decided.length,
    upheld: decided.filter((c) => c.reviewDecision?.upheld === true).length,
    notUpheld: decided.filter((c) => c.reviewDecision?.upheld === false).length,
    open: ofType(cases, 'review').filter(isOpen).length,
  }
}

export function complaintFigures(
  cases: readonly CaseState[],
  facts: readonly CaseFacts[],
  period: Period,
  options: SnapshotOptions,
): ComplaintFigures {
  const complaints = ofType(cases, 'complaint')
  const outcomes = ofType(facts, 'complaint').filter((c) => inPeriod(c.complaintOutcome?.on, period))
  const settings = options.clockSettings ?? defaultClockSettings
  const ackOverdue = complaints.filter((c) => {
    if (!isOpen(c) || c.acknowledgedOn) return false
    const due = clockOf(c, options.calendar, settings, options.asOf).acknowledgementDue
    return due !== undefined && due < options.asOf
  })
  return {
    received: ofType(facts, 'complaint').filter((c) => inPeriod(c.receivedOn, period)).length,
    upheld: outcomes.filter((c) => c.complaintOutcome?.upheld === true).length,
    notUpheld: outcomes.filter((c) => c.complaintOutcome?.upheld === false).length,
    open: complaints.filter(isOpen).length,
    acknowledgementOverdue: ackOverdue.length,
  }
}

export function regulatorFigures(
  cases: readonly CaseState[],
  facts: readonly CaseFacts[],
  period: Period,
  options: SnapshotOptions,
): RegulatorFigures {
  const open = openCases(ofType(cases, 'regulator-case'), options)
  const regulator = ofType(facts, 'regulator-case')
  return {
    received: regulator.filter((c) => inPeriod(c.receivedOn, period)).length,
    answered: regulator.filter((c) => inPeriod(c.respondedOn, period)).length,
    open: open.length,
    overdue: open.filter((o) => o.overdue).length,
  }
}

export function isOutstanding(task: SearchTaskRow): boolean {
  return task.returnedAt === null && !FINISHED_TASK_STATUSES.has(task.status)
}

/** Teams with outstanding tasks, most overdue first. Only tasks on the given cases (the controllers reported). */
export function searchTaskFigures(
  tasks: readonly SearchTaskRow[],
  caseIds: ReadonlySet<string>,
  asOf: LocalDate,
): SearchTaskTeamFigures[] {
  const byTeam = new Map<string, SearchTaskTeamFigures>()
  for (const task of tasks) {
    if (!caseIds.has(task.caseId) || !isOutstanding(task)) continue
    const team = task.team?.trim() || NO_TEAM
    const row = byTeam.get(team) ?? { team, outstanding: 0, overdue: 0, oldestDueOn: null }
    row.outstanding += 1
    if (task.dueOn < asOf) {
      row.overdue += 1
      if (row.oldestDueOn === null || task.dueOn < row.oldestDueOn) row.oldestDueOn = task.dueOn
    }
    byTeam.set(team, row)
  }
  return [...byTeam.values()].sort((a, b) => b.overdue - a.overdue || a.team.localeCompare(b.team))
}
