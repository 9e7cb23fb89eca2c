import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { renderErrorPage } from '../../errors.js'
import { renderPage } from '../shared/form.js'
import { noticePageSections } from './privacy-notice.js'
import { currentPrivacyNotice } from '../../../application/governance/register.js'
import { formatLongDate, localDateInLondon } from '../../../domain/index.js'

/** Pages every public service has: privacy notices (per controller), accessibility statement, contact details. */
export function registerInformationPages(app: FastifyInstance, deps: AppDeps): void {
  app.get('/privacy', async (request, reply) => {
    const { controllers } = await portalDirectory(deps)
    return renderPage(request, reply, 'public/information/privacy-list.njk', { controllers })
  })

  app.get('/privacy/:controllerId', async (request, reply) => {
    const { controllers, regulator } = await portalDirectory(deps)
    const controller = controllers.find((c) => c.id === (request.params as { controllerId: string }).controllerId)
    if (!controller) return renderErrorPage(request, reply, 404)
    // The notice published from the controller's register of processing (UK GDPR Art 30 → Arts 13–14), with its
    // date and change history; the fixed service notice only until a first version is published.
    const published = await currentPrivacyNotice(deps.pool, controller.id)
    const sections = noticePageSections(published?.content ?? null, controller, regulator, deps.identityDocumentMaxDays)
    return renderPage(request, reply, 'public/information/privacy.njk', {
      controller,
      regulator,
      sections,
      lastUpdated: published ? formatLongDate(localDateInLondon(published.publishedAt)) : null,
      history: (published?.history ?? []).map((h) => ({
        version: h.version,
        date: formatLongDate(localDateInLondon(h.publishedAt)),
        summary: h.changeSummary,
      })),
    })
  })

  app.get('/accessibility', async (request, reply) => {
    const { controllers } = await portalDirectory(deps)
    return renderPage(request, reply, 'public/information/accessibility.njk', { controllers })
  })

  app.get('/contact', async (request, reply) => {
    const { controllers, regulator } = await portalDirectory(deps)
    return renderPage(request, reply, 'public/information/contact.njk', { controllers, regulator })
  })
}
