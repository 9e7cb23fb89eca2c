import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { complain } from '../../../application/portal/complain.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { findCaseReference } from '../../../application/portal/case-reference.js'
import { csrfProtected } from '../../security.js'
import { acknowledgementEmail } from '../shared/emails.js'
import { Form, LIMITS, renderErrors, renderPage } from '../shared/form.js'
import { journeyActor } from '../shared/journey.js'
import { organisationItems, readOrganisation, sentReceipt, showSent } from '../shared/one-page-form.js'
import { PERSON_FIELDS, readPerson } from '../shared/person-fields.js'
import { normaliseReference, isReferenceFormat } from '../shared/case-reference.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'
import { followedCaseId } from '../follow/session.js'

const C = 'portal.complain'
const TEMPLATE = 'public/complain/view.njk'
const SENT_KEY = 'complaintSent'
const ORDER = ['controllerId', 'reference', 'complaint', 'outcome', ...PERSON_FIELDS]

/** A complaint made while following a case is about that case: the person has already proved it is theirs. */
async function followedContext(request: FastifyRequest, deps: AppDeps) {
  const caseId = followedCaseId(request)
  const followed = caseId ? await findCaseReference(deps, caseId) : null
  return followed ? { caseId: followed.id, reference: followed.reference, controllerId: followed.controllerId } : null
}

async function formData(request: FastifyRequest, deps: AppDeps, values: Record<string, unknown>) {
  const { controllers, regulator } = await portalDirectory(deps)
  const followed = await followedContext(request, deps)
  return {
    controllers,
    regulator,
    followed,
    organisationItems: organisationItems(controllers),
    values: { ...(followed ? { controllerId: followed.controllerId, reference: followed.reference } : {}), ...values },
    maxLength: LIMITS.long,
  }
}

/** An optional reference, checked for shape only: it is never looked up (that would say whether it exists). */
function readReference(form: Form): string {
  const typed = form.text('reference', { max: 40, tooLong: 'portal.request.tooLong' })
  if (typed === '' || 'reference' in form.errors) return typed
  if (!isReferenceFormat(typed)) {
    form.fail('reference', `${C}.referenceInvalid`)
    return typed
  }
  return normaliseReference(typed)
}

async function receive(request: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  const form = new Form(request.body)
  const { controllers } = await portalDirectory(deps)
  const followed = await followedContext(request, deps)
  const controller = followed
    ? controllers.find((c) => c.id === followed.controllerId)
    : readOrganisation(form, controllers, 'portal.complain.organisationRequired')
  const referenceGiven = followed ? followed.reference : readReference(form)
  const complaint = form.text('complaint', {
    required: `${C}.complaintRequired`,
    max: LIMITS.long,
    tooLong: 'portal.request.tooLong',
    multiline: true,
  })
  const outcomeWanted = form.text('outcome', { max: LIMITS.long, tooLong: 'portal.request.tooLong', multiline: true })
  const complainant = readPerson(form)
  if (!form.ok || !controller) {
    return renderErrors(request, reply, TEMPLATE, await formData(request, deps, form.values), form.errors, ORDER)
  }
  const receipt = await complain(deps, {
    actorId: followed?.caseId ?? journeyActor(request).id,
    controllerId: controller.id,
    complainant,
    complaint,
    outcomeWanted,
    referenceGiven,
    ...(followed ? { parentCaseId: followed.caseId } : {}),
    composeAcknowledgement: acknowledgementEmail('complaint', {
      organisation: controller.name,
      baseUrl: deps.baseUrl,
      controllerId: controller.id,
    }),
  })
  request.session.set(SENT_KEY, sentReceipt(receipt, complainant.email, controller))
  return reply.redirect('/complain/sent', 303)
}

/** DPA 2018 s.164A: a complaint form that can be completed electronically, acknowledged within 30 days. */
export function registerComplaint(app: FastifyInstance, deps: AppDeps): void {
  app.get('/complain', async (request, reply) =>
    renderPage(request, reply, TEMPLATE, await formData(request, deps, {})),
  )
  app.post('/complain', { ...limited(RATE_LIMITS.submit), preHandler: csrfProtected }, (request, reply) =>
    receive(request, reply, deps),
  )
  app.get('/complain/sent', async (request, reply) => {
    const { regulator } = await portalDirectory(deps)
    return showSent(request, reply, SENT_KEY, 'public/complain/sent.njk', '/complain', { regulator })
  })
}
