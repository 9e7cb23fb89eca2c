import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { listConsents, recordConsent } from '../../../../application/governance/consents.js'
import { isDomainError } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { dateField, dateItems, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { controllerFor, controllersOf } from '../register/shared.js'
import { consentRow } from './rows.js'
import { registerWithdrawRoutes } from './withdraw.js'

export const CONSENTS_BASE = '/staff/governance/consents'
const STATUSES = ['given', 'withdrawn'] as const

async function newConsentForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const controllers = await controllersOf(deps, staffOf(request))
  const b = request.body ?? {}
  const chosen = str(b, 'controllerId')
  return page(
    deps,
    request,
    reply,
    'staff/governance/consents/new.njk',
    {
      pageTitle: text('register.consents.new.title'),
      // One organisation: nothing to choose. Several: the person chooses (no option is preselected).
      onlyController: controllers.length === 1 ? controllers[0] : null,
      controllerItems: controllers.map((c) => ({ value: c.id, text: c.name, checked: chosen === c.id })),
      values: Object.fromEntries(['purpose', 'personName', 'email', 'evidence', 'wording'].map((f) => [f, str(b, f)])),
      givenOnItems: dateItems(request.body, 'givenOn'),
      errors,
    },
    errors ? 422 : 200,
  )
}

/**
 * The consent register (UK GDPR Art 7(1): be able to show who consented, to what, when and how), recording a
 * consent, and staff recording a withdrawal (withdraw.ts), which opens an erasure request (Art 7(3), Art 17(1)(b)).
 */
export function registerConsentRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/consents',
    access: 'register:manage',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const controllers = await controllersOf(deps, actor)
      const all = await listConsents(deps.pool, actor.controllerIds)
      const q = request.query as Record<string, unknown>
      const status = STATUSES.find((s) => s === q.status) ?? ''
      const purposes = [...new Set(all.map((c) => c.purpose))].sort()
      const purpose = purposes.find((p) => p === q.purpose) ?? ''
      const shown = all.filter(
        (c) =>
          (status === '' || (status === 'withdrawn') === (c.withdrawnOn !== null)) &&
          (purpose === '' || c.purpose === purpose),
      )
      const option = (value: string, label: string, current: string) => ({
        value,
        text: label,
        selected: value === current,
      })
      return page(deps, request, reply, 'staff/governance/consents/list.njk', {
        pageTitle: text('register.consents.title'),
        rows: shown.map((c) => consentRow(c, controllers)),
        severalControllers: controllers.length > 1,
        count: text('register.consents.count', { count: shown.length, total: all.length }),
        filtered: status !== '' || purpose !== '',
        statusItems: [
          option('', text('register.consents.all'), status),
          ...STATUSES.map((s) =>
            option(s, text(`register.consents.${s === 'given' ? 'active' : 'withdrawn'}`), status),
          ),
        ],
        purposeItems: [
          option('', text('register.consents.all'), purpose),
          ...purposes.map((p) => option(p, p, purpose)),
        ],
        banner: q.done === 'recorded' ? text('register.consents.recorded') : null,
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/consents/new',
    access: 'register:manage',
    handler: (request, reply) => newConsentForm(deps, request, reply),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/consents/new',
    access: 'register:manage',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const b = request.body
      const controllers = await controllersOf(deps, actor)
      const only = controllers.length === 1 ? controllers[0]!.id : ''
      const controllerId = only || str(b, 'controllerId')
      // A controller that is not one of this person's is not offered: treat a tampered value as not found.
      if (controllerId) await controllerFor(deps, actor, controllerId)
      const how = str(b, 'evidence')
      const wording = str(b, 'wording')
      try {
        await recordConsent(deps, actor, {
          controllerId,
          purpose: str(b, 'purpose'),
          personName: str(b, 'personName'),
          ...(str(b, 'email') ? { email: str(b, 'email') } : {}),
          givenOn: dateField(b, 'givenOn') ?? 'not-a-date',
          // What the person was shown is part of the evidence of what they agreed to (ICO guidance on consent).
          evidence: how && wording ? `${how}\n${text('register.consents.wordingPrefix')} “${wording}”` : how,
        })
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return newConsentForm(deps, request, reply, formErrors(error, { givenOn: 'givenOn-day' }))
        throw error
      }
      return reply.redirect(`${CONSENTS_BASE}?done=recorded`, 303)
    },
  })
  registerWithdrawRoutes(app, deps)
}
