import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { splitRequest } from '../../../application/casework/split-request.js'
import { getCase } from '../../../application/get-case.js'
import { isDomainError, localDateInLondon, routeLawOf } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from './summary.js'

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** uk-rules §9: one request, two routes. Logs the other part (UK GDPR or DPA 2018 Part 3) as a linked case. */
export function registerSplitRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, { method: 'GET', url: '/cases/:id/split', access: 'case:log', handler: (q, r) => form(deps, q, r) })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/split',
    access: 'case:log',
    handler: async (request, reply) => {
      try {
        const { state } = await splitRequest(deps, staffOf(request), idOf(request), {
          description: str(request.body, 'description'),
        })
        return reply.redirect(`/staff/cases/${state.id}?logged=1`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation') return form(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function form(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  const other = view.state.route === 'DPA_PART3' ? 'UK_GDPR' : 'DPA_PART3'
  return page(
    deps,
    request,
    reply,
    'staff/case/split.njk',
    {
      pageTitle: text('casework.split.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      intro: text('casework.split.intro', {
        current: routeLawOf(view.state).name,
        other: text(`casework.routes.${other}`),
      }),
      description: str(request.body, 'description'),
      errors,
    },
    errors ? 400 : 200,
  )
}
