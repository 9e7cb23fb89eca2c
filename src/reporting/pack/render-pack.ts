// Lays out the monthly compliance pack PDF: a title page with the headline figures and contents, then one section
// per topic of the seed 002 meeting ("timeliness of responses and requests in progress or outstanding"), the charts
// drawn from the same models as the dashboard SVGs, the overdue and at-risk list, and how each figure is worked out.
// No requester names anywhere: the pack is emailed (data minimisation).
import { otherRightsGroundsTable, otherRightsTable, recipientsAndRestrictionsTable } from '../other-rights.js'
import { formatLongDate, localDateInLondon, type LocalDate } from '../../domain/index.js'
import { ageBandChart, onTimeTrendChart, receivedVsClosedChart } from '../charts/compliance-charts.js'
import { GOVUK } from '../charts/model.js'
import * as tables from '../figure-tables.js'
import { percentLabel, shortDate } from '../labels.js'
import { monthLabel, periodLabel } from '../period.js'
import type { AgeBandPoint, MonthlyPoint } from '../series.js'
import type { ComplianceFigures } from '../types.js'
import { DEFINITIONS } from './definitions.js'
import { PAGE_MARGIN, PdfWriter } from './pdf-writer.js'

export interface PackContent {
  month: string
  asOf: LocalDate
  generatedAt: Date
  controllerNames: string[]
  figures: ComplianceFigures
  series: MonthlyPoint[]
  ageBands: AgeBandPoint[]
  /** Government Security Classification printed at the top of every page. */
  protectiveMarking: string
  /** Who the pack is for, printed on the title page. */
  audience: string
}

const DATE = (d: LocalDate) => formatLongDate(d)

function glance(c: PackContent): string[] {
  const f = c.figures
  const t = f.timeliness
  const responded =
    t.responded === 0
      ? `No responses were sent in ${monthLabel(c.month)}.`
      : `${t.responded} ${t.responded === 1 ? 'response was' : 'responses were'} sent in ${monthLabel(c.month)}: ` +
        `${t.onTime} on time and ${t.late} late (${percentLabel(t.onTimePercent)} on time).`
  const open =
    `As at ${DATE(f.open.asOf)}, ${f.open.open} ${f.open.open === 1 ? 'case is' : 'cases are'} open: ` +
    `${f.open.overdue} overdue, ${f.open.dueSoon} due by ${DATE(f.open.dueSoonUntil)}, and ` +
    `${f.open.waitingForRequester} waiting for the requester (clock stopped).`
  const received = f.received.total === 1 ? '1 rights request was' : `${f.received.total} rights requests were`
  return [`${received} received in ${monthLabel(c.month)}.`, responded, open]
}

function controllersLine(c: PackContent): string {
  const names = c.controllerNames.join('; ') || 'none found'
  if (c.figures.controllerIds === null) return `Controllers: all (${names})`
  return `Controller${c.controllerNames.length === 1 ? '' : 's'}: ${names}`
}

function titlePage(w: PdfWriter, c: PackContent): { x: number; y: number } {
  const f = c.figures
  w.newPage('Title page and summary', { showHeading: false })
  w.space(40)
  w.text('Monthly compliance pack', { size: 28, bold: true, after: 4 })
  w.text(`Individual rights requests: ${monthLabel(c.month)}`, { size: 16, colour: GOVUK.darkGrey, after: 18 })
  w.text(controllersLine(c), {
    size: 11,
    bold: true,
    after: 4,
  })
  w.text(`Reporting period: ${periodLabel(f.period)}`, { size: 11, after: 4 })
  w.text(`Open cases as at: ${DATE(c.asOf)}`, { size: 11, after: 4 })
  w.text(`Generated: ${DATE(localDateInLondon(c.generatedAt))}`, { size: 11, after: 4 })
  w.text(`For: ${c.audience}`, { size: 11, after: 16 })
  w.keyFigures([
    { value: String(f.received.total), label: `rights requests received in ${monthLabel(c.month)}` },
    { value: String(f.timeliness.responded), label: 'responses sent' },
    {
      value: f.timeliness.onTimePercent === null ? '–' : percentLabel(f.timeliness.onTimePercent),
      label: f.timeliness.onTimePercent === null ? 'on time: no responses were sent' : 'of responses sent on time',
      alert: f.timeliness.late > 0,
    },
    { value: String(f.open.overdue), label: `cases overdue as at ${DATE(c.asOf)}`, alert: f.open.overdue > 0 },
  ])
  w.heading('At a glance', 60)
  for (const line of glance(c)) w.text(line, { size: 10.5, after: 4 })
  w.space(8)
  w.heading('Contents', 200)
  const at = w.cursor
  return { x: PAGE_MARGIN.left, y: at.y }
}

function timeliness(w: PdfWriter, c: PackContent): void {
  const f = c.figures
  w.newPage(`Timeliness: responses sent in ${monthLabel(c.month)}`)
  w.text(
    'A response counts in the month it was sent. It is on time when it was sent on or before the statutory due ' +
      'date: one calendar month from receipt (or from when identity, authority or a fee arrived), plus any days the ' +
      'clock was paused for clarification, or three months when the deadline was extended.',
    { size: 9.5, colour: GOVUK.darkGrey, after: 10 },
  )
  w.table(tables.timelinessTable(f))
  w.table(tables.lateResponsesTable(f), { empty: 'No response was sent late.' })
  w.table(tables.outcomesTable(f), { empty: 'No responses were sent.' })
}

function workInProgress(w: PdfWriter, c: PackContent): void {
  const f = c.figures
  const waiting = f.open.waitingForRequester
  w.newPage(`Work in progress as at ${DATE(c.asOf)}`)
  w.text(
    `Cases not yet answered, whenever they arrived. "Due by ${shortDate(f.open.dueSoonUntil)}" means due within the ` +
      `next 5 working days. ${waiting} open ${waiting === 1 ? 'case is' : 'cases are'} waiting for the requester ` +
      '(identity, authority, a fee or clarification): the clock is stopped, so they are neither overdue nor due soon.',
    { size: 9.5, colour: GOVUK.darkGrey, after: 10 },
  )
  w.table(tables.openTable(f))
  const unacknowledged = f.complaints.acknowledgementOverdue
  if (unacknowledged > 0) {
    const what = unacknowledged === 1 ? 'complaint has' : 'complaints have'
    w.text(`${unacknowledged} open ${what} not been acknowledged within 30 days.`, { bold: true, colour: GOVUK.red })
  }
  const chart = ageBandChart(c.ageBands, c.asOf)
  w.chart(chart.model)
  w.table(chart.table)
}

function atRisk(w: PdfWriter, c: PackContent): void {
  const f = c.figures
  w.newPage(`Overdue and at-risk cases as at ${DATE(c.asOf)}`)
  w.text(
    `${f.open.overdue} overdue (in red) and ${f.open.dueSoon} due by ${DATE(f.open.dueSoonUntil)}, the next 5 ` +
      'working days; most overdue first. Days are calendar days. Cases waiting for the requester are not listed: ' +
      'their clock is stopped.',
    { size: 9.5, colour: GOVUK.darkGrey, after: 10 },
  )
  w.table(tables.atRiskTable(f.overdueAndAtRisk, c.asOf), {
    empty: 'No cases are overdue or due in the next 5 working days.',
  })
}

function trend(w: PdfWriter, c: PackContent): void {
  const first = c.series[0]
  w.newPage(`Trend: the ${c.series.length} months to ${monthLabel(c.month)}`)
  if (first)
    w.text(`Rights requests from ${monthLabel(first.month)} to ${monthLabel(c.month)}.`, {
      size: 9.5,
      colour: GOVUK.darkGrey,
    })
  w.chart(receivedVsClosedChart(c.series).model)
  w.space(6)
  w.chart(onTimeTrendChart(c.series).model)
  w.table(tables.trendTable(c.series))
}

function received(w: PdfWriter, c: PackContent): void {
  const f = c.figures
  w.newPage(`Requests received, extensions and pauses in ${monthLabel(c.month)}`)
  w.table(tables.receivedByRightTable(f))
  w.table(tables.receivedByChannelTable(f))
  w.table(tables.extensionsTable(f))
  w.table(tables.pausesTable(f))
}

function decisions(w: PdfWriter, c: PackContent): void {
  const f = c.figures
  w.newPage(`Refusals, exemptions, appeals and complaints in ${monthLabel(c.month)}`)
  w.table(tables.refusalsTable(f))
  w.table(tables.exemptionsTable(f), { empty: 'No exemptions were applied in the responses sent.' })
  w.table(tables.appealsComplaintsRegulatorTable(f))
  w.space(-6)
  w.text(
    'Upheld means the requester was right: the appeal succeeded (the decision was changed) or the complaint was ' +
      `justified. Appeals and complaints are counted when received or decided in ${monthLabel(c.month)}; "still ` +
      `open" is as at ${DATE(c.asOf)}.`,
    { size: 9, colour: GOVUK.darkGrey, after: 12 },
  )
  w.table(tables.searchTasksTable(f), { empty: 'No search tasks are outstanding.' })
}

/** Issue 13: rectification, erasure, restriction, objection and automated decisions, with their own steps. */
function otherRights(w: PdfWriter, c: PackContent): void {
  const f = c.figures
  w.newPage(`Other rights: decisions, recipients and restrictions in ${monthLabel(c.month)}`)
  w.table(otherRightsTable(f))
  w.table(otherRightsGroundsTable(f), { empty: 'No grounds were relied on to refuse or limit these requests.' })
  w.table(recipientsAndRestrictionsTable(f))
}

function definitions(w: PdfWriter): void {
  w.newPage('How the figures are worked out')
  for (const [term, body] of DEFINITIONS) {
    w.ensure(40)
    w.text(term, { size: 10, bold: true, after: 1 })
    w.text(body, { size: 9.5, after: 8 })
  }
}

function contents(w: PdfWriter, at: { x: number; y: number }): void {
  const seen = new Set<string>()
  let y = at.y - 4
  w.pages.forEach((heading, index) => {
    if (index === 0 || heading.endsWith('(continued)') || seen.has(heading)) return
    seen.add(heading)
    w.drawAt(0, at.x, y, heading, { size: 10.5 })
    w.drawAt(0, at.x + 440, y, `page ${index + 1}`, { size: 10.5, colour: GOVUK.darkGrey })
    y -= 16
  })
}

export async function renderPackPdf(c: PackContent): Promise<{ pdf: Uint8Array; pages: string[] }> {
  const title = `Monthly compliance pack: ${monthLabel(c.month)}`
  const w = await PdfWriter.create(title, 'Rightsdesk', c.generatedAt)
  const contentsAt = titlePage(w, c)
  timeliness(w, c)
  workInProgress(w, c)
  atRisk(w, c)
  trend(w, c)
  received(w, c)
  decisions(w, c)
  otherRights(w, c)
  definitions(w)
  contents(w, contentsAt)
  const generated = DATE(localDateInLondon(c.generatedAt))
  const footer = `${title} · generated ${generated} · contains no requester names`
  return { pdf: await w.finish(c.protectiveMarking, footer), pages: [...w.pages] }
}
