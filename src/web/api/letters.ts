import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { draftResponseLetter } from '../../application/casework/draft-letter.js'
import { sendResponse, type SendMethod } from '../../application/casework/send-response.js'
import { submitLetterForReview } from '../../application/casework/submit-letter.js'
import type { AppDeps } from '../../application/deps.js'
import { releasablesForCase } from '../../application/release/index.js'
import type { Outcome, Permission } from '../../domain/index.js'
import type { FastifyRequest } from 'fastify'
import { requirePermission } from '../../application/authorise.js'
import { requiredText } from './schemas.js'

const letter = z.object({
  id: z.string(),
  version: z.number(),
  subject: z.string(),
  body: z.string(),
  outcome: z.string().nullable(),
  attachmentDocumentIds: z.array(z.string()),
})
const sendBody = z.union([
  z.object({ method: z.enum(['portal', 'encrypted-email']) }),
  z.object({
    method: z.literal('post'),
    doubleEnvelope: z.boolean(),
    disclaimerIncluded: z.boolean(),
    specialDeliveryReference: requiredText(40),
  }),
])

/**
 * The response through the API (issue 10): the same use cases, so the same release gate, as the staff pages. A file
 * the gate does not allow is refused with a problem+json (`not-releasable`), a letter naming something the case
 * redacted with `redacted-text`, a changed approval with `approval-mismatch`.
 */
export function letterRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['response']
    const security = [{ bearer: [] }]
    const caseParams = z.object({ id: z.uuid() })

    // Permission before the body is read: someone who may not draft is refused (403), whatever they sent.
    const may = (permission: Permission) => async (request: FastifyRequest) =>
      requirePermission(request.actor, permission)

    app.get('/cases/:id/releasable-files', {
      preValidation: may('case:draft'),
      schema: {
        summary: 'Files that may go to the requester, and why the others may not',
        tags,
        security,
        params: caseParams,
      },
      handler: async (request) => releasablesForCase(deps, request.actor, request.params.id),
    })

    app.post('/cases/:id/letters', {
      preValidation: may('case:draft'),
      schema: {
        summary: 'Draft the response letter from its template, with the files to send',
        tags,
        security,
        params: caseParams,
        body: z.object({
          outcome: z.string().max(60),
          exemptionCodes: z.array(requiredText(40)).max(50).default([]),
          attachmentDocumentIds: z.array(z.uuid()).max(50).default([]),
        }),
        response: { 201: letter },
      },
      handler: async (request, reply) => {
        const b = request.body
        const drafted = await draftResponseLetter(deps, request.actor, request.params.id, {
          outcome: b.outcome as Outcome,
          exemptionCodes: b.exemptionCodes,
          attachmentDocumentIds: b.attachmentDocumentIds,
        })
        return reply.code(201).send(drafted)
      },
    })

    app.post('/cases/:id/letters/:letterId/submit', {
      preValidation: may('case:draft'),
      schema: {
        summary: 'Send one version of the response letter for approval',
        tags,
        security,
        params: z.object({ id: z.uuid(), letterId: z.uuid() }),
      },
      handler: async (request) => {
        const outcome = await submitLetterForReview(deps, request.actor, request.params.id, request.params.letterId)
        return { state: outcome.state, events: outcome.events }
      },
    })

    app.post('/cases/:id/response', {
      preValidation: may('case:send-response'),
      schema: { summary: 'Send the approved response', tags, security, params: caseParams, body: sendBody },
      handler: async (request) => {
        const sent = await sendResponse(deps, request.actor, request.params.id, request.body as SendMethod)
        return { state: sent.state, documentId: sent.documentId }
      },
    })
  }
}
