import type { FastifyInstance } from 'fastify'

/** GET /: the start page of the public portal. */
export function registerHomePage(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => reply.view('public/home/view.njk'))
}
