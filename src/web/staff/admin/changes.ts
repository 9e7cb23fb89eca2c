import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { approveAdminChange, rejectAdminChange } from '../../../application/staff/admin-changes/decide.js'
import { listAdminChanges } from '../../../application/staff/admin-changes/list.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page } from '../render.js'
import { staffRoute } from '../route.js'

const ADMIN = ['user:admin', 'settings:admin'] as const
const changeIdOf = (request: FastifyRequest) => (request.params as { changeId: string }).changeId
const BANNERS = ['proposed', 'approved', 'rejected'] as const

/** Changes one administrator proposed, for a second to approve or reject (issue 11: duties separated for admins). */
export function registerAdminChangeRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/admin/changes',
    access: ADMIN,
    handler: async (request, reply) => {
      const changes = await listAdminChanges(deps.pool, staffOf(request))
      const q = request.query as Record<string, unknown>
      return page(deps, request, reply, 'staff/admin/changes.njk', {
        pageTitle: text('staffSignIn.admin.changesTitle'),
        pending: changes.filter((c) => c.status === 'pending'),
        decided: changes.filter((c) => c.status !== 'pending'),
        banner: BANNERS.find((b) => q[b]) ?? null,
        me: staffOf(request).id,
      })
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/changes/:changeId/approve',
    access: ADMIN,
    handler: async (request, reply) => {
      await approveAdminChange(deps, staffOf(request), changeIdOf(request))
      return reply.redirect('/staff/admin/changes?approved=1', 303)
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/changes/:changeId/reject',
    access: ADMIN,
    handler: async (request, reply) => {
      await rejectAdminChange(deps, staffOf(request), changeIdOf(request))
      return reply.redirect('/staff/admin/changes?rejected=1', 303)
    },
  })
}
