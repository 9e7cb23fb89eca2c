import type { FastifyInstance } from 'fastify'
import { logStaffRequest } from '../../../application/casework/log-staff-request.js'
import type { AppDeps } from '../../../application/deps.js'
import { isDomainError } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, page } from '../render.js'
import { staffRoute } from '../route.js'
import { readStaffUpload, uploadedFiles } from '../uploads.js'
import { form, LOG_FIELD_IDS, toNewRequest } from './log-routes.js'

/**
 * Seed 002 ("Process on receipt"): any member of staff who receives a request passes it to Correspondence. The case
 * is logged with the day the organisation received it, so the clock runs from then (UK GDPR Art 12A(1); DPA 2018
 * s.54), not from the day Correspondence picks it up; the copy list is told at once.
 */
export function registerReferRequest(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/refer',
    access: 'case:refer',
    handler: async (request, reply) => {
      const done = (request.query as { referred?: string }).referred
      if (done && /^[A-Z0-9-]{1,40}$/.test(done))
        return page(deps, request, reply, 'staff/cases/referred.njk', {
          pageTitle: text('casework.refer.doneTitle'),
          reference: done,
        })
      return form(deps, request, reply, undefined, 'refer')
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/refer',
    access: 'case:refer',
    preValidation: readStaffUpload,
    handler: async (request, reply) => {
      const files = uploadedFiles(request)
      try {
        const input = await toNewRequest(deps, request)
        const { state } = await logStaffRequest(deps, staffOf(request), input, files[0] ?? null, 'referred')
        return reply.redirect(`/staff/refer?referred=${encodeURIComponent(state.reference)}`, 303)
      } catch (error) {
        if (!isDomainError(error) || !['validation', 'right-not-available'].includes(error.code)) throw error
        return form(deps, request, reply, formErrors(error, LOG_FIELD_IDS), 'refer')
      }
    },
  })
}
