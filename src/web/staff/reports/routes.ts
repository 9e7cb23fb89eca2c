// The compliance reports area (issue 6): the dashboard the monthly compliance meeting of seed 002 works from, its
// downloads, and emailing the monthly pack on demand. Access: 'report:view' (reviewer, chief executive, DP manager).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { complianceReport, lastPackSent, sendCompliancePack } from '../../../application/reporting/reports.js'
import { isMonth, monthLabel } from '../../../reporting/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { filtersOf } from './context.js'
import { dashboardView } from './dashboard.js'
import { registerReportDownloads } from './downloads.js'
import { filterForm, filterQuery } from './filters.js'

export function registerReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/reports',
    access: 'report:view',
    handler: (request, reply) => dashboard(deps, request, reply, request.query),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/reports/pack/send',
    access: 'report:view',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      // The form repeats the dashboard's filters, so the person comes back to the figures they were looking at.
      const { ctx, parsed } = await filtersOf(deps, actor, request.body)
      const month = str(request.body, 'packMonth')
      if (!parsed.request || !ctx.months.includes(month)) {
        const message = text(isMonth(month) ? 'reports.filters.errors.future' : 'reports.filters.errors.month')
        const errors: FormErrors = { summary: [{ text: message, href: '#pack' }], fields: {} }
        return dashboard(deps, request, reply, request.body, errors, 422)
      }
      await sendCompliancePack(deps, actor, month, parsed.request.controllerId)
      const query = new URLSearchParams(filterQuery(parsed.values).slice(1))
      query.set('sent', month)
      return reply.redirect(`/staff/reports?${query.toString()}`, 303)
    },
  })
  registerReportDownloads(app, deps)
}

async function dashboard(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  source: unknown,
  packErrors?: FormErrors,
  status?: number,
) {
  const actor = staffOf(request)
  const { ctx, parsed } = await filtersOf(deps, actor, source)
  const report = parsed.request ? await complianceReport(deps, actor, parsed.request) : null
  const packMonth = parsed.request?.lastMonth ?? ctx.months[1] ?? ctx.months[0] ?? ''
  const query = filterQuery(parsed.values)
  const packQuery = new URLSearchParams({
    month: packMonth,
    ...(parsed.values.controller ? { controller: parsed.values.controller } : {}),
  })
  const sent = await sentBanner(deps, request, packMonth)
  return page(
    deps,
    request,
    reply,
    'staff/reports/dashboard.njk',
    {
      pageTitle: text('reports.title'),
      errors: packErrors ?? parsed.errors,
      values: parsed.values,
      form: filterForm(parsed.values, ctx),
      view: report ? dashboardView(report, deps.dueSoonWorkingDays) : null,
      links: {
        figuresCsv: `/staff/reports/figures.csv${query}`,
        casesCsv: `/staff/reports/cases.csv${query}`,
        packPdf: `/staff/reports/pack.pdf?${packQuery.toString()}`,
      },
      pack: { month: packMonth, label: packMonth ? monthLabel(packMonth) : '' },
      sent,
    },
    status ?? (parsed.errors ? 400 : 200),
  )
}

/** After the pack was emailed: who it went to, read back from the audit trail (no addresses in the URL). */
async function sentBanner(deps: AppDeps, request: FastifyRequest, packMonth: string) {
  const month = str(request.query, 'sent')
  if (!isMonth(month) || month !== packMonth) return null
  const recipients = await lastPackSent(deps, staffOf(request), month)
  if (recipients === null) return null
  const label = monthLabel(month)
  return recipients.length
    ? { heading: text('reports.downloads.sent', { month: label }), recipients }
    : { heading: text('reports.downloads.sentNoRecipients', { month: label }), recipients: [] }
}
