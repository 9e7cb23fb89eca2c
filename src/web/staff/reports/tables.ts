// The engine's DataTables (src/reporting/figure-tables.ts, the same tables the PDF pack prints) as govukTable
// parameters: a caption, row headers in the first column, numbers right-aligned, the total row in bold.
import type { AtRiskCase, DataTable } from '../../../reporting/index.js'
import { text } from '../../nunjucks.js'

export interface GovukTable {
  caption: string
  captionClasses: string
  firstCellIsHeader: boolean
  head: { text?: string; html?: string; format?: string }[]
  rows: { text?: string; html?: string; format?: string; classes?: string }[][]
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const TOTAL = 'Total'

export interface TableOptions {
  /** Only for screen readers: a heading or a visible caption right above already says what the table is. */
  hideCaption?: boolean
  /** 16px text, for wide tables of dates and references that would otherwise wrap. */
  small?: boolean
  /** HTML for a cell instead of its text (escape it!), or null for the text. */
  cellHtml?: (row: number, column: number, value: string) => string | null
}

export function govukTable(table: DataTable, options: TableOptions = {}): GovukTable {
  const size = options.small ? ' govuk-!-font-size-16' : ''
  const numeric = (i: number) =>
    table.numericColumns.includes(i) ? { format: 'numeric', classes: `govuk-!-font-tabular-numbers${size}` } : null
  const cell = (i: number, extra = '') => {
    const n = numeric(i)
    const classes = `${n?.classes ?? size.trim()}${extra}`.trim()
    return { ...(n ? { format: n.format } : {}), ...(classes ? { classes } : {}) }
  }
  return {
    caption: table.caption,
    captionClasses: options.hideCaption ? 'govuk-visually-hidden' : 'govuk-table__caption--s',
    firstCellIsHeader: true,
    head: table.headers.map((h, i) =>
      h === ''
        ? { html: `<span class="govuk-visually-hidden">${escapeHtml(text('reports.typeOfCase'))}</span>` }
        : { text: h, ...cell(i) },
    ),
    rows: table.rows.map((row, r) => {
      const bold = row[0] === TOTAL ? ' govuk-!-font-weight-bold' : ''
      return row.map((value, i) => {
        const html = options.cellHtml?.(r, i, value) ?? null
        return { ...(html === null ? { text: value } : { html }), ...cell(i, bold) }
      })
    }),
  }
}

/** The overdue and at-risk list: the reference links to the case, and an overdue case is tagged red. */
export function atRiskGovukTable(table: DataTable, cases: readonly AtRiskCase[]): GovukTable {
  const DUE_COLUMN = 5
  const cellHtml = (row: number, column: number, value: string) => {
    const c = cases[row]
    if (!c) return null
    if (column === 0)
      return `<a class="govuk-link" href="/staff/cases/${escapeHtml(c.caseId)}">${escapeHtml(value)}</a>`
    if (column === DUE_COLUMN && c.overdue)
      return `<strong class="govuk-tag govuk-tag--red govuk-!-font-size-16">${escapeHtml(value)}</strong>`
    return null
  }
  return govukTable(table, { hideCaption: true, small: true, cellHtml })
}
