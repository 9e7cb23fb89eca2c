import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { text } from '../../nunjucks.js'
import { page } from '../render.js'
import { staffRoute } from '../route.js'
import { registerConsentRoutes } from './consents/routes.js'
import { registerRegisterRoutes } from './register/routes.js'
import { registerRetentionRoutes } from './retention/routes.js'
import { GOVERNANCE_PERMISSIONS } from './sections.js'
import { registerTrainingRoutes } from './training/routes.js'

/**
 * The governance area (issue 6) under /staff/governance: retention and disposal, legal holds, training records, the
 * register of processing with its privacy notices, and the consent register. Each section registers its own routes.
 */
export function registerGovernance(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance',
    access: GOVERNANCE_PERMISSIONS,
    handler: async (request, reply) =>
      page(deps, request, reply, 'staff/governance/hub.njk', { pageTitle: text('governance.hub.title') }),
  })
  registerRetentionRoutes(app, deps)
  registerTrainingRoutes(app, deps)
  registerRegisterRoutes(app, deps)
  registerConsentRoutes(app, deps)
}
