import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import helmet from '@fastify/helmet'

export interface SecurityOptions {
  cookieSecret: Buffer
  secureCookies: boolean
}

/**
 * The CSRF secret's cookie. Over HTTPS the `__Host-` prefix makes the browser refuse it unless it is Secure, has
 * path=/ and no Domain, so a sibling subdomain cannot plant its own secret (cookie tossing).
 */
export function csrfCookieName(secureCookies: boolean): string {
  return secureCookies ? '__Host-csrf' : '_csrf'
}

/**
 * Scripts and styles come only from our own files: no inline code, no third parties. People using this service
 * may be victims of crime on a shared or watched device, so nothing is loaded from anyone else's servers either.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
}

export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...contentSecurityPolicy,
        // Only over HTTPS: on plain http://localhost it would break every asset and form.
        ...(opts.secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // Leaving the service must not tell the next site where someone came from.
    referrerPolicy: { policy: 'no-referrer' },
    hsts: opts.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  await app.register(cookie, { secret: opts.cookieSecret })
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(opts.secureCookies),
    cookieOpts: { httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, path: '/', signed: true },
  })

  // Pages, API answers and downloads can hold personal data: never keep them in a shared or browser cache, and never
  // show a page again from the back/forward cache after someone has used Exit this page. Only responses that set
  // their own caching (the static assets, which hold nothing personal) are left alone.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
}

/**
 * preHandler for every HTML form POST: `app.post('/x', { preHandler: csrfProtected }, handler)`. The token travels
 * in the `_csrf` form field (or a `csrf-token` header); a missing or wrong token is a 403 and the error page says
 * what to do.
 */
export function csrfProtected(
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
) {
  this.csrfProtection(request, reply, done)
}
