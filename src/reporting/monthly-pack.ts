// The monthly compliance pack (issue 6): the figures for a month, the charts and the overdue and at-risk list, as a
// PDF and CSV files ready to email to the meeting of seed 002. One click on the reports page, or the scheduled job on
// the first working day of the month (schedule.ts), calls buildMonthlyPack.
import { defaultClockSettings, type ClockSettings, type LocalDate, type WorkingDayCalendar } from '../domain/index.js'
import type { Queryable } from '../persistence/db.js'
import { casesCsv, figuresCsv } from './csv.js'
import { reportFilenames } from './filenames.js'
import { computeFigures } from './figures.js'
import { loadCalendar, loadRedactionCounts, loadReportingData, type ReportingData } from './load.js'
import { renderPackPdf } from './pack/render-pack.js'
import { isMonth, monthPeriod } from './period.js'
import { monthlySeries, openByAgeBand, type AgeBandPoint, type MonthlyPoint } from './series.js'
import type { AtRiskCase, ComplianceFigures } from './types.js'

export const DEFAULT_PACK_AUDIENCE =
  'the monthly compliance meeting of the Chief Executive, the Head of Policy Co-ordination and Research, and the ' +
  'Office and Data Protection Manager'

export interface MonthlyPackOptions {
  /** The month reported, 'YYYY-MM'. */
  month: string
  /** The controllers reported on; all of them when absent. */
  controllerIds?: string[]
  /** The day open work is shown as of: normally the day the pack is produced. */
  asOf: LocalDate
  /** When the pack is produced (the PDF's creation date); defaults to midday on asOf. */
  generatedAt?: Date
  /** Defaults to England and Wales plus the extra holidays in the database. */
  calendar?: WorkingDayCalendar
  clockSettings?: ClockSettings
  dueSoonWorkingDays?: number
  /**
   * Exemption counts from the disclosure redaction schedules for the month, by code (see FiguresInput).
   * buildMonthlyPack loads them from the finished bundle runs when not given.
   */
  redactionCounts?: Record<string, number>
  /** Printed at the top of every page. Default 'OFFICIAL' (Government Security Classifications). */
  protectiveMarking?: string
  audience?: string
}

export interface MonthlyPack {
  month: string
  pdf: Uint8Array
  /** All figures, the 12-month trend and the age bands in one long-format CSV (docs/reports-csv.md §1). */
  csv: string
  /** The overdue and at-risk list as CSV (docs/reports-csv.md §2). */
  casesCsv: string
  figures: ComplianceFigures
  series: MonthlyPoint[]
  ageBands: AgeBandPoint[]
  overdueAndAtRisk: AtRiskCase[]
  /** The heading of each PDF page, in order. */
  pages: string[]
  filenames: { pdf: string; csv: string; casesCsv: string }
}

/** Builds the pack from data already loaded (pure apart from PDF rendering): what tests and the loader share. */
export async function composeMonthlyPack(
  data: ReportingData,
  options: MonthlyPackOptions & { calendar: WorkingDayCalendar },
): Promise<MonthlyPack> {
  if (!isMonth(options.month)) throw new RangeError(`month '${options.month}' is not YYYY-MM`)
  const { month, asOf, calendar } = options
  const clockSettings = options.clockSettings ?? defaultClockSettings
  const scope = options.controllerIds ? { controllerIds: options.controllerIds } : {}
  const disposed = data.disposed ?? []
  const figures = computeFigures({
    period: monthPeriod(month),
    asOf,
    cases: data.cases,
    disposed,
    searchTasks: data.searchTasks,
    calendar,
    clockSettings,
    userNames: data.userNames,
    ...scope,
    ...(options.dueSoonWorkingDays ? { dueSoonWorkingDays: options.dueSoonWorkingDays } : {}),
    ...(options.redactionCounts ? { redactionCounts: options.redactionCounts } : {}),
  })
  const series = monthlySeries(data.cases, { lastMonth: month, calendar, clockSettings, disposed, ...scope })
  const ageBands = openByAgeBand(data.cases, { asOf, calendar, clockSettings, ...scope })
  const generatedAt = options.generatedAt ?? new Date(`${asOf}T12:00:00Z`)
  const { pdf, pages } = await renderPackPdf({
    month,
    asOf,
    generatedAt,
    controllerNames: data.controllers.map((c) => c.name),
    figures,
    series,
    ageBands,
    protectiveMarking: options.protectiveMarking ?? 'OFFICIAL',
    audience: options.audience ?? DEFAULT_PACK_AUDIENCE,
  })
  const names = reportFilenames(month, options.controllerIds)
  return {
    month,
    pdf,
    csv: figuresCsv(figures, { series, ageBands }),
    casesCsv: casesCsv(figures.overdueAndAtRisk),
    figures,
    series,
    ageBands,
    overdueAndAtRisk: figures.overdueAndAtRisk,
    pages,
    filenames: { pdf: names.pack, csv: names.figures, casesCsv: names.cases },
  }
}

/** Loads the cases and builds the pack. Read-only: nothing is written or sent; the caller emails the result. */
export async function buildMonthlyPack(db: Queryable, options: MonthlyPackOptions): Promise<MonthlyPack> {
  if (!isMonth(options.month)) throw new RangeError(`month '${options.month}' is not YYYY-MM`)
  const calendar = options.calendar ?? (await loadCalendar(db))
  const data = await loadReportingData(db, options.controllerIds ? { controllerIds: options.controllerIds } : {})
  const redactionCounts =
    options.redactionCounts ?? (await loadRedactionCounts(db, monthPeriod(options.month), options.controllerIds))
  return composeMonthlyPack(data, { ...options, calendar, redactionCounts })
}
