import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sendProblem } from './problem.js'
import { text } from './nunjucks.js'

/** The JSON API answers in application/problem+json, never with an HTML page. */
export function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')
}

const API_CODE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'not-permitted',
  404: 'not-found',
  409: 'conflict',
  422: 'validation',
  429: 'rate-limited',
  503: 'unavailable',
}

const TEMPLATE_BY_STATUS: Record<number, string> = {
  403: 'errors/403.njk',
  404: 'errors/404.njk',
  503: 'errors/503.njk',
}

function statusOf(error: FastifyError): number {
  const status = error.statusCode
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500
}

function apiProblem(reply: FastifyReply, status: number) {
  const code = status >= 500 && status !== 503 ? 'internal' : (API_CODE_BY_STATUS[status] ?? 'bad-request')
  const title = status === 404 ? 'Not found' : status >= 500 ? 'Internal error' : 'Request not accepted'
  return sendProblem(reply, { title, code, status })
}

/**
 * Renders a GOV.UK error page with the given status. Every other status uses the "problem with the service"
 * page. Pages under /staff keep the staff layout, so a caseworker is not shown the public Exit this page button.
 */
export async function renderErrorPage(request: FastifyRequest, reply: FastifyReply, status: number) {
  const template = TEMPLATE_BY_STATUS[status] ?? 'errors/500.njk'
  const errorLayout = request.url.startsWith('/staff') ? 'layouts/staff.njk' : 'layouts/public.njk'
  try {
    const html = await reply.viewAsync(template, { errorLayout })
    return reply.code(status).type('text/html; charset=utf-8').send(html)
  } catch (renderError) {
    // The error page itself failed (a broken template, say): still say something plain, never a stack trace.
    request.log.error({ err: renderError }, 'error page could not be rendered')
    const title = text('errors.internal.title')
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1><p>${text('errors.internal.tryLater')}</p></html>`,
      )
  }
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApiRequest(request.url)) return apiProblem(reply, 404)
    return renderErrorPage(request, reply, 404)
  })

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = statusOf(error)
    // 4xx is the client's doing (expired form, bad input): worth a line, not an alarm.
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: error.code, status, msg: error.message }, 'request refused')
    if (isApiRequest(request.url)) return apiProblem(reply, status)
    return renderErrorPage(request, reply, status)
  })
}
