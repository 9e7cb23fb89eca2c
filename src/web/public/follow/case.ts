import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { downloadReleasedDocument } from '../../../application/portal/download-released-document.js'
import { followCase } from '../../../application/portal/follow-case.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { contentDisposition } from '../../downloads.js'
import { renderErrorPage } from '../../errors.js'
import { renderPage } from '../shared/form.js'
import { conversationItems, releasedItems, summaryRows } from './case-view.js'
import { requireFollowedCase } from './session.js'

/** The case page of someone signed in with a one-time code, and the files the office released to them. */
export function registerFollowCase(app: FastifyInstance, deps: AppDeps): void {
  app.get('/follow/case', async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    if (!caseId) return reply
    const [view, directory] = await Promise.all([followCase(deps, caseId), portalDirectory(deps)])
    const controller = directory.controllers.find((c) => c.id === view.state.controllerId) ?? null
    const query = request.query as Record<string, unknown>
    return renderPage(request, reply, 'public/follow/views/case.njk', {
      controller,
      regulator: directory.regulator,
      view,
      rows: summaryRows(view, controller),
      messages: conversationItems(view),
      released: releasedItems(view),
      sent: query.sent === '1',
    })
  })

  app.get('/follow/case/documents/:documentId', async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    if (!caseId) return reply
    const { documentId } = request.params as { documentId: string }
    const download = await downloadReleasedDocument(deps, caseId, documentId)
    if (!download) return renderErrorPage(request, reply, 404)
    return reply
      .header('content-type', download.contentType)
      .header('content-disposition', contentDisposition(download.filename))
      .header('cache-control', 'no-store')
      .send(download.bytes)
  })
}
