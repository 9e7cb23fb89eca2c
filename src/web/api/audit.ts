import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppDeps } from '../../application/deps.js'
import { requirePermission } from '../../application/authorise.js'
import { verifyAuditTrail } from '../../persistence/audit-proof.js'

/** Lets an administrator check the audit chain while Rightsdesk runs (the CLI needs the data directory). */
export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/audit/verify', {
      schema: {
        summary: 'Recompute the audit hash chain and check its seals and signed checkpoints',
        tags: ['audit'],
        security: [{ bearer: [] }],
      },
      handler: async (request) => {
        requirePermission(request.actor, 'audit:verify')
        return verifyAuditTrail(deps.pool, deps.auditProof ?? null)
      },
    })
  }
}
