// The staff reports area (issue 6, "Compliance reporting"): the figures for a month or a range of months, for one of
// the actor's controllers or all of them, and the downloads. Read-only apart from the audit trail: looking at or
// downloading case-level data (the overdue and at-risk list, the pack) is recorded like the case list export.
import { DomainError, localDateInLondon, type LocalDate } from '../../domain/index.js'
import {
  addMonths,
  buildMonthlyPack,
  casesCsv,
  computeFigures,
  figuresCsv,
  loadRedactionCounts,
  loadReportingData,
  monthCount,
  monthlySeries,
  monthsPeriod,
  openByAgeBand,
  periodKey,
  reportFilenames,
  isMonth,
  type AgeBandPoint,
  type ComplianceFigures,
  type MonthlyPoint,
  type Period,
} from '../../reporting/index.js'
import { auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { controllerScope } from '../boundary.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { sendMonthlyPack } from '../governance/monthly-pack.js'
import { reportControllerIds } from './scope.js'

/** What to report: whole months from `firstMonth` to `lastMonth` ('YYYY-MM'), for one controller or all. */
export interface ReportRequest {
  firstMonth: string
  lastMonth: string
  controllerId?: string
}

/** The trend charts show at least a year, and at most two years, ending with the last month reported. */
const TREND_MIN_MONTHS = 12
const TREND_MAX_MONTHS = 24

export interface ComplianceReport {
  request: ReportRequest
  period: Period
  asOf: LocalDate
  /** Undefined: every controller. */
  controllerIds: string[] | undefined
  /** The controllers reported on, by name. */
  controllers: { id: string; name: string }[]
  figures: ComplianceFigures
  series: MonthlyPoint[]
  ageBands: AgeBandPoint[]
  filenames: { pack: string; figures: string; cases: string }
}

function periodOf(request: ReportRequest): Period {
  if (!isMonth(request.firstMonth) || !isMonth(request.lastMonth) || request.firstMonth > request.lastMonth) {
    throw new DomainError('validation', `bad report period ${request.firstMonth}..${request.lastMonth}`)
  }
  return monthsPeriod(request.firstMonth, request.lastMonth)
}

async function build(deps: AppDeps, actor: Actor, request: ReportRequest): Promise<ComplianceReport> {
  requirePermission(actor, 'report:view')
  const period = periodOf(request)
  const controllerIds = await reportControllerIds(deps.pool, actor, request.controllerId)
  const scope = controllerIds ? { controllerIds } : {}
  const asOf = localDateInLondon(deps.clock.now())
  const [data, redactionCounts] = await Promise.all([
    loadReportingData(deps.pool, scope),
    loadRedactionCounts(deps.pool, period, controllerIds),
  ])
  const { calendar, clockSettings } = deps
  const disposed = data.disposed ?? []
  const figures = computeFigures({
    period,
    asOf,
    cases: data.cases,
    disposed,
    searchTasks: data.searchTasks,
    calendar,
    clockSettings,
    userNames: data.userNames,
    dueSoonWorkingDays: deps.dueSoonWorkingDays,
    redactionCounts,
    ...scope,
  })
  const months = Math.min(
    TREND_MAX_MONTHS,
    Math.max(TREND_MIN_MONTHS, monthCount(request.firstMonth, request.lastMonth)),
  )
  const series = monthlySeries(data.cases, {
    lastMonth: request.lastMonth,
    months,
    calendar,
    clockSettings,
    disposed,
    ...scope,
  })
  const ageBands = openByAgeBand(data.cases, {
    asOf,
    calendar,
    clockSettings,
    dueSoonWorkingDays: deps.dueSoonWorkingDays,
    ...scope,
  })
  const filenames = reportFilenames(periodKey(request.firstMonth, request.lastMonth), controllerIds)
  return { request, period, asOf, controllerIds, controllers: data.controllers, figures, series, ageBands, filenames }
}

const auditScope = (r: ComplianceReport) => ({ period: r.period, controllerIds: r.controllerIds ?? 'all' })

/** The dashboard: every figure, the trend and the age bands. Viewing it is audited (it lists overdue cases). */
export async function complianceReport(deps: AppDeps, actor: Actor, request: ReportRequest): Promise<ComplianceReport> {
  const report = await build(deps, actor, request)
  await recordAudit(deps.pool, deps, actor, {
    command: 'ViewReport',
    eventType: 'ReportViewed',
    payload: { report: 'compliance', ...auditScope(report) },
  })
  return report
}

export interface Download {
  filename: string
  contentType: string
  body: string | Uint8Array
}

/** Every figure as CSV (docs/reports-csv.md §1). Counts only, no case references. */
export async function figuresCsvDownload(deps: AppDeps, actor: Actor, request: ReportRequest): Promise<Download> {
  const report = await build(deps, actor, request)
  await recordAudit(deps.pool, deps, actor, {
    command: 'ExportReport',
    eventType: 'ReportExported',
    payload: { report: 'figures.csv', ...auditScope(report) },
  })
  return {
    filename: report.filenames.figures,
    contentType: 'text/csv; charset=utf-8',
    body: figuresCsv(report.figures, { series: report.series, ageBands: report.ageBands }),
  }
}

/** The overdue and at-risk cases as CSV (docs/reports-csv.md §2): case-level, so audited with the references. */
export async function atRiskCsvDownload(deps: AppDeps, actor: Actor, request: ReportRequest): Promise<Download> {
  const report = await build(deps, actor, request)
  const cases = report.figures.overdueAndAtRisk
  await recordAudit(deps.pool, deps, actor, {
    command: 'ExportReport',
    eventType: 'ReportExported',
    payload: {
      report: 'cases.csv',
      ...auditScope(report),
      count: cases.length,
      references: cases.map((c) => c.reference),
    },
  })
  return { filename: report.filenames.cases, contentType: 'text/csv; charset=utf-8', body: casesCsv(cases) }
}

/** The monthly compliance pack PDF for a month, as emailed to the meeting: case-level, so audited. */
export async function compliancePackDownload(
  deps: AppDeps,
  actor: Actor,
  month: string,
  controllerId?: string,
): Promise<Download> {
  requirePermission(actor, 'report:view')
  if (!isMonth(month)) throw new DomainError('validation', `bad month ${month}`)
  const controllerIds = await reportControllerIds(deps.pool, actor, controllerId)
  const pack = await buildMonthlyPack(deps.pool, {
    month,
    asOf: localDateInLondon(deps.clock.now()),
    calendar: deps.calendar,
    clockSettings: deps.clockSettings,
    dueSoonWorkingDays: deps.dueSoonWorkingDays,
    generatedAt: deps.clock.now(),
    ...(controllerIds ? { controllerIds } : {}),
  })
  const references = [
    ...new Set([
      ...pack.overdueAndAtRisk.map((c) => c.reference),
      ...pack.figures.timeliness.lateResponses.map((r) => r.reference),
    ]),
  ]
  await recordAudit(deps.pool, deps, actor, {
    command: 'ExportReport',
    eventType: 'ReportExported',
    payload: {
      report: 'pack.pdf',
      month,
      controllerIds: controllerIds ?? 'all',
      count: references.length,
      references,
    },
  })
  return { filename: pack.filenames.pdf, contentType: 'application/pdf', body: pack.pdf }
}

/** Emails the month's pack to the configured recipients now (the scheduled job's work, on demand). */
export async function sendCompliancePack(
  deps: AppDeps,
  actor: Actor,
  month: string,
  controllerId?: string,
): Promise<{ recipients: string[] }> {
  requirePermission(actor, 'report:view')
  if (!isMonth(month)) throw new DomainError('validation', `bad month ${month}`)
  return sendMonthlyPack(deps, actor, month, controllerId ? { controllerId } : {})
}

/** Who the actor last emailed the month's pack to (for the confirmation banner), from the audit trail. */
export async function lastPackSent(deps: AppDeps, actor: Actor, month: string): Promise<string[] | null> {
  requirePermission(actor, 'report:view')
  const r = await deps.pool.query<{ payload: { recipients?: unknown } | null }>(
    `SELECT payload FROM audit_events
      WHERE event_type = 'CompliancePackSent' AND actor_id = $1 AND payload->>'month' = $2
      ORDER BY seq DESC LIMIT 1`,
    [auditActorId(actor), month],
  )
  const recipients = r.rows[0]?.payload?.recipients
  return Array.isArray(recipients) ? recipients.filter((e): e is string => typeof e === 'string') : null
}

/**
 * The months a report can cover, newest first: from the month of the earliest case or disposal record (at least a
 * year back) to the current month.
 */
export async function reportMonths(deps: AppDeps, actor: Actor): Promise<string[]> {
  requirePermission(actor, 'report:view')
  // Only the actor's controllers' records (issue 11): even the month another controller began is not theirs to see.
  const r = await deps.pool.query<{ first: string | null }>(
    `SELECT least((SELECT min(received_on) FROM cases WHERE $1::text[] IS NULL OR controller_id = ANY($1::text[])),
       (SELECT min(received_on) FROM disposal_records WHERE $1::text[] IS NULL OR controller_id = ANY($1::text[])))::text
       AS first`,
    [controllerScope(actor)],
  )
  const current = localDateInLondon(deps.clock.now()).slice(0, 7)
  const yearAgo = addMonths(current, -12)
  const earliest = r.rows[0]?.first?.slice(0, 7)
  const first = earliest && earliest < yearAgo ? earliest : yearAgo
  const months: string[] = []
  for (let month = current; month >= first && months.length < 240; month = addMonths(month, -1)) months.push(month)
  return months
}
