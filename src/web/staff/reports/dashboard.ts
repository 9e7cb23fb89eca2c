// What the dashboard shows, from a ComplianceReport: the headline figures, the three charts with their data tables,
// and every figure group as a table (the same tables the PDF pack prints, so the screen and the pack agree).
import type { ComplianceReport } from '../../../application/reporting/reports.js'
import {
  otherRightsGroundsTable,
  otherRightsTable,
  recipientsAndRestrictionsTable,
} from '../../../reporting/other-rights.js'
import { formatLongDate } from '../../../domain/index.js'
import {
  ageBandChart,
  describePeriod,
  figureTables,
  onTimeTrendChart,
  receivedVsClosedChart,
  renderChartSvg,
  type Chart,
  type DataTable,
} from '../../../reporting/index.js'
import { safeguardsTable } from '../../../reporting/safeguards.js'
import { text } from '../../nunjucks.js'
import { atRiskGovukTable, govukTable, type GovukTable, type TableOptions } from './tables.js'

interface Headline {
  label: string
  value: string
  detail: string
}

interface TableItem {
  table: GovukTable | null
  /** Said instead of an empty table. */
  empty?: string
}

interface Section {
  id: string
  heading: string
  hint?: string
  /** Rows of tables: two in a row sit side by side (short two-column tables), one takes the full width. */
  rows: TableItem[][]
}

const days = (n: number | null) =>
  n === null
    ? text('reports.headline.none')
    : n === 1
      ? text('reports.headline.day')
      : text('reports.headline.days', { n })

function headline(report: ComplianceReport, dueSoonWorkingDays: number): Headline[] {
  const f = report.figures
  const t = f.timeliness
  return [
    { label: text('reports.headline.received'), value: String(f.received.total), detail: '' },
    { label: text('reports.headline.closed'), value: String(f.closed), detail: text('reports.headline.closedDetail') },
    {
      label: text('reports.headline.onTime'),
      value: t.onTimePercent === null ? text('reports.headline.noResponses') : `${t.onTimePercent.toFixed(1)}%`,
      detail: text('reports.headline.onTimeDetail', { onTime: t.onTime, responded: t.responded }),
    },
    { label: text('reports.headline.median'), value: days(t.medianDays), detail: text('reports.headline.daysDetail') },
    { label: text('reports.headline.p90'), value: days(t.p90Days), detail: text('reports.headline.daysDetail') },
    { label: text('reports.headline.open'), value: String(f.open.open), detail: text('reports.headline.openDetail') },
    {
      label: text('reports.headline.overdue'),
      value: String(f.open.overdue),
      detail: text('reports.headline.overdueDetail'),
    },
    {
      label: text('reports.headline.dueSoon'),
      value: String(f.open.dueSoon),
      detail: text('reports.headline.dueSoonDetail', { n: dueSoonWorkingDays }),
    },
  ]
}

function chartView(chart: Chart) {
  return {
    id: chart.model.id,
    title: chart.model.title,
    svg: renderChartSvg(chart.model, { fluid: true }),
    table: govukTable(chart.table, { hideCaption: true }),
  }
}

/** A table, or a sentence saying there is nothing to show when it has no rows. */
const maybe = (table: DataTable, empty: string, options: TableOptions = {}): TableItem =>
  table.rows.length ? { table: govukTable(table, options) } : { table: null, empty: text(empty) }

/** The section heading says what a lone table is, so its caption is for screen readers only. */
const alone = { hideCaption: true }

function sections(report: ComplianceReport): Section[] {
  const f = report.figures
  const atRisk = figureTables.atRiskTable(f.overdueAndAtRisk, f.asOf)
  const outcomes: TableItem = f.outcomes.length
    ? { table: govukTable(figureTables.outcomesTable(f)) }
    : { table: null, empty: text('reports.none.outcomes') }
  return [
    {
      id: 'received',
      heading: text('reports.sections.received'),
      rows: [
        [
          { table: govukTable(figureTables.receivedByRightTable(f)) },
          { table: govukTable(figureTables.receivedByChannelTable(f)) },
        ],
      ],
    },
    {
      id: 'timeliness',
      heading: text('reports.sections.timeliness'),
      hint: text('reports.sections.timelinessHint'),
      rows: [
        [{ table: govukTable(figureTables.timelinessTable(f)) }, outcomes],
        [maybe(figureTables.lateResponsesTable(f), 'reports.none.late', { small: true })],
      ],
    },
    {
      id: 'decisions',
      heading: text('reports.sections.decisions'),
      rows: [
        [{ table: govukTable(figureTables.extensionsTable(f)) }, { table: govukTable(figureTables.refusalsTable(f)) }],
        [{ table: govukTable(figureTables.pausesTable(f)) }, { table: null }],
      ],
    },
    {
      id: 'exemptions',
      heading: text('reports.sections.exemptions'),
      hint: text('reports.sections.exemptionsHint'),
      rows: [[maybe(figureTables.exemptionsTable(f), 'reports.none.exemptions', alone)]],
    },
    {
      // Issue 13: the rights with their own steps (other-rights.ts has the definitions).
      id: 'other-rights',
      heading: text('reports.sections.otherRights'),
      hint: text('reports.sections.otherRightsHint'),
      rows: [
        [{ table: govukTable(otherRightsTable(f)) }, { table: govukTable(recipientsAndRestrictionsTable(f)) }],
        [maybe(otherRightsGroundsTable(f), 'reports.none.otherRightsGrounds', alone)],
      ],
    },
    {
      id: 'other-cases',
      heading: text('reports.sections.otherCases'),
      rows: [
        [{ table: govukTable(figureTables.appealsComplaintsRegulatorTable(f), alone) }],
        [{ table: govukTable(safeguardsTable(f), alone) }],
      ],
    },
    {
      id: 'open-work',
      heading: text('reports.sections.openWork'),
      rows: [
        [{ table: govukTable(figureTables.openTable(f)) }],
        [maybe(figureTables.searchTasksTable(f), 'reports.none.searchTasks')],
      ],
    },
    {
      id: 'at-risk',
      heading: text('reports.sections.atRisk'),
      rows: [
        [
          atRisk.rows.length
            ? { table: atRiskGovukTable(atRisk, f.overdueAndAtRisk) }
            : { table: null, empty: text('reports.none.atRisk') },
        ],
      ],
    },
  ]
}

export function dashboardView(report: ComplianceReport, dueSoonWorkingDays: number) {
  const period = describePeriod(report.period)
  const scope =
    report.controllerIds === undefined ? text('reports.scopeAll') : report.controllers.map((c) => c.name).join(', ')
  return {
    heading: text('reports.heading', { period }),
    scope,
    asOf: text('reports.asOf', { period, date: formatLongDate(report.asOf) }),
    headline: headline(report, dueSoonWorkingDays),
    charts: [
      chartView(receivedVsClosedChart(report.series)),
      chartView(onTimeTrendChart(report.series)),
      chartView(ageBandChart(report.ageBands, report.asOf)),
    ],
    sections: sections(report),
  }
}
