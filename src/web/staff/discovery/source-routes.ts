import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { latestRun, startIndexing } from '../../../application/discovery/index-runs.js'
import { registerMailbox } from '../../../application/discovery/mailbox-intake.js'
import { listSources, registerSource } from '../../../application/discovery/sources.js'
import { listUsersForAdmin } from '../../../application/staff/list-users.js'
import { isDomainError } from '../../../domain/index.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { SOURCE_KINDS } from '../../../discovery/sources/types.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'

/** Administrators register sources and the intake mailbox, and start indexing (discovery:manage). */
export function registerSourceRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/discovery/sources',
    access: 'discovery:manage',
    handler: async (request, reply) => {
      const sources = await listSources(deps, staffOf(request))
      const rows = await Promise.all(sources.map(async (s) => ({ ...s, run: await latestRun(deps.pool, s.id) })))
      return page(deps, request, reply, 'staff/discovery/sources.njk', {
        pageTitle: text('discovery.sources.title'),
        sources: rows,
        started: (request.query as { started?: string }).started,
      })
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/discovery/sources/:sourceId/index',
    access: 'discovery:manage',
    handler: async (request, reply) => {
      await startIndexing(deps, staffOf(request), (request.params as { sourceId: string }).sourceId)
      return reply.redirect('/staff/discovery/sources?started=1', 303)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/discovery/sources/new',
    access: 'discovery:manage',
    handler: (q, r) => sourceForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/discovery/sources/new',
    access: 'discovery:manage',
    handler: async (request, reply) => {
      const b = request.body
      try {
        await registerSource(deps, staffOf(request), {
          controllerId: str(b, 'controllerId'),
          kind: str(b, 'kind'),
          name: str(b, 'name'),
          location: str(b, 'location'),
          ownerId: str(b, 'ownerId'),
          retentionNote: str(b, 'retentionNote'),
          connection: str(b, 'connection'),
          dataMap: str(b, 'dataMap'),
        })
        return reply.redirect('/staff/discovery/sources', 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return sourceForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/discovery/mailboxes/new',
    access: 'discovery:manage',
    handler: (q, r) => mailboxForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/discovery/mailboxes/new',
    access: 'discovery:manage',
    handler: async (request, reply) => {
      const b = request.body
      try {
        await registerMailbox(deps, staffOf(request), {
          controllerId: str(b, 'controllerId'),
          host: str(b, 'host'),
          port: Number(str(b, 'port')),
          secure: str(b, 'secure') === 'yes',
          username: str(b, 'username'),
          password: str(b, 'password'),
          folder: str(b, 'folder') || 'INBOX',
        })
        return reply.redirect('/staff/discovery/sources', 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return mailboxForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function controllerItems(deps: AppDeps, request: FastifyRequest, chosen: string) {
  const actor = staffOf(request)
  return (await listControllers(deps.pool))
    .filter((c) => actor.controllerIds?.includes(c.id) ?? true)
    .map((c) => ({ value: c.id, text: c.name, selected: c.id === chosen }))
}

async function sourceForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const b = request.method === 'POST' ? request.body : {}
  const users = (await listUsersForAdmin(deps.pool, staffOf(request))).filter((u) => !u.disabled)
  return page(
    deps,
    request,
    reply,
    'staff/discovery/source-form.njk',
    {
      pageTitle: text('discovery.sources.newTitle'),
      controllers: await controllerItems(deps, request, str(b, 'controllerId')),
      kinds: SOURCE_KINDS.map((k) => ({
        value: k,
        text: text(`discovery.sourceKinds.${k}`),
        checked: str(b, 'kind') === k,
      })),
      owners: [
        { value: '', text: '' },
        ...users.map((u) => ({ value: u.id, text: u.name, selected: u.id === str(b, 'ownerId') })),
      ],
      values: b,
      errors,
    },
    errors ? 422 : 200,
  )
}

async function mailboxForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const b = request.method === 'POST' ? request.body : {}
  return page(
    deps,
    request,
    reply,
    'staff/discovery/mailbox-form.njk',
    {
      pageTitle: text('discovery.intake.mailboxTitle'),
      controllers: await controllerItems(deps, request, str(b, 'controllerId')),
      values: b,
      errors,
    },
    errors ? 422 : 200,
  )
}
