// Issue 13: the rights with their own steps, in the compliance figures.
//
// DEFINITIONS (each counts by the date the thing happened, inside the period; live cases and disposal records alike):
// - DECISIONS: decisions on rectification, erasure, restriction, objection and automated decisions recorded in the
//   period (rightDecision.decidedOn), per right: done in full, in part, or declined.
// - GROUNDS: for those decisions, each ground relied on (the Art 17(3) exceptions and the other articles' own
//   grounds, or an exemption), counted once per decision.
// - RECIPIENTS (Art 19): recipients recorded in the period (the date told, or the date telling them was judged
//   impossible or disproportionate).
// - RESTRICTIONS (Art 18): restrictions of processing started, lift notices given (Art 18(3)) and restrictions lifted
//   in the period; "in place" is a snapshot on asOf of restrictions started and not lifted by then.
import {
  DECIDED_RIGHTS,
  exemptionByCode,
  groundWording,
  type DecidedRight,
  type LocalDate,
  type RecipientNoticeStatus,
} from '../domain/index.js'
import type { DataTable } from './charts/model.js'
import type { CaseFacts } from './facts.js'
import { RIGHT_SHORT_LABELS } from './labels.js'
import { inPeriod } from './period.js'
import type { ComplianceFigures, OtherRightsFigures, Period } from './types.js'

export function otherRightsFigures(cases: readonly CaseFacts[], period: Period, asOf: LocalDate): OtherRightsFigures {
  const decided = cases.filter((c) => c.otherRight?.rightDecision && inPeriod(c.otherRight.rightDecision.on, period))
  const byRight = DECIDED_RIGHTS.map((right: DecidedRight) => {
    const mine = decided.filter((c) => c.right === right)
    const count = (result: string) => mine.filter((c) => c.otherRight?.rightDecision?.result === result).length
    return {
      right,
      label: RIGHT_SHORT_LABELS[right],
      inFull: count('in-full'),
      inPart: count('in-part'),
      declined: count('declined'),
    }
  })
  const byCode = new Map<string, number>()
  for (const c of decided)
    for (const code of new Set(c.otherRight?.rightDecision?.groundCodes ?? []))
      byCode.set(code, (byCode.get(code) ?? 0) + 1)
  const grounds = [...byCode]
    .map(([code, decisions]) => {
      const w = groundWording(code) ?? exemptionByCode(code)
      return { code, citation: w?.citation ?? code, shortName: w?.shortName ?? code, decisions }
    })
    .sort((a, b) => b.decisions - a.decisions || a.code.localeCompare(b.code))
  const notices = cases.flatMap((c) => (c.otherRight?.recipientNotices ?? []).filter((n) => inPeriod(n.on, period)))
  const told = (status: RecipientNoticeStatus) => notices.filter((n) => n.status === status).length
  const restrictions = cases.flatMap((c) =>
    c.otherRight?.processingRestriction ? [c.otherRight.processingRestriction] : [],
  )
  return {
    byRight,
    grounds,
    recipients: {
      notified: told('notified'),
      impossible: told('impossible'),
      disproportionate: told('disproportionate'),
    },
    restrictions: {
      started: restrictions.filter((r) => inPeriod(r.since, period)).length,
      liftNotices: restrictions.filter((r) => inPeriod(r.liftNoticeOn ?? undefined, period)).length,
      lifted: restrictions.filter((r) => inPeriod(r.liftedOn ?? undefined, period)).length,
      inPlace: restrictions.filter((r) => r.since <= asOf && !(r.liftedOn && r.liftedOn <= asOf)).length,
    },
  }
}

export function otherRightsTable(f: ComplianceFigures): DataTable {
  const o = f.otherRights
  return {
    caption: 'Decisions on the other rights recorded in the period',
    headers: ['Right', 'Done in full', 'Done in part', 'Declined'],
    rows: o.byRight.map((r) => [r.label, String(r.inFull), String(r.inPart), String(r.declined)]),
    numericColumns: [1, 2, 3],
  }
}

export function otherRightsGroundsTable(f: ComplianceFigures): DataTable {
  return {
    caption: 'Grounds relied on to refuse or limit those requests (Art 17(3) exceptions and others)',
    headers: ['Ground', 'Provision', 'Decisions'],
    rows: f.otherRights.grounds.map((g) => [g.shortName, g.citation, String(g.decisions)]),
    numericColumns: [2],
  }
}

export function recipientsAndRestrictionsTable(f: ComplianceFigures): DataTable {
  const { recipients: n, restrictions: r } = f.otherRights
  return {
    caption: 'Recipients told of changes (Art 19) and restrictions of processing (Art 18)',
    headers: ['Measure', 'Number'],
    rows: [
      ['Recipients told of a correction, erasure or restriction', String(n.notified)],
      ['Recipients not told: impossible', String(n.impossible)],
      ['Recipients not told: disproportionate effort', String(n.disproportionate)],
      ['Restrictions of processing started', String(r.started)],
      ['Requesters told before a restriction was lifted (Art 18(3))', String(r.liftNotices)],
      ['Restrictions lifted', String(r.lifted)],
      ['Restrictions in place at the end of the period', String(r.inPlace)],
    ],
    numericColumns: [1],
  }
}
