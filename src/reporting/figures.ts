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
// responded in an earlier month.
import { defaultClockSettings, type CaseState } from '../domain/index.js'
import { exemptionFigures, extensionFigures, outcomeFigures, pauseFigures, refusalFigures } from './decisions.js'
import { appealFigures, complaintFigures, regulatorFigures, searchTaskFigures } from './other-cases.js'
import { timeliness } from './timeliness.js'
import type { ComplianceFigures, FiguresInput } from './types.js'
import { openFigures, overdueAndAtRisk, receivedFigures, type SnapshotOptions } from './workload.js'

export type * from './types.js'

/** The cases of the chosen controllers (all of them when none are named). */
export function casesOf(cases: readonly CaseState[], controllerIds?: readonly string[]): CaseState[] {
  if (controllerIds === undefined) return [...cases]
  const wanted = new Set(controllerIds)
  return cases.filter((c) => wanted.has(c.controllerId))
}

export function computeFigures(input: FiguresInput): ComplianceFigures {
  if (input.period.from > input.period.to) {
    throw new RangeError(`period ends (${input.period.to}) before it starts (${input.period.from})`)
  }
  const cases = casesOf(input.cases, input.controllerIds)
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
    received: receivedFigures(cases, period),
    timeliness: timeliness(cases, period, calendar, settings),
    open: openFigures(cases, snapshot),
    extensions: extensionFigures(cases, period),
    clarificationPauses: pauseFigures(cases, period, asOf),
    refusals: refusalFigures(cases, period),
    outcomes: outcomeFigures(cases, period),
    exemptions: exemptionFigures(cases, period, input.redactionCounts),
    appeals: appealFigures(cases, period),
    complaints: complaintFigures(cases, period, snapshot),
    regulatorCases: regulatorFigures(cases, period, snapshot),
    searchTasks: searchTaskFigures(input.searchTasks ?? [], new Set(cases.map((c) => c.id)), asOf),
    overdueAndAtRisk: overdueAndAtRisk(cases, {
      ...snapshot,
      ...(input.userNames ? { userNames: input.userNames } : {}),
    }),
  }
}
