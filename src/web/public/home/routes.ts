import type { FastifyInstance } from 'fastify'
import { text } from '../../nunjucks.js'

/**
 * GET /: the start page of the public portal. It names the organisations people are asking (from the deployment's
 * controllers), never the product: the start page said "ask Rightsdesk".
 */
export function registerHomePage(
  app: FastifyInstance,
  organisations?: () => Promise<{ name: string; kind: string }[]>,
): void {
  app.get('/', async (_request, reply) => {
    const served = organisations ? await organisations() : []
    return reply.view('public/home/view.njk', {
      organisationList: served.map((c) => c.name).join(text('home.or')),
      acro: served.some((c) => c.kind !== 'other'),
    })
  })
}
