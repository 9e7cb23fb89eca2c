// The report downloads, with the dashboard's filters: all the figures as CSV, the overdue and at-risk cases as CSV,
// and the monthly compliance pack as a PDF. A bad filter sends the person back to the dashboard, which explains it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  atRiskCsvDownload,
  compliancePackDownload,
  figuresCsvDownload,
  type Download,
} from '../../../application/reporting/reports.js'
import { contentDisposition } from '../../downloads.js'
import { staffOf } from '../access.js'
import { str } from '../render.js'
import { staffRoute } from '../route.js'
import { filtersOf } from './context.js'

function send(reply: FastifyReply, file: Download) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body))
}

const backToDashboard = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/staff/reports${new URL(request.url, 'http://x').search}`, 303)

export function registerReportDownloads(app: FastifyInstance, deps: AppDeps): void {
  const csv = (url: string, download: typeof figuresCsvDownload) =>
    staffRoute(app, {
      method: 'GET',
      url,
      access: 'report:view',
      handler: async (request, reply) => {
        const actor = staffOf(request)
        const { parsed } = await filtersOf(deps, actor, request.query)
        if (!parsed.request) return backToDashboard(request, reply)
        return send(reply, await download(deps, actor, parsed.request))
      },
    })
  csv('/reports/figures.csv', figuresCsvDownload)
  csv('/reports/cases.csv', atRiskCsvDownload)

  staffRoute(app, {
    method: 'GET',
    url: '/reports/pack.pdf',
    access: 'report:view',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      // The pack is for one month: ?month=YYYY-MM (default: the last complete month), and the organisation filter.
      const { parsed } = await filtersOf(deps, actor, {
        controller: str(request.query, 'controller'),
        ...monthOf(request),
      })
      if (!parsed.request) return backToDashboard(request, reply)
      const { lastMonth, controllerId } = parsed.request
      return send(reply, await compliancePackDownload(deps, actor, lastMonth, controllerId))
    },
  })
}

function monthOf(request: FastifyRequest): { month?: string } {
  const month = str(request.query, 'month')
  return month ? { month } : {}
}
