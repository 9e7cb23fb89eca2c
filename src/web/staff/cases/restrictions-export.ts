import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { exportRestrictions } from '../../../application/casework/export-restrictions.js'
import { localDateInLondon } from '../../../domain/index.js'
import { staffOf } from '../access.js'
import { staffRoute } from '../route.js'
import { csvLine } from './case-rows.js'

/** The s.45(7) reasons record as CSV, for the Information Commissioner on request (DPA 2018 s.45(7)). */
export function registerRestrictionsExport(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/cases/restrictions.csv',
    access: 'case:refuse',
    handler: async (request, reply) => {
      const rows = await exportRestrictions(deps, staffOf(request))
      const today = localDateInLondon(deps.clock.now())
      const head = [
        'Reference',
        'Organisation',
        'Restriction',
        'Provision',
        'Neither confirm nor deny',
        'Reasons',
        'Recorded on',
        'Recorded by',
        'Review by',
        'Case status',
      ]
      const lines = rows.map((r) =>
        csvLine([
          r.reference,
          r.controllerId,
          r.code,
          r.citation,
          r.neitherConfirmNorDeny ? 'yes' : 'no',
          r.reasons,
          r.recordedOn,
          r.recordedBy,
          r.reviewOn,
          r.status,
        ]),
      )
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="restrictions-s45-7-${today}.csv"`)
        .header('cache-control', 'no-store')
        .send(`\uFEFF${[csvLine(head), ...lines].join('\r\n')}\r\n`)
    },
  })
}
