import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { approvedLetterIn } from '../../../application/casework/approved-letter.js'
import { recipientOf } from '../../../application/casework/letter-context.js'
import { releasePassword } from '../../../application/casework/release-password.js'
import { sendResponse, type SendMethod } from '../../../application/casework/send-response.js'
import { getCase } from '../../../application/get-case.js'
import { DomainError, OUTCOME_LABELS, isDomainError, localDateInLondon } from '../../../domain/index.js'
import type { PasswordReleaseVia } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, list, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from '../case/summary.js'
import { changesSince, RELEASE_GATE_CODES } from '../../../application/release/index.js'
import { fileChoices } from '../letters/files.js'

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** Sending the approved response (seed 002 secure delivery) and giving the password afterwards. */
export function registerSendRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/send',
    access: 'case:send-response',
    handler: (q, r) => sendForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/send',
    access: 'case:send-response',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const method = str(b, 'method')
        let how: SendMethod
        if (method === 'encrypted-email' || method === 'portal') how = { method }
        else if (method === 'post') {
          const checks = list(b, 'protocol')
          how = {
            method,
            doubleEnvelope: checks.includes('double-envelope'),
            disclaimerIncluded: checks.includes('disclaimer'),
            specialDeliveryReference: str(b, 'specialDeliveryReference'),
          }
        } else
          throw new DomainError('validation', 'method', { fields: { method: text('casework.send.methodMissing') } })
        await sendResponse(deps, staffOf(request), idOf(request), how)
        return reply.redirect(`/staff/cases/${idOf(request)}?done=sent`, 303)
      } catch (error) {
        if (isDomainError(error) && ['validation', ...RELEASE_GATE_CODES].includes(error.code))
          return sendForm(
            deps,
            request,
            reply,
            formErrors(error, { doubleEnvelope: 'protocol', disclaimerIncluded: 'protocol' }),
          )
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/release-password',
    access: 'case:send-response',
    handler: (q, r) => releaseForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/release-password',
    access: 'case:send-response',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const via = str(b, 'via') as PasswordReleaseVia
        const { password } = await releasePassword(deps, staffOf(request), idOf(request), {
          via,
          identityConfirmedHow: str(b, 'identityConfirmedHow'),
        })
        if (!password) return reply.redirect(`/staff/cases/${idOf(request)}?done=password`, 303)
        // Shown once, for reading out on the telephone; the page is never cached (no-store).
        return page(deps, request, reply, 'staff/send/password.njk', {
          pageTitle: text('casework.password.shownTitle'),
          password,
          caseId: idOf(request),
        })
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return releaseForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function sendForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  const letter = await approvedLetterIn(deps.pool, view.state).catch(() => null)
  // What the gate will check, shown before anyone presses the button: each file and why it may go (issue 10).
  const choices = letter ? await fileChoices(deps, view.state.id, letter.attachmentDocumentIds) : null
  const files = (letter?.attachmentDocumentIds ?? []).map((id) => {
    const item = choices?.items.find((i) => i.value === id)
    const sha256 = view.state.approval?.files?.find((f) => f.documentId === id)?.sha256 ?? ''
    return { filename: item?.text ?? choices?.names.get(id) ?? id, label: item?.hint.text ?? '', sha256 }
  })
  const changed =
    letter && view.state.caseType !== 'review'
      ? await changesSince(deps.pool, view.state, view.state.approval ?? {})
      : []
  const b = request.body ?? {}
  const email = recipientOf(view.state).email
  return page(
    deps,
    request,
    reply,
    'staff/send/send.njk',
    {
      pageTitle: text('casework.send.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      letter,
      files,
      changed,
      approvedVersion: view.state.approval?.version ?? null,
      outcome: letter?.outcome ? OUTCOME_LABELS[letter.outcome] : null,
      email: email ?? null,
      toRegulator: view.state.caseType === 'regulator-case',
      method: str(b, 'method'),
      protocol: list(b, 'protocol'),
      reference: str(b, 'specialDeliveryReference'),
      errors,
    },
    errors ? 400 : 200,
  )
}

async function releaseForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  const b = request.body ?? {}
  return page(
    deps,
    request,
    reply,
    'staff/send/release.njk',
    {
      pageTitle: text('casework.password.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      phone: view.state.representative?.phone ?? view.state.subject.phone ?? null,
      via: str(b, 'via'),
      how: str(b, 'identityConfirmedHow'),
      errors,
    },
    errors ? 400 : 200,
  )
}
