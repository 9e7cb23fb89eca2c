import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { changePassword } from '../../../application/staff/change-password.js'
import { recordSignOut, signIn, type SignInResult } from '../../../application/staff/sign-in.js'
import { isDomainError } from '../../../domain/index.js'
import { safeReturnTo, staffOf } from '../access.js'
import { fieldError, formErrors, page, str } from '../render.js'
import { staffRoute } from '../route.js'
import { registerSecondFactor } from './second-factor.js'
import { registerSetPassword } from './set-password.js'
import { finishSignIn, throttledPage } from './steps.js'

const PUBLIC = { kind: 'public' } as const
const SIGNED_IN = { kind: 'signed-in' } as const

/**
 * Sign-in, sign-out and changing one's password; the second factor in second-factor.ts, set-password links in
 * set-password.ts. Every successful sign-in starts a brand-new session (`regenerate`), so a session id planted before
 * sign-in is worthless afterwards (session fixation).
 */
export function registerSignIn(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '',
    access: PUBLIC,
    handler: async (_q, reply) => reply.redirect('/staff/cases', 302),
  })
  staffRoute(app, { method: 'GET', url: '/sign-in', access: PUBLIC, handler: async (q, r) => signInPage(deps, q, r) })
  staffRoute(app, {
    method: 'POST',
    url: '/sign-in',
    access: PUBLIC,
    handler: async (request, reply) => {
      const email = str(request.body, 'email')
      const result = await signIn(deps, { email, password: str(request.body, 'password'), ip: request.ip })
      return afterPassword(deps, request, reply, result, email)
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/sign-out',
    access: SIGNED_IN,
    handler: async (request, reply) => {
      await recordSignOut(deps, staffOf(request).id)
      await request.session.destroy(reply)
      return reply.redirect('/staff/signed-out', 303)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/signed-out',
    access: PUBLIC,
    handler: async (request, reply) => page(deps, request, reply, 'staff/sign-in/signed-out.njk', {}),
  })
  registerSecondFactor(app, deps)
  registerSetPassword(app, deps)
  registerPasswordChange(app, deps)
}

async function signInPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: object, email = '') {
  const q = request.query as Record<string, unknown>
  const returnTo = safeReturnTo(q.returnTo) ?? ''
  const passwordSet = q.passwordSet === '1'
  return page(
    deps,
    request,
    reply,
    'staff/sign-in/sign-in.njk',
    { errors, email, returnTo, passwordSet },
    errors ? 400 : 200,
  )
}

async function afterPassword(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  result: SignInResult,
  email: string,
) {
  if (result.status === 'throttled') return throttledPage(deps, request, reply, result.retryAfterSeconds)
  if (result.status === 'refused')
    return signInPage(deps, request, reply, fieldError('email', 'casework.signIn.wrong'), email)
  const returnTo = safeReturnTo(str(request.body, 'returnTo'))
  if (result.status === 'signed-in') {
    request.session.set('returnTo', returnTo)
    return finishSignIn(deps, request, reply, result.userId)
  }
  // Half signed in: a fresh session that only the second-factor pages accept.
  await request.session.regenerate('staff', null)
  request.session.set('pendingUserId', result.userId)
  request.session.set('returnTo', returnTo)
  return reply.redirect(result.status === 'code-needed' ? '/staff/sign-in/code' : '/staff/sign-in/set-up', 303)
}

function registerPasswordChange(app: FastifyInstance, deps: AppDeps) {
  const view = (request: FastifyRequest, reply: FastifyReply, errors?: object) =>
    page(
      deps,
      request,
      reply,
      'staff/sign-in/password.njk',
      { errors, forced: staffOf(request).mustChangePassword },
      errors ? 400 : 200,
    )
  staffRoute(app, { method: 'GET', url: '/account/password', access: SIGNED_IN, handler: async (q, r) => view(q, r) })
  staffRoute(app, {
    method: 'POST',
    url: '/account/password',
    access: SIGNED_IN,
    handler: async (request, reply) => {
      const b = request.body
      try {
        await changePassword(deps, staffOf(request).id, {
          current: str(b, 'current'),
          next: str(b, 'next'),
          confirm: str(b, 'confirm'),
        })
      } catch (error) {
        if (isDomainError(error)) return view(request, reply, formErrors(error))
        throw error
      }
      // A new password ends every other session of this person; this one starts afresh too.
      await request.session.regenerate('staff', staffOf(request).id)
      return reply.redirect('/staff/cases?passwordChanged=1', 303)
    },
  })
}
