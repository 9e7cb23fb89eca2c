import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errorStatus, RETRY_AFTER_SECONDS } from './error-status.js'
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

const TITLE_BY_STATUS: Record<number, string> = {
  404: 'Not found',
  500: 'Internal error',
  503: 'The service is unavailable for a moment: try again shortly',
}

export function apiProblem(reply: FastifyReply, status: number) {
  const code = status >= 500 && status !== 503 ? 'internal' : (API_CODE_BY_STATUS[status] ?? 'bad-request')
  const title = TITLE_BY_STATUS[status] ?? (status >= 500 ? 'Internal error' : 'Request not accepted')
  return sendProblem(reply, { title, code, status })
}

/**
 * The status for an error (error-status.ts: the one mapping), logged by what it means, with Retry-After while the
 * database is unreachable. Every error handler (shell, portal, staff, API) goes through here for errors that are
 * not its own.
 */
export function statusForError(request: FastifyRequest, reply: FastifyReply, error: FastifyError): number {
  const { status, unavailable } = errorStatus(error)
  if (unavailable) {
    reply.header('retry-after', String(RETRY_AFTER_SECONDS))
    request.log.warn({ code: error.code, msg: error.message }, 'database unavailable')
  } else if (status >= 500) request.log.error({ err: error }, 'request failed')
  else if (error.statusCode === undefined) request.log.warn({ err: error }, 'database refused a value from a request')
  else request.log.info({ code: error.code, status, msg: error.message }, 'request refused')
  return status
}

/** A GOV.UK error page for any error: the page for its status (a bad request, not found, unavailable...). */
export async function renderErrorFor(request: FastifyRequest, reply: FastifyReply, error: FastifyError) {
  return renderErrorPage(request, reply, statusForError(request, reply, error))
}

/**
 * Renders a GOV.UK error page with the given status. Every other status uses the "problem with the service"
 * page. Pages under /staff keep the staff layout, so a caseworker is not shown the public Exit this page button.
 */
export async function renderErrorPage(request: FastifyRequest, reply: FastifyReply, status: number) {
  const template = TEMPLATE_BY_STATUS[status] ?? (status < 500 ? 'errors/400.njk' : 'errors/500.njk')
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
    const status = statusForError(request, reply, error)
    if (isApiRequest(request.url)) return apiProblem(reply, status)
    return renderErrorPage(request, reply, status)
  })
}
