// The three dashboard charts of issue 6, built from the series data. Each returns its model (for the PDF), its SVG
// (for the staff pages) and the data table to show beside it.
import { formatLongDate, type LocalDate } from '../../domain/index.js'
import { percentLabel } from '../labels.js'
import { monthLabel, shortMonthName } from '../period.js'
import type { AgeBandPoint, MonthlyPoint } from '../series.js'
import { GOVUK, type Chart, type ChartCategory, type ChartModel } from './model.js'
import { renderChartSvg } from './svg.js'

export function chartOf(model: ChartModel): Chart {
  return { model, svg: renderChartSvg(model), table: model.table }
}

function monthCategories(series: readonly MonthlyPoint[]): ChartCategory[] {
  return series.map((p) => ({ label: shortMonthName(p.month), group: p.month.slice(0, 4) }))
}

function span(series: readonly MonthlyPoint[]): string {
  const first = series[0]
  const last = series.at(-1)
  if (!first || !last) return 'no months'
  return `the ${series.length} months from ${monthLabel(first.month)} to ${monthLabel(last.month)}`
}

const total = (series: readonly MonthlyPoint[], pick: (p: MonthlyPoint) => number) =>
  series.reduce((sum, p) => sum + pick(p), 0)

export function receivedVsClosedChart(series: readonly MonthlyPoint[], id = 'chart-received-closed'): Chart {
  const last = series.at(-1)
  const latest = last ? ` In ${monthLabel(last.month)}, ${last.received} were received and ${last.closed} closed.` : ''
  const title = 'Rights requests received and closed each month'
  return chartOf({
    id,
    kind: 'grouped-bar',
    title,
    description:
      `Bar chart of rights requests received and closed in ${span(series)}: ${total(series, (p) => p.received)} ` +
      `received and ${total(series, (p) => p.closed)} closed in all.${latest} Closed means answered or withdrawn.`,
    categories: monthCategories(series),
    series: [
      { name: 'Received', colour: GOVUK.lightBlue, values: series.map((p) => p.received) },
      { name: 'Closed (answered or withdrawn)', colour: GOVUK.darkBlue, values: series.map((p) => p.closed) },
    ],
    xAxisLabel: 'Month',
    yAxisLabel: 'Requests',
    table: {
      caption: title,
      headers: ['Month', 'Received', 'Closed (answered or withdrawn)'],
      rows: series.map((p) => [monthLabel(p.month), String(p.received), String(p.closed)]),
      numericColumns: [1, 2],
    },
  })
}

export function onTimeTrendChart(series: readonly MonthlyPoint[], id = 'chart-on-time'): Chart {
  const last = series.at(-1)
  const latest =
    last && last.onTimePercent !== null
      ? ` In ${monthLabel(last.month)}, ${last.respondedOnTime} of ${last.responded} responses (${percentLabel(last.onTimePercent)}) were on time.`
      : ''
  const title = 'Responses sent on time each month (%)'
  return chartOf({
    id,
    kind: 'line',
    title,
    description:
      `Line chart of the percentage of rights request responses sent by their statutory due date in ${span(series)}: ` +
      `${total(series, (p) => p.respondedOnTime)} of ${total(series, (p) => p.responded)} on time in all.${latest} ` +
      'Months with no responses have no point and are marked n/a.',
    categories: monthCategories(series),
    series: [{ name: 'Responses on time', colour: GOVUK.blue, values: series.map((p) => p.onTimePercent) }],
    xAxisLabel: 'Month the response was sent',
    yAxisLabel: 'On time (%)',
    percent: true,
    missing: { mark: 'n/a', meaning: 'n/a: no responses sent that month' },
    table: {
      caption: title,
      headers: ['Month', 'Responses sent', 'On time', 'Late', 'On time (%)'],
      rows: series.map((p) => [
        monthLabel(p.month),
        String(p.responded),
        String(p.respondedOnTime),
        String(p.respondedLate),
        percentLabel(p.onTimePercent),
      ]),
      numericColumns: [1, 2, 3, 4],
    },
  })
}

const BAND_AXIS_LABELS: Record<string, string> = {
  '0-10': '0 to 10',
  '11-20': '11 to 20',
  '21-30': '21 to 30',
  '31-60': '31 to 60',
  '61+': 'Over 60',
}

export function ageBandChart(bands: readonly AgeBandPoint[], asOf: LocalDate, id = 'chart-age-bands'): Chart {
  const open = bands.reduce((sum, b) => sum + b.total, 0)
  const overdue = bands.reduce((sum, b) => sum + b.overdue, 0)
  const title = `Open cases by age on ${formatLongDate(asOf)}`
  const parts = bands.map((b) => `${b.band.label.toLowerCase()}: ${b.total}`).join('; ')
  return chartOf({
    id,
    kind: 'stacked-bar',
    title,
    description:
      `Stacked bar chart of the ${open} open cases by days since they were received (${parts}). ` +
      `${overdue} ${overdue === 1 ? 'is' : 'are'} overdue.`,
    categories: bands.map((b) => ({ label: BAND_AXIS_LABELS[b.band.key] ?? b.band.label })),
    series: [
      { name: 'Within deadline', colour: GOVUK.blue, values: bands.map((b) => b.onTrack) },
      { name: 'Clock stopped: waiting for requester', colour: GOVUK.darkGrey, values: bands.map((b) => b.waiting) },
      { name: 'Overdue', colour: GOVUK.red, values: bands.map((b) => b.overdue) },
    ],
    xAxisLabel: 'Days since the case was received',
    yAxisLabel: 'Open cases',
    table: {
      caption: title,
      headers: ['Age', 'Within deadline', 'Clock stopped', 'Overdue', 'Total'],
      rows: bands.map((b) => [b.band.label, String(b.onTrack), String(b.waiting), String(b.overdue), String(b.total)]),
      numericColumns: [1, 2, 3, 4],
    },
  })
}
