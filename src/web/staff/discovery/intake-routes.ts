import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { confirmDraft, dismissDraft, pendingDraft } from '../../../application/discovery/confirm-draft.js'
import { listDrafts } from '../../../application/discovery/mailbox-intake.js'
import { isDomainError, RIGHTS } from '../../../domain/index.js'
import type { Right } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'

const draftIdOf = (r: FastifyRequest) => (r.params as { draftId: string }).draftId

/** Correspondence's inbox of emailed requests waiting to be confirmed as cases (case:log). */
export function registerIntakeRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/intake',
    access: 'case:log',
    handler: async (request, reply) =>
      page(deps, request, reply, 'staff/discovery/intake.njk', {
        pageTitle: text('discovery.intake.title'),
        drafts: await listDrafts(deps, staffOf(request)),
      }),
  })
  staffRoute(app, {
    method: 'GET',
    url: '/intake/:draftId',
    access: 'case:log',
    handler: (q, r) => draftPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/intake/:draftId',
    access: 'case:log',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const outcome = await confirmDraft(deps, staffOf(request), draftIdOf(request), {
          requesterName: str(b, 'requesterName'),
          requesterEmail: str(b, 'requesterEmail'),
          right: (str(b, 'right') || 'access') as Right,
          description: str(b, 'description'),
        })
        return reply.redirect(`/staff/cases/${outcome.state.id}`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return draftPage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/intake/:draftId/dismiss',
    access: 'case:log',
    handler: async (request, reply) => {
      try {
        await dismissDraft(deps, staffOf(request), draftIdOf(request), str(request.body, 'reason'))
        return reply.redirect('/staff/intake', 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return draftPage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function draftPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const draft = await pendingDraft(deps, staffOf(request), draftIdOf(request))
  const b = request.method === 'POST' ? request.body : {}
  return page(
    deps,
    request,
    reply,
    'staff/discovery/draft.njk',
    {
      pageTitle: text('discovery.intake.confirmTitle'),
      controllerId: draft.controllerId,
      draft,
      requesterName: str(b, 'requesterName') || draft.fromName,
      requesterEmail: str(b, 'requesterEmail') || draft.fromEmail,
      description: str(b, 'description') || draft.subject,
      rights: RIGHTS.map((r) => ({ value: r, text: r, selected: r === (str(b, 'right') || 'access') })),
      refused: draft.refused.map((r) => `${r.filename} (${r.reason})`).join('; '),
      errors,
    },
    errors ? 422 : 200,
  )
}
