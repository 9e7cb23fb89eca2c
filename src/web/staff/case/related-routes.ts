import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { decideAppeal } from '../../../application/casework/decide-appeal.js'
import { logRelatedCase, type RelatedCaseInput } from '../../../application/casework/log-related-case.js'
import { sendMessageToRequester } from '../../../application/casework/send-message.js'
import { RELEASE_GATE_CODES } from '../../../application/release/index.js'
import { colleaguesOf, SENDERS } from '../../../application/boundary.js'
import { getCase } from '../../../application/get-case.js'
import { DomainError, isDomainError, localDateInLondon } from '../../../domain/index.js'
import type { Channel } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { dateField, dateItems, formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from './summary.js'

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id
const RELATED_TYPES = ['review', 'complaint', 'regulator-case'] as const

/** Logging an appeal, complaint or regulator enquiry against a case; the appeal decision; messages to the requester. */
export function registerRelatedRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/message',
    access: 'case:request-info',
    handler: (q, r) => messageForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/message',
    access: 'case:request-info',
    handler: async (request, reply) => {
      try {
        await sendMessageToRequester(deps, staffOf(request), idOf(request), str(request.body, 'body'))
        return reply.redirect(`/staff/cases/${idOf(request)}?done=message#messages`, 303)
      } catch (error) {
        if (isDomainError(error) && ['validation', ...RELEASE_GATE_CODES].includes(error.code))
          return messageForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/log-related',
    access: 'case:log',
    handler: (q, r) => relatedForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/log-related',
    access: 'case:log',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const received = dateField(b, 'receivedOn')
        const caseType = str(b, 'caseType') as RelatedCaseInput['caseType']
        if (!RELATED_TYPES.includes(caseType))
          throw new DomainError('validation', 'type', { fields: { caseType: text('casework.related.typeMissing') } })
        if (!received)
          throw new DomainError('validation', 'date', { fields: { receivedOn: text('casework.errors.realDate') } })
        const today = localDateInLondon(deps.clock.now())
        const due = dateField(b, 'regulatorDueOn')
        const { state } = await logRelatedCase(deps, staffOf(request), idOf(request), {
          caseType,
          channel: (str(b, 'channel') || 'email') as Channel,
          receivedAt: received === today ? deps.clock.now().toISOString() : `${received}T12:00:00Z`,
          description: str(b, 'description'),
          ...(caseType === 'regulator-case' && str(b, 'regulatorReference')
            ? { regulatorReference: str(b, 'regulatorReference') }
            : {}),
          ...(caseType === 'regulator-case' && due ? { regulatorDueOn: due } : {}),
        })
        return reply.redirect(`/staff/cases/${state.id}?logged=1`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return relatedForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/decide-appeal',
    access: 'review:decide',
    handler: (q, r) => appealForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/decide-appeal',
    access: 'review:decide',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const decision = str(b, 'upheld')
        const fields: Record<string, string> = {}
        if (!['yes', 'partly', 'no'].includes(decision)) fields.upheld = text('casework.appeal.upheldMissing')
        if (!str(b, 'reasons')) fields.reasons = text('casework.appeal.reasonsMissing')
        if (!str(b, 'senderId')) fields.senderId = text('casework.appeal.senderMissing')
        if (Object.keys(fields).length) throw new DomainError('validation', 'appeal form', { fields })
        await decideAppeal(deps, staffOf(request), idOf(request), {
          upheld: decision !== 'no',
          ...(decision === 'partly' ? { partly: true } : {}),
          reasons: str(b, 'reasons'),
          senderId: str(b, 'senderId'),
        })
        return reply.redirect(`/staff/cases/${idOf(request)}?done=decide-appeal`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return appealForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function relatedForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  const b = request.body ?? {}
  return page(
    deps,
    request,
    reply,
    'staff/case/related.njk',
    {
      pageTitle: text('casework.related.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      types: RELATED_TYPES.map((t) => ({
        value: t,
        text: text(`casework.caseTypes.${t}`),
        checked: str(b, 'caseType') === t,
      })),
      channels: ['email', 'post', 'phone', 'in-person', 'portal'].map((c) => ({
        value: c,
        text: text(`casework.channels.${c}`),
        checked: (str(b, 'channel') || 'email') === c,
      })),
      receivedItems: dateItems(
        request.body,
        'receivedOn',
        request.method === 'GET' ? localDateInLondon(deps.clock.now()) : undefined,
      ),
      dueItems: dateItems(request.body, 'regulatorDueOn'),
      values: b,
      errors,
    },
    errors ? 400 : 200,
  )
}

async function messageForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  return page(
    deps,
    request,
    reply,
    'staff/case/message.njk',
    {
      pageTitle: text('casework.messages.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      body: str(request.body, 'body'),
      errors,
    },
    errors ? 400 : 200,
  )
}

async function appealForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  const senders = await colleaguesOf(deps.pool, view.state.controllerId, SENDERS)
  // Suggested: the appeal's caseworker, else whoever handled the request appealed against.
  const parent = view.state.parentCaseId
    ? await deps.pool.query<{ assignee_id: string | null }>(
        'SELECT assignee_id FROM cases WHERE id = $1 AND controller_id = $2',
        [view.state.parentCaseId, view.state.controllerId],
      )
    : null
  const suggested = view.state.assigneeId ?? parent?.rows[0]?.assignee_id ?? null
  return page(
    deps,
    request,
    reply,
    'staff/case/appeal.njk',
    {
      pageTitle: text('casework.appeal.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      parentId: view.state.parentCaseId,
      // Who sends the outcome: anyone of this organisation who sends responses, the case's caseworker first.
      senders: senders
        .sort((a, b) => Number(b.id === suggested) - Number(a.id === suggested))
        .map((u) => ({
          value: u.id,
          text: u.name,
          checked: (request.method === 'POST' ? str(request.body, 'senderId') : suggested) === u.id,
        })),
      values: request.body ?? {},
      errors,
    },
    errors ? 400 : 200,
  )
}
