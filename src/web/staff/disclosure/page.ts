import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { workbenchPageImage } from '../../../application/disclosure/workbench.js'
import { staffOf } from '../access.js'
import { staffRoute } from '../route.js'
import { pageParams } from './params.js'
import { workbenchPageView } from './page-view.js'

const PAGE = '/cases/:id/disclosure/items/:itemId/pages/:page'

/** A page of a document in the workbench, and its picture. */
export function registerPageRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, { method: 'GET', url: PAGE, access: 'case:work', handler: (q, r) => workbenchPageView(deps, q, r) })
  staffRoute(app, {
    method: 'GET',
    url: `${PAGE}/image.png`,
    access: 'case:work',
    handler: async (request, reply) => {
      const p = pageParams(request)
      const image = await workbenchPageImage(deps, staffOf(request), p.caseId, p.itemId, p.page)
      // Third parties' data in the clear: never kept in a shared cache or on disk by the browser.
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(image.png))
    },
  })
}
