import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { complianceReport } from '../../../application/casework/compliance-report.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page } from '../render.js'
import { staffRoute } from '../route.js'

/** The monthly compliance figures the Chief Executive reviews (seed 002 "Monitoring"). */
export function registerReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/reports',
    access: 'report:view',
    handler: async (request, reply) => {
      const report = await complianceReport(deps, staffOf(request))
      const monthName = (m: string) =>
        new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-GB', {
          month: 'long',
          year: 'numeric',
          timeZone: 'Europe/London',
        })
      return page(deps, request, reply, 'staff/reports/compliance.njk', {
        pageTitle: text('casework.reports.title'),
        months: report.months.map((m) => ({ ...m, name: monthName(m.month) })),
        now: report.now,
      })
    },
  })
}
