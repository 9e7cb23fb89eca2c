import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { renderErrorPage } from '../../errors.js'
import { renderPage } from '../shared/form.js'
import { privacyNotice } from './privacy-notice.js'

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
    return renderPage(request, reply, 'public/information/privacy.njk', {
      controller,
      regulator,
      sections: privacyNotice(controller, regulator, deps.identityDocumentMaxDays),
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
