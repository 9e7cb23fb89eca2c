// What was decided on the requests: extensions, clarification pauses, refusals, outcomes and exemptions.
//
// DEFINITIONS (each counts by the date the thing happened, inside the period):
// - EXTENSIONS: rights requests whose extension notice was given in the period (extension.noticeGivenOn), by
//   ground (Art 12A(3): complexity, or the number of requests).
// - CLARIFICATION PAUSES: pauses asked for in the period (pause.requestedOn), Art 15 requests only by law. Paused
//   days are calendar days from the day asked to the day answered, both inclusive (Art 12A(5)); a pause still open
//   counts up to asOf.
// - REFUSALS: decisions not to comply recorded in the period (refusal.decidedOn), by basis. The refusal letter is
//   then a response and also counts in timeliness.
// - OUTCOMES: rights-request responses sent in the period (response.sentOn), by outcome.
// - EXEMPTIONS: for responses sent in the period, each exemption code in response.exemptionCodes or
//   refusal.exemptionCodes, counted once per case. Redaction schedule lines supplied by the caller are a separate
//   column, never added to the case count.
// All of them read CaseFacts (facts.ts), so disposed cases count from their disposal records.
import {
  daysBetweenInclusive,
  exemptionByCode,
  maxLocalDate,
  OUTCOME_LABELS,
  type ExtensionGround,
  type LocalDate,
  type Outcome,
  type RefusalBasis,
} from '../domain/index.js'
import type { CaseFacts } from './facts.js'
import { EXTENSION_GROUND_LABELS, REFUSAL_BASIS_LABELS } from './labels.js'
import { inPeriod } from './period.js'
import type { Count, ExemptionCount, ExtensionFigures, PauseFigures, Period, RefusalFigures } from './types.js'
import { countBy } from './workload.js'

const GROUNDS: readonly ExtensionGround[] = ['complexity', 'number']
const BASES: readonly RefusalBasis[] = ['manifestly-unfounded', 'manifestly-excessive', 'no-authority', 'exemption']

export function extensionFigures(cases: readonly CaseFacts[], period: Period): ExtensionFigures {
  const extended = cases.filter((c) => inPeriod(c.extension?.on, period))
  return {
    total: extended.length,
    byGround: countBy(extended, GROUNDS, (c) => c.extension?.ground, EXTENSION_GROUND_LABELS),
  }
}

export function pauseFigures(cases: readonly CaseFacts[], period: Period, asOf: LocalDate): PauseFigures {
  const started = cases.flatMap((c) => c.pauses.filter((p) => inPeriod(p.requestedOn, period)).map((p) => ({ c, p })))
  const pausedDays = (requestedOn: LocalDate, resolvedOn: LocalDate | null) =>
    daysBetweenInclusive(requestedOn, resolvedOn ?? maxLocalDate(requestedOn, asOf))
  return {
    count: started.length,
    cases: new Set(started.map(({ c }) => c.id)).size,
    totalPausedDays: started.reduce((sum, { p }) => sum + pausedDays(p.requestedOn, p.resolvedOn), 0),
    stillOpen: started.filter(({ p }) => p.resolvedOn === null).length,
  }
}

export function refusalFigures(cases: readonly CaseFacts[], period: Period): RefusalFigures {
  const refused = cases.filter((c) => inPeriod(c.refusal?.on, period))
  return { total: refused.length, byBasis: countBy(refused, BASES, (c) => c.refusal?.basis, REFUSAL_BASIS_LABELS) }
}

function answeredRightsRequests(cases: readonly CaseFacts[], period: Period): CaseFacts[] {
  return cases.filter((c) => c.caseType === 'rights-request' && inPeriod(c.respondedOn, period))
}

/** Outcomes that occurred in the period, most frequent first; outcomes that did not occur are left out. */
export function outcomeFigures(cases: readonly CaseFacts[], period: Period): Count<Outcome>[] {
  const counts = new Map<Outcome, number>()
  for (const c of answeredRightsRequests(cases, period)) {
    const outcome = c.outcome
    if (outcome) counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
  }
  return [...counts]
    .map(([key, count]) => ({ key, label: OUTCOME_LABELS[key], count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

export function exemptionFigures(
  cases: readonly CaseFacts[],
  period: Period,
  redactionCounts: Readonly<Record<string, number>> = {},
): ExemptionCount[] {
  const casesByCode = new Map<string, number>()
  for (const c of answeredRightsRequests(cases, period)) {
    for (const code of new Set(c.exemptionCodes)) casesByCode.set(code, (casesByCode.get(code) ?? 0) + 1)
  }
  const codes = new Set([...casesByCode.keys(), ...Object.keys(redactionCounts)])
  return [...codes]
    .map((code) => {
      const exemption = exemptionByCode(code)
      return {
        code,
        citation: exemption?.citation ?? 'Not in the exemptions catalogue',
        shortName: exemption?.shortName ?? code,
        cases: casesByCode.get(code) ?? 0,
        redactions: redactionCounts[code] ?? 0,
      }
    })
    .sort((a, b) => b.cases - a.cases || b.redactions - a.redactions || a.code.localeCompare(b.code))
}
