// CSV exports of the compliance figures. Column names and measure names are a published interface (documented in
// docs/reports-csv.md, checked by csv.test.ts): add new ones, never rename or reuse them.
//
// Quoting follows RFC 4180: CRLF line ends; a field is quoted when it holds a comma, a double quote, CR or LF, and a
// double quote inside is doubled. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
// CR) is prefixed with a single quote (OWASP "CSV injection"): team names and references come from users. Numbers
// are written as numbers and never prefixed, so "-16" days left stays a number.
import type { AgeBandPoint, MonthlyPoint } from './series.js'
import type { AtRiskCase, ComplianceFigures, Count } from './types.js'

export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export const FIGURES_CSV_COLUMNS = [
  'section',
  'measure',
  'category',
  'value',
  'period_start',
  'period_end',
  'as_of',
  'controllers',
] as const

type Row = [section: string, measure: string, category: string, value: number | null]

const counts = (section: string, measure: string, rows: readonly Count[]): Row[] =>
  rows.map((r) => [section, measure, r.key, r.count])

function periodRows(f: ComplianceFigures): Row[] {
  const t = f.timeliness
  return [
    ['received', 'total', '', f.received.total],
    ...counts('received', 'by_right', f.received.byRight),
    ...counts('received', 'by_channel', f.received.byChannel),
    ['closed', 'total', '', f.closed],
    ['timeliness', 'responded', '', t.responded],
    ['timeliness', 'on_time', '', t.onTime],
    ['timeliness', 'late', '', t.late],
    ['timeliness', 'on_time_percent', '', t.onTimePercent],
    ['timeliness', 'median_days', '', t.medianDays],
    ['timeliness', 'p90_days', '', t.p90Days],
    ['extensions', 'total', '', f.extensions.total],
    ...counts('extensions', 'by_ground', f.extensions.byGround),
    ['clarification_pauses', 'count', '', f.clarificationPauses.count],
    ['clarification_pauses', 'cases', '', f.clarificationPauses.cases],
    ['clarification_pauses', 'total_paused_days', '', f.clarificationPauses.totalPausedDays],
    ['clarification_pauses', 'still_open', '', f.clarificationPauses.stillOpen],
    ['refusals', 'total', '', f.refusals.total],
    ...counts('refusals', 'by_basis', f.refusals.byBasis),
    ...counts('outcomes', 'responses_by_outcome', f.outcomes),
    ...f.exemptions.flatMap((e): Row[] => [
      ['exemptions', 'cases', e.code, e.cases],
      ['exemptions', 'redactions', e.code, e.redactions],
    ]),
  ]
}

function otherCaseRows(f: ComplianceFigures): Row[] {
  const a = f.appeals
  const c = f.complaints
  const r = f.regulatorCases
  return [
    ['appeals', 'received', '', a.received],
    ['appeals', 'decided', '', a.decided],
    ['appeals', 'upheld', '', a.upheld],
    ['appeals', 'not_upheld', '', a.notUpheld],
    ['appeals', 'open', '', a.open],
    ['complaints', 'received', '', c.received],
    ['complaints', 'upheld', '', c.upheld],
    ['complaints', 'not_upheld', '', c.notUpheld],
    ['complaints', 'open', '', c.open],
    ['complaints', 'acknowledgement_overdue', '', c.acknowledgementOverdue],
    ['regulator_cases', 'received', '', r.received],
    ['regulator_cases', 'answered', '', r.answered],
    ['regulator_cases', 'open', '', r.open],
    ['regulator_cases', 'overdue', '', r.overdue],
  ]
}

function snapshotRows(f: ComplianceFigures): Row[] {
  const o = f.open
  return [
    ['open', 'open', '', o.open],
    ['open', 'overdue', '', o.overdue],
    ['open', 'due_soon', '', o.dueSoon],
    ['open', 'waiting_for_requester', '', o.waitingForRequester],
    ...o.byCaseType.flatMap((t): Row[] => [
      ['open', 'open_by_case_type', t.caseType, t.open],
      ['open', 'overdue_by_case_type', t.caseType, t.overdue],
      ['open', 'due_soon_by_case_type', t.caseType, t.dueSoon],
    ]),
    ...f.searchTasks.flatMap((t): Row[] => [
      ['search_tasks', 'outstanding', t.team, t.outstanding],
      ['search_tasks', 'overdue', t.team, t.overdue],
    ]),
  ]
}

function trendRows(series: readonly MonthlyPoint[]): Row[] {
  return series.flatMap((p): Row[] => [
    ['monthly_trend', 'received', p.month, p.received],
    ['monthly_trend', 'closed', p.month, p.closed],
    ['monthly_trend', 'responded', p.month, p.responded],
    ['monthly_trend', 'responded_on_time', p.month, p.respondedOnTime],
    ['monthly_trend', 'responded_late', p.month, p.respondedLate],
    ['monthly_trend', 'on_time_percent', p.month, p.onTimePercent],
  ])
}

function ageRows(bands: readonly AgeBandPoint[]): Row[] {
  return bands.flatMap((b): Row[] => [
    ['open_by_age', 'within_deadline', b.band.key, b.onTrack],
    ['open_by_age', 'clock_stopped', b.band.key, b.waiting],
    ['open_by_age', 'overdue', b.band.key, b.overdue],
    ['open_by_age', 'total', b.band.key, b.total],
  ])
}

/** Every figure as one long table (one number per row), so new measures never change the columns. */
export function figuresCsv(
  figures: ComplianceFigures,
  extra: { series?: readonly MonthlyPoint[]; ageBands?: readonly AgeBandPoint[] } = {},
): string {
  const controllers = figures.controllerIds === null ? 'all' : figures.controllerIds.join(';')
  const rows = [
    ...periodRows(figures),
    ...otherCaseRows(figures),
    ...snapshotRows(figures),
    ...trendRows(extra.series ?? []),
    ...ageRows(extra.ageBands ?? []),
  ]
  const { from, to } = figures.period
  return toCsv(
    FIGURES_CSV_COLUMNS,
    rows.map((row) => [...row, from, to, figures.asOf, controllers]),
  )
}

export const CASES_CSV_COLUMNS = [
  'reference',
  'case_type',
  'right',
  'status',
  'received_on',
  'due_on',
  'days_left',
  'overdue',
  'assignee',
] as const

/** The overdue and at-risk list. No requester names: the pack is emailed (data minimisation, UK GDPR Art 5(1)(c)). */
export function casesCsv(cases: readonly AtRiskCase[]): string {
  return toCsv(
    CASES_CSV_COLUMNS,
    cases.map((c) => [
      c.reference,
      c.caseType,
      c.right,
      c.status,
      c.receivedOn,
      c.dueOn,
      c.daysLeft,
      c.overdue,
      c.assigneeName ?? '',
    ]),
  )
}
