// The reports filter (a GET form): which organisation, and a month or a range of months. Every download link carries
// the same query, so what is downloaded is what is on the screen. Values come from selects, but a query string can
// say anything, so each is checked against the lists offered.
import type { ReportRequest } from '../../../application/reporting/reports.js'
import { isMonth, lastCompleteMonth, monthLabel } from '../../../reporting/index.js'
import { text } from '../../nunjucks.js'
import { str, type FormErrors } from '../render.js'

export interface FilterValues {
  controller: string
  /** First and last month of the period, 'YYYY-MM'; the same month for one month. */
  from: string
  to: string
}

export interface FilterContext {
  /** The months that may be chosen, newest first (the first is the current month). */
  months: string[]
  /** The actor's controllers. */
  controllers: { id: string; name: string }[]
  today: string
}

export interface ParsedFilters {
  values: FilterValues
  request: ReportRequest | null
  errors: FormErrors | null
}

/**
 * Reads ?controller=&from=YYYY-MM&to=YYYY-MM (?month=YYYY-MM is one month). A month is a range from it to itself,
 * so one pair of selects covers both; the default is the last complete month.
 */
export function readFilters(query: unknown, ctx: FilterContext): ParsedFilters {
  const defaultMonth = lastCompleteMonth(ctx.today)
  const month = str(query, 'month')
  const values: FilterValues = {
    controller: str(query, 'controller'),
    from: str(query, 'from') || month || defaultMonth,
    to: str(query, 'to') || month || defaultMonth,
  }
  const fields: Record<string, string> = {}
  const current = ctx.months[0] ?? ctx.today.slice(0, 7)
  for (const field of ['from', 'to'] as const) {
    const value = values[field]
    if (ctx.months.includes(value)) continue
    fields[field] = text(
      isMonth(value) && value > current ? 'reports.filters.errors.future' : `reports.filters.errors.${field}`,
    )
  }
  // One month asked for (?month=): one message, not the same one twice.
  if (fields.from && values.from === values.to) delete fields.to
  if (!fields.from && !fields.to && values.from > values.to) fields.to = text('reports.filters.errors.order')
  if (values.controller && !ctx.controllers.some((c) => c.id === values.controller)) {
    fields.controller = text('reports.filters.errors.controller')
  }
  const entries = Object.entries(fields)
  if (entries.length) {
    return {
      values,
      request: null,
      errors: {
        summary: entries.map(([field, message]) => ({ text: message, href: `#${field}` })),
        fields: Object.fromEntries(entries.map(([field, message]) => [field, { text: message }])),
      },
    }
  }
  return {
    values,
    request: {
      firstMonth: values.from,
      lastMonth: values.to,
      ...(values.controller ? { controllerId: values.controller } : {}),
    },
    errors: null,
  }
}

/** The query string for the filters as chosen (for download links and the redirect after sending the pack). */
export function filterQuery(values: FilterValues): string {
  const params = new URLSearchParams()
  if (values.controller) params.set('controller', values.controller)
  params.set('from', values.from)
  params.set('to', values.to)
  return `?${params.toString()}`
}

const monthItems = (months: readonly string[], selected: string) =>
  months.map((m) => ({ value: m, text: monthLabel(m), selected: m === selected }))

/** The select items for the form. */
export function filterForm(values: FilterValues, ctx: FilterContext) {
  return {
    controllers: [
      { value: '', text: text('reports.filters.allControllers'), selected: values.controller === '' },
      ...ctx.controllers.map((c) => ({ value: c.id, text: c.name, selected: c.id === values.controller })),
    ],
    fromMonths: monthItems(ctx.months, values.from),
    toMonths: monthItems(ctx.months, values.to),
  }
}
