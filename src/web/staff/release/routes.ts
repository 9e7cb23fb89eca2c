import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { getCase } from '../../../application/get-case.js'
import { markDiscloseInFull, withdrawDiscloseInFull } from '../../../application/release/disclose-in-full.js'
import { RELEASE_GATE_CODES } from '../../../application/release/index.js'
import { currentMarkings, MARKABLE_KINDS } from '../../../application/release/releasable-files.js'
import { actorName, userDirectory } from '../../../application/staff/user-directory.js'
import { isDomainError, localDateInLondon } from '../../../domain/index.js'
import { findDocument } from '../../../persistence/repositories/document-repository.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { FORMAT, formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from '../case/summary.js'

const params = (request: FastifyRequest) => request.params as { id: string; documentId: string }

/**
 * "Disclose in full" on a case's documents (issue 10): the DP manager records why a document may go to the requester
 * as it is and, where it holds other people's information, the decision that allows it; or withdraws that.
 */
export function registerReleaseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const url = '/cases/:id/documents/:documentId/disclose-in-full'
  staffRoute(app, { method: 'GET', url, access: 'case:draft', handler: (q, r) => markingPage(deps, q, r) })
  staffRoute(app, {
    method: 'POST',
    url,
    access: 'case:draft',
    handler: async (request, reply) => {
      const { id, documentId } = params(request)
      const b = request.body
      try {
        await markDiscloseInFull(deps, staffOf(request), id, documentId, {
          reason: str(b, 'reason'),
          thirdParty: str(b, 'thirdParty'),
          thirdPartyDecision: str(b, 'thirdPartyDecision'),
        })
        return reply.redirect(`/staff/cases/${id}?done=marked#documents`, 303)
      } catch (error) {
        if (isDomainError(error) && ['validation', ...RELEASE_GATE_CODES].includes(error.code))
          return markingPage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: `${url}/withdraw`,
    access: 'case:draft',
    handler: async (request, reply) => {
      const { id, documentId } = params(request)
      await withdrawDiscloseInFull(deps, staffOf(request), id, documentId)
      return reply.redirect(`/staff/cases/${id}?done=unmarked#documents`, 303)
    },
  })
}

async function markingPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const { id, documentId } = params(request)
  const view = await getCase(deps, staffOf(request), id)
  const doc = /^[0-9a-f-]{36}$/i.test(documentId) ? await findDocument(deps.pool, documentId) : null
  if (!doc || doc.caseId !== view.state.id || !doc.storageKey) return reply.callNotFound()
  const marking = (await currentMarkings(deps.pool, view.state.id)).get(doc.id)
  const directory = await userDirectory(deps.pool)
  const b = request.method === 'POST' ? request.body : {}
  const partThree = view.state.route === 'DPA_PART3'
  return page(
    deps,
    request,
    reply,
    'staff/release/disclose-in-full.njk',
    {
      pageTitle: text('release.mark.title'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      doc,
      markable: MARKABLE_KINDS.includes(doc.kind) && doc.contentType === 'application/pdf',
      marking: marking && {
        reason: marking.reason,
        thirdParty: text(`release.mark.basis.${marking.third_party}`),
        decision: marking.third_party_decision,
        by: actorName(directory, marking.marked_by),
        on: FORMAT.date(marking.marked_at),
      },
      reasonsLaw: text(partThree ? 'release.mark.lawPart3' : 'release.mark.lawGdpr'),
      values: { reason: str(b, 'reason'), thirdParty: str(b, 'thirdParty'), decision: str(b, 'thirdPartyDecision') },
      errors,
    },
    errors ? 400 : 200,
  )
}
