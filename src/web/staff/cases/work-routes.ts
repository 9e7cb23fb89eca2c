import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bulkAssign } from '../../../application/casework/bulk-assign.js'
import {
  clearNotifications,
  notifyModeOf,
  setNotifyMode,
  NOTIFY_MODES,
  type NotifyMode,
} from '../../../application/casework/notify-staff.js'
import type { AppDeps } from '../../../application/deps.js'
import { isDomainError } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { fieldError, formErrors, list, page, str } from '../render.js'
import { staffRoute } from '../route.js'
import { queryString } from './home-parts.js'
import { listPage } from './routes.js'

const SIGNED_IN = { kind: 'signed-in' } as const

/** Bulk assignment from the case list, clearing notifications, and each person's choice of how to be told (issue 14). */
export function registerWorkRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'POST',
    url: '/cases/bulk-assign',
    access: 'case:assign',
    handler: async (request, reply) => {
      const selected = list(request.body, 'cases')
      const assigneeId = str(request.body, 'assigneeId')
      try {
        const { assigned } = await bulkAssign(deps, staffOf(request), selected, assigneeId)
        const back = new URLSearchParams(queryString(request.query).slice(1))
        back.set('assigned', String(assigned))
        back.set('to', assigneeId)
        return reply.redirect(`/staff/cases?${back.toString()}#bulk-assign`, 303)
      } catch (error) {
        if (!isDomainError(error)) throw error
        // A case another controller owns reads as one that does not exist: nothing was changed, and nothing said.
        const errors =
          error.code === 'not-found'
            ? { summary: [{ text: text('casework.bulk.notFound'), href: '#cases' }], fields: {} }
            : formErrors(error, { cases: 'cases', assigneeId: 'assigneeId' })
        return listPage(deps, request, reply, { errors, assigneeId, selected })
      }
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/notifications/clear',
    access: 'case:view',
    handler: async (request, reply) => {
      const ids = list(request.body, 'id')
      await clearNotifications(deps, staffOf(request), ids.length ? ids : 'all')
      return reply.redirect('/staff/cases#notifications', 303)
    },
  })
  const settings = async (request: FastifyRequest, reply: FastifyReply, mode?: NotifyMode, errors?: object) =>
    page(
      deps,
      request,
      reply,
      'staff/cases/notify-settings.njk',
      {
        pageTitle: text('casework.notify.settingsTitle'),
        mode: mode ?? (await notifyModeOf(deps.pool, staffOf(request))),
        saved: (request.query as Record<string, unknown>).saved === '1',
        errors,
      },
      errors ? 400 : 200,
    )
  staffRoute(app, {
    method: 'GET',
    url: '/account/notifications',
    access: SIGNED_IN,
    handler: (request, reply) => settings(request, reply),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/account/notifications',
    access: SIGNED_IN,
    handler: async (request, reply) => {
      const mode = str(request.body, 'mode')
      if (!(NOTIFY_MODES as readonly string[]).includes(mode))
        return settings(request, reply, undefined, fieldError('mode', 'casework.notify.chooseMode'))
      await setNotifyMode(deps, staffOf(request), mode as NotifyMode)
      return reply.redirect('/staff/account/notifications?saved=1', 303)
    },
  })
}
