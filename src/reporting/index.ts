// The compliance reporting engine's public API (issue 6): what the staff reports pages, the worker's scheduled job
// and the CLI call. Figures are pure functions of case snapshots; load.ts reads them from the database.
export type * from './types.js'
export { computeFigures, casesOf } from './figures.js'
export {
  monthlySeries,
  openByAgeBand,
  AGE_BANDS,
  type MonthlyPoint,
  type AgeBandPoint,
  type AgeBand,
} from './series.js'
export { responseTiming, timeliness, median, percentile } from './timeliness.js'
export { isOpen, openCases, overdueAndAtRisk } from './workload.js'
export {
  loadReportingData,
  loadCalendar,
  loadCases,
  loadDisposedCases,
  loadRedactionCounts,
  loadSearchTasks,
  type ReportingData,
} from './load.js'
export { factsOfCase, factsOfDisposed, statisticsFromRecord, type CaseFacts } from './facts.js'
export { reportFilenames, periodKey, scopeName } from './filenames.js'
export {
  buildMonthlyPack,
  composeMonthlyPack,
  DEFAULT_PACK_AUDIENCE,
  type MonthlyPack,
  type MonthlyPackOptions,
} from './monthly-pack.js'
export { firstWorkingDayOfMonth, monthlyPackDue } from './schedule.js'
export { figuresCsv, casesCsv, toCsv, csvCell, FIGURES_CSV_COLUMNS, CASES_CSV_COLUMNS } from './csv.js'
export { receivedVsClosedChart, onTimeTrendChart, ageBandChart, chartOf } from './charts/compliance-charts.js'
export { renderChartSvg } from './charts/svg.js'
export type { Chart, ChartModel, DataTable } from './charts/model.js'
export * as figureTables from './figure-tables.js'
export {
  monthPeriod,
  monthsPeriod,
  monthCount,
  monthsEnding,
  addMonths,
  monthLabel,
  periodLabel,
  describePeriod,
  previousMonth,
  lastCompleteMonth,
  monthOf,
  isMonth,
} from './period.js'
