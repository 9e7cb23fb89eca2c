import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { safeReturnPath } from '../../return-to.js'
import { csrfProtected } from '../../security.js'

/** Our one consent cookie. Essential: without it we could not remember that someone said no. */
export const COOKIE_POLICY = 'cookie_policy'
const POLICY_VERSION = 1
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

export const OPTIONAL_CATEGORIES = ['functional', 'performance', 'marketing'] as const
type Category = (typeof OPTIONAL_CATEGORIES)[number]

const policySchema = z.object({
  // Bump POLICY_VERSION when the categories change, so everyone is asked again.
  version: z.literal(POLICY_VERSION),
  essential: z.literal(true),
  functional: z.boolean(),
  performance: z.boolean(),
  marketing: z.boolean(),
})
export type CookiePolicy = z.infer<typeof policySchema>

/** The saved choice, or null when there is none we can trust (missing, tampered with, or an older version). */
export function readCookiePolicy(request: FastifyRequest): CookiePolicy | null {
  const raw = request.cookies[COOKIE_POLICY]
  if (!raw) return null
  try {
    const parsed = policySchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const BASE = 'http://rightsdesk.invalid'

/** A same-site path to return to after a choice (return-to.ts), without the confirmation flag; "/" otherwise. */
export function safeReturnTo(value: unknown): string {
  const path = safeReturnPath(value)
  if (!path) return '/'
  const url = new URL(path, BASE)
  url.searchParams.delete('cookies')
  return url.pathname + url.search
}

function withFlag(path: string, flag: string): string {
  const url = new URL(path, BASE)
  url.searchParams.set('cookies', flag)
  return url.pathname + url.search
}

const yesNo = z.enum(['yes', 'no']).optional()
const bodySchema = z.object({
  cookies: z.enum(['accept', 'reject']).optional(),
  returnTo: z.string().max(2000).optional(),
  functional: yesNo,
  performance: yesNo,
  marketing: yesNo,
})

function policyFrom(all: boolean | Partial<Record<Category, 'yes' | 'no'>>): CookiePolicy {
  // No answer counts as no: consent has to be given, never assumed.
  const allowed = (c: Category) => (typeof all === 'boolean' ? all : all[c] === 'yes')
  return {
    version: POLICY_VERSION,
    essential: true,
    functional: allowed('functional'),
    performance: allowed('performance'),
    marketing: allowed('marketing'),
  }
}

export function registerCookiePages(app: FastifyInstance, opts: { secureCookies: boolean }): void {
  app.get('/cookies', async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const policy = readCookiePolicy(request)
    const returnTo = typeof query.returnTo === 'string' ? safeReturnTo(query.returnTo) : null
    return reply.view('public/cookies/view.njk', {
      choices: policy ?? policyFrom(false),
      saved: query.cookies === 'saved',
      // Only offer "go back" to somewhere other than this page.
      returnTo: returnTo && !returnTo.startsWith('/cookies') ? returnTo : null,
    })
  })

  app.post('/cookies', { preHandler: csrfProtected }, async (request, reply) => {
    const parsed = bodySchema.safeParse(request.body ?? {})
    if (!parsed.success) throw Object.assign(new Error('Unreadable cookie settings'), { statusCode: 400 })
    const body = parsed.data
    const fromBanner = body.cookies !== undefined
    const policy = fromBanner ? policyFrom(body.cookies === 'accept') : policyFrom(body)
    reply.setCookie(COOKIE_POLICY, JSON.stringify(policy), {
      path: '/',
      maxAge: ONE_YEAR_SECONDS,
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secureCookies,
    })
    if (fromBanner) {
      const flag = body.cookies === 'accept' ? 'accepted' : 'rejected'
      return reply.redirect(withFlag(safeReturnTo(body.returnTo), flag), 303)
    }
    // From the cookies page: show it again with the success message, keeping the way back if there was one.
    const back = body.returnTo ? `/cookies?returnTo=${encodeURIComponent(safeReturnTo(body.returnTo))}` : '/cookies'
    return reply.redirect(withFlag(back, 'saved'), 303)
  })
}
