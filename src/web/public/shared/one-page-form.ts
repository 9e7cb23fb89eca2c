import type { FastifyReply, FastifyRequest } from 'fastify'
import type { CaseReceipt } from '../../../application/portal/intake-support.js'
import type { Controller } from '../../../domain/index.js'
import { formatLongDate } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { caseTitle } from './case-words.js'
import type { Form } from './form.js'
import { renderPage } from './form.js'

/** What the "sent" page of a one-page form shows, kept in the session between the POST and the redirect. */
export interface SentReceipt {
  reference: string
  title: string
  due: string | null
  email: string
  controllerName: string
}

export function sentReceipt(receipt: CaseReceipt, email: string | undefined, controller: Controller): SentReceipt {
  return {
    reference: receipt.reference,
    title: caseTitle(receipt),
    due: receipt.due ? formatLongDate(receipt.due) : null,
    email: email ?? '',
    controllerName: controller.name,
  }
}

export function organisationItems(controllers: readonly Controller[]) {
  return controllers.map((c) => ({ value: c.id, text: c.name }))
}

export function readOrganisation(
  form: Form,
  controllers: readonly Controller[],
  required: string,
): Controller | undefined {
  const id = form.choice(
    'controllerId',
    controllers.map((c) => c.id),
    required,
  )
  return controllers.find((c) => c.id === id)
}

/** The sent page, or back to the form when there is nothing to show (opened directly, or after a restart). */
export function showSent(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  template: string,
  back: string,
  extra = {},
) {
  const sent = request.session.get<SentReceipt>(key)
  if (!sent) return reply.redirect(back, 303)
  return renderPage(request, reply, template, { sent, ...extra })
}

export function noText(): string {
  return text('portal.request.check.notGiven')
}
