import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { caseDiscovery } from '../../../application/discovery/case-discovery.js'
import { runDiscovery } from '../../../application/discovery/search.js'
import { ownSources, runTaskDiscovery } from '../../../application/discovery/task-search.js'
import type { Source } from '../../../application/discovery/sources.js'
import { isDomainError } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { FORMAT, formErrors, page, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { formValues, readSearchForm, SUBJECT_FIELDS } from './form.js'

const idOf = (r: FastifyRequest) => (r.params as { id: string }).id
const taskIdOf = (r: FastifyRequest) => (r.params as { taskId: string }).taskId
// The person a task was sent to, or whoever set it (searching their own sources).
const TASK = ['task:answer', 'task:assign'] as const

export function sourceItems(sources: Source[], chosen?: string[]) {
  return sources.map((s) => ({
    value: s.id,
    text: s.name,
    checked: chosen ? chosen.includes(s.id) : true,
    hint: {
      text: text('discovery.search.sourceLine', {
        kind: text(`discovery.sourceKinds.${s.kind}`),
        count: s.itemCount.toLocaleString('en-GB'),
        when: s.lastIndexedAt ? FORMAT.dateTime(s.lastIndexedAt) : text('discovery.search.neverIndexed'),
      }),
    },
  }))
}

/** The case's discovery page (case:work) and a search task's own-sources search (task:answer). */
export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/discovery',
    access: 'case:work',
    handler: (q, r) => caseForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/discovery',
    access: 'case:work',
    handler: async (request, reply) => {
      try {
        const runId = await runDiscovery(deps, staffOf(request), idOf(request), readSearchForm(request.body))
        return reply.redirect(`/staff/discovery/runs/${runId}`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return caseForm(deps, request, reply, formErrors(error, { sourceIds: 'sourceIds' }))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/tasks/:taskId/discovery',
    access: TASK,
    handler: (q, r) => taskForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/tasks/:taskId/discovery',
    access: TASK,
    handler: async (request, reply) => {
      try {
        const runId = await runTaskDiscovery(deps, staffOf(request), taskIdOf(request), readSearchForm(request.body))
        return reply.redirect(`/staff/discovery/runs/${runId}`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return taskForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function caseForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await caseDiscovery(deps, staffOf(request), idOf(request))
  const posted = request.method === 'POST' ? readSearchForm(request.body) : null
  return page(
    deps,
    request,
    reply,
    'staff/discovery/search.njk',
    {
      pageTitle: text('discovery.search.title'),
      controllerId: view.controllerId,
      caption: `${view.reference} – ${view.requesterName}`,
      backHref: `/staff/cases/${view.caseId}`,
      action: `/staff/cases/${view.caseId}/discovery`,
      fields: SUBJECT_FIELDS,
      values: formValues(posted?.subject ?? view.subject),
      scopeNote: posted?.scopeNote ?? '',
      sources: sourceItems(view.sources, posted?.sourceIds),
      runs: view.runs,
      errors,
    },
    errors ? 422 : 200,
  )
}

async function taskForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const { task, sources } = await ownSources(deps, staffOf(request), taskIdOf(request))
  const posted = request.method === 'POST' ? readSearchForm(request.body) : null
  return page(
    deps,
    request,
    reply,
    'staff/discovery/search.njk',
    {
      pageTitle: text('discovery.search.title'),
      caption: task.caseReference,
      backHref: `/staff/tasks/${task.id}`,
      action: `/staff/tasks/${task.id}/discovery`,
      fields: SUBJECT_FIELDS,
      values: formValues(posted?.subject ?? { names: task.identifiers }),
      scopeNote: posted?.scopeNote ?? '',
      sources: sourceItems(sources, posted?.sourceIds),
      runs: [],
      errors,
    },
    errors ? 422 : 200,
  )
}
