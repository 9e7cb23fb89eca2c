import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { withdrawConsent, type ConsentChoice } from '../../../application/portal/withdraw-consent.js'
import { csrfProtected } from '../../security.js'
import { acknowledgementEmail } from '../shared/emails.js'
import { Form, LIMITS, renderErrors, renderPage } from '../shared/form.js'
import { journeyActor } from '../shared/journey.js'
import { organisationItems, readOrganisation, sentReceipt, showSent } from '../shared/one-page-form.js'
import { PERSON_FIELDS, readPerson } from '../shared/person-fields.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'

const W = 'portal.withdraw'
const TEMPLATE = 'public/withdraw-consent/view.njk'
const SENT_KEY = 'consentSent'
const CHOICES: readonly ConsentChoice[] = ['withdraw-consent', 'stop-marketing']
const ORDER = ['controllerId', 'choice', 'about', ...PERSON_FIELDS]

async function formData(deps: AppDeps, values: Record<string, unknown>) {
  const { controllers } = await portalDirectory(deps)
  return { organisationItems: organisationItems(controllers), values, maxLength: LIMITS.long }
}

async function receive(request: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const form = new Form(request.body)
  const { controllers } = await portalDirectory(deps)
  const controller = readOrganisation(form, controllers, 'portal.withdraw.organisationRequired')
  const choice = form.choice('choice', CHOICES, `${W}.choiceRequired`)
  const about = form.text('about', {
    required: `${W}.aboutRequired`,
    max: LIMITS.long,
    tooLong: 'portal.request.tooLong',
    multiline: true,
  })
  const person = readPerson(form)
  if (!form.ok || !controller || !choice) {
    return renderErrors(request, reply, TEMPLATE, await formData(deps, form.values), form.errors, ORDER)
  }
  const receipt = await withdrawConsent(deps, {
    actorId: journeyActor(request).id,
    controllerId: controller.id,
    choice,
    about,
    person,
    composeAcknowledgement: acknowledgementEmail('consent', {
      organisation: controller.name,
      baseUrl: deps.baseUrl,
      controllerId: controller.id,
    }),
  })
  request.session.set(SENT_KEY, sentReceipt(receipt, person.email, controller))
  return reply.redirect('/withdraw-consent/sent', 303)
}

/** Seeds 001 and 004: withdraw consent, or stop marketing, in one short form. */
export function registerWithdrawConsent(app: FastifyInstance, deps: AppDeps): void {
  app.get('/withdraw-consent', async (request, reply) => renderPage(request, reply, TEMPLATE, await formData(deps, {})))
  app.post('/withdraw-consent', { ...limited(RATE_LIMITS.submit), preHandler: csrfProtected }, (request, reply) =>
    receive(request, reply, deps),
  )
  app.get('/withdraw-consent/sent', async (request, reply) =>
    showSent(request, reply, SENT_KEY, 'public/withdraw-consent/sent.njk', '/withdraw-consent'),
  )
}
