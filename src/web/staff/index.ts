import type { FastifyError, FastifyInstance } from 'fastify'
import type { AppDeps } from '../../application/deps.js'
import { isDomainError } from '../../domain/index.js'
import { renderErrorFor, renderErrorPage } from '../errors.js'
import { registerStaffAccess } from './access.js'
import { registerActionRoutes } from './actions/routes.js'
import { registerAdminRoutes } from './admin/routes.js'
import { registerCasePage } from './case/routes.js'
import { registerCaseList } from './cases/routes.js'
import { registerWorkRoutes } from './cases/work-routes.js'
import { registerRestrictionsExport } from './cases/restrictions-export.js'
import { registerSplitRoutes } from './case/split-routes.js'
import { registerDisclosureRoutes } from './disclosure/routes.js'
import { registerDiscoveryRoutes } from './discovery/index.js'
import { registerGovernance } from './governance/index.js'
import { registerLetterRoutes } from './letters/routes.js'
import { page } from './render.js'
import { registerReportRoutes } from './reports/routes.js'
import { registerSendRoutes } from './send/routes.js'
import { registerReleaseRoutes } from './release/routes.js'
import { registerSignIn } from './sign-in/routes.js'
import { registerTaskRoutes } from './tasks/routes.js'
import { registerStaffUploads } from './uploads.js'

const STATUS_BY_CODE: Record<string, number> = { 'not-permitted': 403, 'not-found': 404, validation: 422 }

/** Staff casework under /staff: sign-in, case list, case page, actions, letters, tasks, sending, admin. */
export async function registerStaff(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(
    async (staff) => {
      await registerStaffUploads(staff)
      registerStaffAccess(staff, deps)
      // A refused action (wrong stage, four-eyes, too late to extend) is explained on a page of its own with the
      // office's words; permission and not-found use the standard error pages.
      staff.setErrorHandler(async (error: FastifyError, request, reply) => {
        if (!isDomainError(error)) return renderErrorFor(request, reply, error)
        const status = STATUS_BY_CODE[error.code]
        if (status === 403 || status === 404) return renderErrorPage(request, reply, status)
        request.log.info({ code: error.code, msg: error.message }, 'staff action refused')
        const caseId = (request.params as { id?: string } | undefined)?.id
        return page(deps, request, reply, 'staff/refused.njk', { error, caseId }, status ?? 409)
      })
      registerSignIn(staff, deps)
      registerRestrictionsExport(staff, deps)
      registerSplitRoutes(staff, deps)
      registerCaseList(staff, deps)
      registerWorkRoutes(staff, deps)
      registerCasePage(staff, deps)
      registerActionRoutes(staff, deps)
      registerLetterRoutes(staff, deps)
      registerSendRoutes(staff, deps)
      registerReleaseRoutes(staff, deps)
      registerTaskRoutes(staff, deps)
      registerAdminRoutes(staff, deps)
      registerReportRoutes(staff, deps)
      registerGovernance(staff, deps)
      registerDisclosureRoutes(staff, deps)
      registerDiscoveryRoutes(staff, deps)
    },
    { prefix: '/staff' },
  )
}
