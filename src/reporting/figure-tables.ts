// The figures as captioned tables of text: what the monthly pack prints, and what the staff reports pages can render
// as GOV.UK tables. Wording is for the chief executive, not the caseworker.
import { formatLongDate } from '../domain/index.js'
import type { DataTable } from './charts/model.js'
import {
  CASE_TYPE_SINGULAR,
  daysLeftLabel,
  percentLabel,
  RIGHT_SHORT_LABELS,
  shortDate,
  STATUS_LABELS,
} from './labels.js'
import { monthLabel } from './period.js'
import type { MonthlyPoint } from './series.js'
import type { AtRiskCase, ComplianceFigures, Count } from './types.js'

const num = (n: number | null, unit = ''): string => (n === null ? 'None' : `${n}${unit}`)

function countTable(caption: string, heading: string, rows: readonly Count[], countHeading = 'Number'): DataTable {
  const total = rows.reduce((sum, r) => sum + r.count, 0)
  return {
    caption,
    headers: [heading, countHeading],
    rows: [...rows.map((r) => [r.label, String(r.count)]), ['Total', String(total)]],
    numericColumns: [1],
  }
}

export function timelinessTable(f: ComplianceFigures): DataTable {
  const t = f.timeliness
  return {
    caption: 'Responses to rights requests sent in the period',
    headers: ['Measure', 'Value'],
    rows: [
      ['Responses sent', String(t.responded)],
      ['Sent on time (by the statutory due date)', String(t.onTime)],
      ['Sent late', String(t.late)],
      ['Percentage on time', percentLabel(t.onTimePercent)],
      ['Median time to respond (calendar days)', num(t.medianDays)],
      ['90% of responses sent within (calendar days)', num(t.p90Days)],
    ],
    numericColumns: [1],
  }
}

export function lateResponsesTable(f: ComplianceFigures): DataTable {
  return {
    caption: 'Responses sent late',
    headers: ['Reference', 'Right', 'Received', 'Due', 'Sent', 'Days late'],
    rows: f.timeliness.lateResponses.map((r) => [
      r.reference,
      r.right ? RIGHT_SHORT_LABELS[r.right] : '',
      shortDate(r.receivedOn),
      shortDate(r.dueOn),
      shortDate(r.sentOn),
      String(r.daysLate),
    ]),
    numericColumns: [5],
  }
}

export function outcomesTable(f: ComplianceFigures): DataTable {
  const rows = f.outcomes.map((o) => ({ ...o, label: o.label.charAt(0).toUpperCase() + o.label.slice(1) }))
  return countTable('Outcomes of the responses sent', 'Outcome', rows, 'Responses')
}

export function openTable(f: ComplianceFigures): DataTable {
  const o = f.open
  const soon = `Due by ${shortDate(o.dueSoonUntil)}`
  return {
    caption: `Open cases as at ${formatLongDate(o.asOf)}`,
    headers: ['Type of case', 'Open', 'Overdue', soon],
    rows: [
      ...o.byCaseType.map((t) => [t.label, String(t.open), String(t.overdue), String(t.dueSoon)]),
      ['All cases', String(o.open), String(o.overdue), String(o.dueSoon)],
    ],
    numericColumns: [1, 2, 3],
  }
}

export function atRiskTable(cases: readonly AtRiskCase[], asOf: string): DataTable {
  return {
    caption: `Overdue and at-risk cases as at ${formatLongDate(asOf)}`,
    headers: ['Reference', 'Type', 'Status', 'Received', 'Due', 'Overdue / left', 'Assigned to'],
    rows: cases.map((c) => [
      c.reference,
      c.right ? RIGHT_SHORT_LABELS[c.right] : CASE_TYPE_SINGULAR[c.caseType],
      STATUS_LABELS[c.status],
      shortDate(c.receivedOn),
      shortDate(c.dueOn),
      daysLeftLabel(c.daysLeft),
      c.assigneeName ?? (c.assigneeId ? 'Unknown user' : 'Not assigned'),
    ]),
    numericColumns: [],
    alertRows: cases.flatMap((c, i) => (c.overdue ? [i] : [])),
  }
}

/** The data behind both monthly charts in one table (the PDF prints it once under the two charts). */
export function trendTable(series: readonly MonthlyPoint[]): DataTable {
  return {
    caption: 'Rights requests each month: the figures in the two charts',
    headers: ['Month', 'Received', 'Closed', 'Responses sent', 'On time', 'Late', 'On time (%)'],
    rows: series.map((p) => [
      monthLabel(p.month),
      String(p.received),
      String(p.closed),
      String(p.responded),
      String(p.respondedOnTime),
      String(p.respondedLate),
      percentLabel(p.onTimePercent),
    ]),
    numericColumns: [1, 2, 3, 4, 5, 6],
  }
}

export function receivedByRightTable(f: ComplianceFigures): DataTable {
  return countTable('Rights requests received, by right', 'Right', f.received.byRight, 'Received')
}

export function receivedByChannelTable(f: ComplianceFigures): DataTable {
  return countTable('Rights requests received, by how they arrived', 'Channel', f.received.byChannel, 'Received')
}

export function extensionsTable(f: ComplianceFigures): DataTable {
  return countTable('Deadlines extended by two months, by ground', 'Ground', f.extensions.byGround, 'Extensions')
}

export function pausesTable(f: ComplianceFigures): DataTable {
  const p = f.clarificationPauses
  return {
    caption: 'Clarification pauses (clock stopped while the requester clarifies)',
    headers: ['Measure', 'Value'],
    rows: [
      ['Pauses started', String(p.count)],
      ['Cases paused', String(p.cases)],
      ['Days paused in total', String(p.totalPausedDays)],
      ['Still waiting for an answer', String(p.stillOpen)],
    ],
    numericColumns: [1],
  }
}

export function refusalsTable(f: ComplianceFigures): DataTable {
  return countTable('Requests refused, by reason', 'Reason', f.refusals.byBasis, 'Refusals')
}

export function exemptionsTable(f: ComplianceFigures): DataTable {
  return {
    caption: 'Exemptions applied in responses sent',
    headers: ['Exemption', 'Legal basis', 'Cases', 'Redactions'],
    rows: f.exemptions.map((e) => [e.shortName, e.citation, String(e.cases), String(e.redactions)]),
    numericColumns: [2, 3],
  }
}

export function appealsComplaintsRegulatorTable(f: ComplianceFigures): DataTable {
  const a = f.appeals
  const c = f.complaints
  const r = f.regulatorCases
  return {
    caption: 'Appeals, complaints and regulator (ICO) cases',
    headers: ['', 'Received', 'Upheld', 'Not upheld', 'Still open'],
    rows: [
      ['Appeals (internal reviews)', String(a.received), String(a.upheld), String(a.notUpheld), String(a.open)],
      ['Complaints', String(c.received), String(c.upheld), String(c.notUpheld), String(c.open)],
      ['Regulator (ICO) cases', String(r.received), '–', '–', String(r.open)],
    ],
    numericColumns: [1, 2, 3, 4],
  }
}

export function searchTasksTable(f: ComplianceFigures): DataTable {
  return {
    caption: `Search tasks not yet returned as at ${formatLongDate(f.asOf)}, by team`,
    headers: ['Team', 'Outstanding', 'Overdue', 'Oldest overdue since'],
    rows: f.searchTasks.map((t) => [
      t.team,
      String(t.outstanding),
      String(t.overdue),
      t.oldestDueOn ? shortDate(t.oldestDueOn) : '–',
    ]),
    numericColumns: [1, 2],
  }
}
