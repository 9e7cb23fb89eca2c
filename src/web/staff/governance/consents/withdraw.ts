import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { listConsents, withdrawConsent } from '../../../../application/governance/consents.js'
import { DomainError, isDomainError, localDateInLondon, type Channel } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { dateField, dateItems, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { controllersOf } from '../register/shared.js'
import { consentRow } from './rows.js'

/** How a withdrawal can reach staff; the online form records its own withdrawals (portal). */
const CHANNELS: readonly Channel[] = ['email', 'post', 'phone', 'in-person']
const URL = '/governance/consents/:consentId/withdraw'

async function consentOf(deps: AppDeps, request: FastifyRequest) {
  const actor = staffOf(request)
  const id = (request.params as { consentId: string }).consentId
  // Looked up among this person's controllers' consents: another controller's is not found, like its cases.
  const found = (await listConsents(deps.pool, actor.controllerIds)).find((c) => c.id === id)
  if (!found) throw new DomainError('not-found', `consent ${id}`)
  return consentRow(found, await controllersOf(deps, actor))
}

async function withdrawPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const consent = await consentOf(deps, request)
  const b = request.body ?? {}
  const today = localDateInLondon(deps.clock.now())
  return page(
    deps,
    request,
    reply,
    'staff/governance/consents/withdraw.njk',
    {
      pageTitle: text(
        consent.withdrawnOn ? 'register.consents.withdraw.doneTitle' : 'register.consents.withdraw.title',
      ),
      consent,
      channelItems: CHANNELS.map((c) => ({
        value: c,
        text: text(`register.consents.channelOptions.${c}`),
        checked: str(b, 'channel') === c,
      })),
      // Most withdrawals are recorded the day they arrive: today is filled in, and can be changed.
      receivedOnItems: dateItems(request.body, 'receivedOn', request.method === 'GET' ? today : undefined),
      errors,
    },
    errors ? 422 : 200,
  )
}

/**
 * Staff record a withdrawal of consent received by email, post, phone or in person (UK GDPR Art 7(3)). The app layer
 * marks the consent withdrawn, opens the erasure request (Art 17(1)(b)) and audits both in one transaction; the page
 * then confirms it with a link to the new case.
 */
export function registerWithdrawRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: URL,
    access: 'register:manage',
    handler: (request, reply) => withdrawPage(deps, request, reply),
  })
  staffRoute(app, {
    method: 'POST',
    url: URL,
    access: 'register:manage',
    handler: async (request, reply) => {
      const consent = await consentOf(deps, request)
      const here = `/staff/governance/consents/${consent.id}/withdraw`
      if (consent.withdrawnOn) return reply.redirect(here, 303)
      const b = request.body
      try {
        await withdrawConsent(deps, staffOf(request), consent.id, 'staff', {
          channel: str(b, 'channel') as Channel,
          receivedOn: dateField(b, 'receivedOn') ?? 'not-a-date',
        })
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return withdrawPage(deps, request, reply, formErrors(error, { receivedOn: 'receivedOn-day' }))
        // Withdrawn by someone else meanwhile (or through the online form): the page shows what was recorded.
        if (isDomainError(error) && error.code === 'conflict') return reply.redirect(here, 303)
        throw error
      }
      return reply.redirect(here, 303)
    },
  })
}
