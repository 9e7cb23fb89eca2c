import { splitRequest } from '../../application/casework/split-request.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../application/actor.js'
import type { AppDeps } from '../../application/deps.js'
import { executeCommand } from '../../application/execute-command.js'
import { getCase } from '../../application/get-case.js'
import { listCases } from '../../application/list-cases.js'
import { idempotencyKey } from '../../application/idempotency.js'
import { logApiRequest, type NewRequest } from '../../application/log-request.js'
import type { Command } from '../../domain/index.js'
import { commandSchema, listQuerySchema, newRequestSchema } from './schemas.js'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
    apiTokenId: string
  }
}

const caseSummary = z.object({ id: z.string(), reference: z.string(), status: z.string(), due: z.string().nullable() })
const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})

/** JSON API v1 for cases: log, list, read, and issue commands. Every route needs a bearer token. */
export function caseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/cases', {
      schema: {
        summary: 'Log a request received by email, post, phone or in person',
        description:
          'Send an `Idempotency-Key` header (1–255 visible ASCII characters) to make a retry safe: the same key with ' +
          'the same body answers with the case first created (and `Idempotent-Replayed: true`); the same key with a ' +
          'different body is refused with 422. Keys belong to the token that sent them.',
        tags: ['cases'],
        security: [{ bearer: [] }],
        headers: z.object({ 'idempotency-key': z.string().max(300).optional() }).passthrough(),
        body: newRequestSchema,
        response: { 201: caseSummary, 422: problem },
      },
      handler: async (request, reply) => {
        const header = request.headers['idempotency-key']
        const key =
          typeof header === 'string'
            ? idempotencyKey(request.apiTokenId, header, { method: 'POST', path: '/cases', body: request.body })
            : null
        const { body, replayed } = await logApiRequest(deps, request.actor, request.body as NewRequest, key)
        reply.header('location', `/api/v1/cases/${body.id}`)
        if (replayed) reply.header('idempotent-replayed', 'true')
        return reply.code(201).send(body)
      },
    })

    app.get('/cases', {
      schema: {
        summary: 'List and filter cases',
        tags: ['cases'],
        security: [{ bearer: [] }],
        querystring: listQuerySchema,
      },
      handler: async (request) => {
        const q = request.query
        return listCases(deps, request.actor, {
          status: q.status,
          right: q.right,
          caseType: q.caseType,
          controllerId: q.controller,
          dueBefore: q.dueBefore,
          overdue: q.overdue,
          open: q.open,
          search: q.search,
          limit: q.limit,
          offset: q.offset,
        })
      },
    })

    app.get('/cases/:idOrReference', {
      schema: {
        summary: 'Get a case with its clock and timeline',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: z.object({ idOrReference: z.string().min(1).max(64) }),
      },
      handler: async (request) => getCase(deps, request.actor, request.params.idOrReference),
    })

    // uk-rules §9: split a request into its UK GDPR and DPA 2018 Part 3 parts; answers with the new part.
    app.post('/cases/:id/split', {
      schema: {
        summary: 'Log the other-law part of a request as its own linked case',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        // Checked by the use case after the permission check, so an unauthorised caller learns nothing from it.
        body: z.object({ description: z.string().max(2000).default('') }),
      },
      handler: async (request, reply) => {
        const outcome = await splitRequest(deps, request.actor, request.params.id, request.body)
        return reply.code(201).send({ state: outcome.state, clock: outcome.clock, events: outcome.events })
      },
    })

    app.post('/cases/:id/commands', {
      schema: {
        summary: 'Issue a command to a case',
        tags: ['cases'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        body: commandSchema,
      },
      handler: async (request) => {
        const outcome = await executeCommand(deps, request.actor, request.params.id, request.body as Command)
        return { state: outcome.state, clock: outcome.clock, events: outcome.events }
      },
    })
  }
}
