import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { rejectDisposalList, removeFromDisposalList } from '../../../../application/governance/disposal-decisions.js'
import { disposalListDetail } from '../../../../application/governance/disposal-views.js'
import { isDomainError } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { FORMAT, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { caseTypeText, monthText } from './labels.js'

type ListPage = (
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors?: FormErrors,
  status?: number,
) => Promise<unknown>

const paramsOf = (request: FastifyRequest) => request.params as { listId: string; id: string }
const listUrl = (listId: string) => `/staff/governance/disposal/${listId}`

/**
 * The authorising officer's other answers to a disposal list (issue 14): refuse the whole list, or take one case off it,
 * each with a reason kept on the list and in the audit trail. Approval stays in disposal.ts.
 */
export function registerDisposalDecisionRoutes(app: FastifyInstance, deps: AppDeps, listPage: ListPage): void {
  staffRoute(app, {
    method: 'POST',
    url: '/governance/disposal/:listId/reject',
    access: 'retention:approve',
    handler: async (request, reply) => {
      const { listId } = paramsOf(request)
      try {
        await rejectDisposalList(deps, staffOf(request), listId, str(request.body, 'reason'))
        return reply.redirect(`${listUrl(listId)}?rejected=1`, 303)
      } catch (error) {
        if (isDomainError(error) && ['validation', 'conflict', 'four-eyes'].includes(error.code))
          return listPage(deps, request, reply, formErrors(error, { reason: 'reject-reason' }), 422)
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/disposal/:listId/cases/:id/remove',
    access: 'retention:approve',
    handler: (q, r) => removeForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/disposal/:listId/cases/:id/remove',
    access: 'retention:approve',
    handler: async (request, reply) => {
      const { listId, id } = paramsOf(request)
      try {
        const removed = await removeFromDisposalList(deps, staffOf(request), listId, id, str(request.body, 'reason'))
        return reply.redirect(`${listUrl(listId)}?removed=${encodeURIComponent(removed.reference)}`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return removeForm(deps, request, reply, formErrors(error))
        // A list already decided, a case no longer on it, or the proposer: said on the list itself.
        if (isDomainError(error) && ['conflict', 'four-eyes'].includes(error.code))
          return listPage(deps, request, reply, formErrors(error), 409)
        throw error
      }
    },
  })
}

/** "Why keep this case?": one question on its own page, as GOV.UK asks for a decision with consequences. */
async function removeForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const { listId, id } = paramsOf(request)
  const list = await disposalListDetail(deps, staffOf(request), listId)
  const item = list.items.find((i) => i.caseId === id)
  // Not (or no longer) on the list, or the list already decided: the list shows where things stand.
  if (!item || list.status !== 'proposed') return reply.redirect(listUrl(listId), 303)
  return page(
    deps,
    request,
    reply,
    'staff/governance/retention/disposal-remove.njk',
    {
      pageTitle: text('retention.remove.title', { reference: item.reference }),
      ...(list.controllerId ? { controllerId: list.controllerId } : {}),
      list,
      item: { ...item, caseTypeText: caseTypeText(item.caseType), retainUntilText: FORMAT.date(item.retainUntil) },
      month: monthText(list.month),
      reason: str(request.body, 'reason'),
      errors,
    },
    errors ? 422 : 200,
  )
}
