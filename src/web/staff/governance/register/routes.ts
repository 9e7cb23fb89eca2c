import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import {
  currentPrivacyNotice,
  loadActivities,
  loadDpo,
  noticeFromRegister,
} from '../../../../application/governance/register.js'
import { DomainError, formatLongDate, localDateInLondon } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { page } from '../../render.js'
import { staffRoute } from '../../route.js'
import { registerActivityRoutes } from './activity.js'
import { basisLabel, controllersOf, registerUrl } from './shared.js'
import { registerNoticeRoutes } from './notice.js'
import { noticeChanges } from './notice-diff.js'

/**
 * The register of processing (UK GDPR Art 30) per controller, its activities, the DPO contact, and the privacy notice
 * generated from it (Arts 13–14), previewed and published as numbered versions with a public change history.
 */
export function registerRegisterRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/register',
    access: 'register:manage',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const controllers = await controllersOf(deps, actor)
      const q = request.query as Record<string, unknown>
      const controller = controllers.find((c) => c.id === q.controller) ?? controllers[0]
      if (!controller) throw new DomainError('not-found', 'no controller')
      const activities = await loadActivities(deps.pool, controller.id)
      const published = await currentPrivacyNotice(deps.pool, controller.id)
      const preview = await noticeFromRegister(deps.pool, controller.id)
      const dpo = await loadDpo(deps.pool, controller.id)
      const done = typeof q.done === 'string' && ['activity', 'dpo'].includes(q.done) ? q.done : null
      return page(deps, request, reply, 'staff/governance/register/register.njk', {
        pageTitle: text('register.title'),
        controllerId: controller.id,
        controller,
        tabs:
          controllers.length > 1
            ? controllers.map((c) => ({
                text: c.name,
                href: registerUrl(c.id),
                active: c.id === controller.id,
              }))
            : [],
        rows: activities.map((a) => ({
          id: a.id,
          name: a.name,
          purposes: a.purposes,
          bases: a.lawfulBases.map(basisLabel),
          subjects: a.dataSubjects,
          retention: a.retention,
        })),
        published: published
          ? { version: published.version, date: formatLongDate(localDateInLondon(published.publishedAt)) }
          : null,
        changed: published !== null && noticeChanges(published.content, preview).length > 0,
        dpo,
        banner: done ? text(done === 'dpo' ? 'register.dpoSaved' : 'register.saved') : null,
      })
    },
  })
  registerActivityRoutes(app, deps)
  registerNoticeRoutes(app, deps)
}
