// The compliance figures for a period and a set of controllers (issue 6). Pure: plain CaseState snapshots and search
// task rows in, plain data out, so every figure can be checked by hand. Each part's definition is documented in the
// file that computes it: timeliness.ts, workload.ts, decisions.ts, other-cases.ts.
//
// Two kinds of figure:
// - PERIOD figures count things that happened between period.from and period.to (received, responded, extended,
//   paused, refused, decided), each by the date it happened.
// - SNAPSHOT figures (open, overdue, due soon, waiting, complaints awaiting acknowledgement, search tasks, the at-risk
//   list) describe the work outstanding on `asOf`. The monthly pack uses the day it is produced, because the
//   meeting discusses what is outstanding now.
// Figures are computed from each case's current snapshot: a case reopened after its response no longer counts as
// responded in an earlier month. Disposed cases count in the period figures from their disposal records (facts.ts).
import { defaultClockSettings, type CaseState } from '../domain/index.js'
import { exemptionFigures, extensionFigures, outcomeFigures, pauseFigures, refusalFigures } from './decisions.js'
import { factsOfCase, factsOfDisposed } from './facts.js'
import { appealFigures, complaintFigures, regulatorFigures, searchTaskFigures } from './other-cases.js'
import { safeguardFigures } from './safeguards.js'
import { otherRightsFigures } from './other-rights.js'
import { timeliness } from './timeliness.js'
import type { ComplianceFigures, DisposedCase, FiguresInput } from './types.js'
import { closedCount, openFigures, overdueAndAtRisk, receivedFigures, type SnapshotOptions } from './workload.js'

export type * from './types.js'

/** The cases of the chosen controllers (all of them when none are named). */
export function casesOf(cases: readonly CaseState[], controllerIds?: readonly string[]): CaseState[] {
  if (controllerIds === undefined) return [...cases]
  const wanted = new Set(controllerIds)
  return cases.filter((c) => wanted.has(c.controllerId))
}

/**
 * The disposal records of the chosen controllers, leaving out any whose case is still among `cases` (a record is
 * written in the same transaction that deletes the case, so this only guards against counting a case twice).
 */
export function disposedOf(
  disposed: readonly DisposedCase[],
  controllerIds: readonly string[] | undefined,
  cases: readonly CaseState[],
): DisposedCase[] {
  const live = new Set(cases.map((c) => c.id))
  const wanted = controllerIds ? new Set(controllerIds) : null
  return disposed.filter((d) => !live.has(d.caseId) && (wanted === null || wanted.has(d.controllerId)))
}

export function computeFigures(input: FiguresInput): ComplianceFigures {
  if (input.period.from > input.period.to) {
    throw new RangeError(`period ends (${input.period.to}) before it starts (${input.period.from})`)
  }
  const cases = casesOf(input.cases, input.controllerIds)
  const disposed = disposedOf(input.disposed ?? [], input.controllerIds, input.cases)
  const facts = [...cases.map(factsOfCase), ...disposed.map(factsOfDisposed)]
  const { period, asOf, calendar } = input
  const settings = input.clockSettings ?? defaultClockSettings
  const snapshot: SnapshotOptions = {
    asOf,
    calendar,
    clockSettings: settings,
    dueSoonWorkingDays: input.dueSoonWorkingDays ?? 5,
  }
  return {
    period: { ...period },
    asOf,
    controllerIds: input.controllerIds ? [...input.controllerIds] : null,
    received: receivedFigures(facts, period),
    closed: closedCount(facts, period),
    timeliness: timeliness(cases, period, calendar, settings, disposed),
    open: openFigures(cases, snapshot),
    extensions: extensionFigures(facts, period),
    clarificationPauses: pauseFigures(facts, period, asOf),
    refusals: refusalFigures(facts, period),
    outcomes: outcomeFigures(facts, period),
    exemptions: exemptionFigures(facts, period, input.redactionCounts),
    otherRights: otherRightsFigures(facts, period, asOf),
    appeals: appealFigures(cases, facts, period),
    complaints: complaintFigures(cases, facts, period, snapshot),
    regulatorCases: regulatorFigures(cases, facts, period, snapshot),
    searchTasks: searchTaskFigures(input.searchTasks ?? [], new Set(cases.map((c) => c.id)), asOf),
    overdueAndAtRisk: overdueAndAtRisk(cases, {
      ...snapshot,
      ...(input.userNames ? { userNames: input.userNames } : {}),
    }),
    safeguards: safeguardFigures(cases, period),
  }
}
