import type { FastifyInstance, FastifyRequest } from 'fastify'
import formbody from '@fastify/formbody'
import { computeAssetVersion, registerAssets } from './assets.js'
import { registerErrorPages } from './errors.js'
import { registerViews } from './nunjucks.js'
import { OPTIONAL_CATEGORIES, registerCookiePages, readCookiePolicy } from './public/cookies/routes.js'
import { registerHomePage } from './public/home/routes.js'
import { csrfCookieName, registerSecurity } from './security.js'
import { sessionCookieName } from './session.js'

declare module 'fastify' {
  interface FastifyReply {
    /** Set by @fastify/view on every request; merged into the data of every `reply.view`. */
    locals: Record<string, unknown>
  }
}

export interface WebShellOptions {
  cookieSecret: Buffer
  secureCookies: boolean
  serviceName: string
  /** The organisation named in the header ("Cambridgeshire Constabulary"); no header bar when absent. */
  organisationName?: string
  /** The organisations this deployment answers for, named on the start page (never the product's name). */
  organisations?: () => Promise<{ name: string; kind: string }[]>
  /** Cache compiled templates. Defaults to NODE_ENV === 'production'. */
  production?: boolean
}

/** What `currentUrl` and the cookie banner need; skipped for the API and files. */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const url = request.url
  return !(url.startsWith('/api/') || url === '/api' || url.startsWith('/assets/') || url.startsWith('/static/'))
}

type BannerState = 'ask' | 'accepted' | 'rejected' | null

function cookieBannerState(request: FastifyRequest, pathname: string, flag: string | null): BannerState {
  // Not on the cookies page itself: the choices are right there.
  if (pathname === '/cookies') return null
  const policy = readCookiePolicy(request)
  if (!policy) return 'ask'
  // Confirm only what was really saved, so a hand-edited ?cookies= cannot misreport the choice.
  const all = OPTIONAL_CATEGORIES.every((c) => policy[c])
  const none = OPTIONAL_CATEGORIES.every((c) => !policy[c])
  if (flag === 'accepted' && all) return 'accepted'
  if (flag === 'rejected' && none) return 'rejected'
  return null
}

/**
 * The public and staff web shell: security headers, cookies and CSRF, Nunjucks views, assets, error pages,
 * the start page and the cookies page. Call it before registering any other HTML routes, so its hooks and
 * error handler cover them. It registers @fastify/formbody only if nothing else has.
 */
export async function registerWebShell(app: FastifyInstance, opts: WebShellOptions): Promise<void> {
  const assetVersion = computeAssetVersion()
  await registerSecurity(app, { cookieSecret: opts.cookieSecret, secureCookies: opts.secureCookies })
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody)
  await registerViews(app, {
    serviceName: opts.serviceName,
    organisationName: opts.organisationName,
    assetVersion,
    csrfCookieName: csrfCookieName(opts.secureCookies),
    sessionCookieName: sessionCookieName(opts.secureCookies),
    production: opts.production,
  })
  await registerAssets(app, { assetVersion })

  // Every page gets what the layouts need: where it is (for navigation and "return to"), a CSRF token for
  // the cookie banner's form, and whether to show that banner.
  app.addHook('preHandler', async (request, reply) => {
    if (!isPageRequest(request)) return
    const url = new URL(request.url, 'http://rightsdesk.invalid')
    const flag = url.searchParams.get('cookies')
    url.searchParams.delete('cookies')
    reply.locals = {
      ...reply.locals,
      currentPath: url.pathname,
      currentUrl: url.pathname + url.search,
      csrfToken: reply.generateCsrf(),
      cookieBanner: cookieBannerState(request, url.pathname, flag),
    }
  })

  registerErrorPages(app)
  registerHomePage(app, opts.organisations)
  registerCookiePages(app, { secureCookies: opts.secureCookies })
}
