import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { changePassword } from '../../../application/staff/change-password.js'
import { completeSignIn, recordSignOut, signIn, type SignInResult } from '../../../application/staff/sign-in.js'
import {
  confirmTwoFactor,
  newTwoFactorSecret,
  twoFactorUri,
  verifySignInCode,
} from '../../../application/staff/two-factor.js'
import { isDomainError, type Role } from '../../../domain/index.js'
import { homeFor, pendingUserId, safeReturnTo, staffOf } from '../access.js'
import { fieldError, formErrors, page, str } from '../render.js'
import { staffRoute } from '../route.js'
import { findUserById } from '../../../persistence/repositories/user-repository.js'

const PUBLIC = { kind: 'public' } as const
const PENDING = { kind: 'pending' } as const
const SIGNED_IN = { kind: 'signed-in' } as const

/**
 * Sign-in, the second factor, sign-out and changing one's password. Every successful sign-in starts a brand-new
 * session (`regenerate`), so a session id planted before sign-in is worthless afterwards (session fixation).
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
      const result = await signIn(deps, { email, password: str(request.body, 'password') })
      return afterPassword(deps, request, reply, result, email)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/sign-in/code',
    access: PENDING,
    handler: async (q, r) => codePage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/sign-in/code',
    access: PENDING,
    handler: async (request, reply) => {
      const result = await verifySignInCode(deps, pendingUserId(request)!, str(request.body, 'code'))
      if (result.status === 'signed-in') return finish(deps, request, reply, result.userId)
      if (result.status === 'refused' && result.reason === 'locked') return lockedPage(deps, request, reply)
      return codePage(deps, request, reply, fieldError('code', 'casework.signIn.codeWrong'))
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/sign-in/set-up',
    access: PENDING,
    handler: async (q, r) => setUpPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/sign-in/set-up',
    access: PENDING,
    handler: async (request, reply) => {
      const userId = pendingUserId(request)!
      const secret = request.session.get<string>('totpSetupSecret') ?? ''
      try {
        await confirmTwoFactor(deps, userId, { secret, code: str(request.body, 'code') })
      } catch (error) {
        if (isDomainError(error)) return setUpPage(deps, request, reply, formErrors(error))
        throw error
      }
      await completeSignIn(deps.pool, deps, userId, { secondFactor: true })
      return finish(deps, request, reply, userId)
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
  registerPasswordChange(app, deps)
}

async function signInPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: object, email = '') {
  const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo) ?? ''
  return page(deps, request, reply, 'staff/sign-in/sign-in.njk', { errors, email, returnTo }, errors ? 400 : 200)
}

function lockedPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  return page(deps, request, reply, 'staff/sign-in/locked.njk', {}, 403)
}

async function afterPassword(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  result: SignInResult,
  email: string,
) {
  if (result.status === 'refused') {
    if (result.reason === 'locked') return lockedPage(deps, request, reply)
    return signInPage(deps, request, reply, fieldError('email', 'casework.signIn.wrong'), email)
  }
  const returnTo = safeReturnTo(str(request.body, 'returnTo'))
  if (result.status === 'signed-in') {
    request.session.set('returnTo', returnTo)
    return finish(deps, request, reply, result.userId)
  }
  // Half signed in: a fresh session that only the second-factor pages accept.
  await request.session.regenerate('staff', null)
  request.session.set('pendingUserId', result.userId)
  request.session.set('returnTo', returnTo)
  return reply.redirect(result.status === 'code-needed' ? '/staff/sign-in/code' : '/staff/sign-in/set-up', 303)
}

async function finish(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, userId: string) {
  const returnTo = safeReturnTo(request.session.get('returnTo'))
  const user = await findUserById(deps.pool, userId)
  request.session.unset('pendingUserId')
  request.session.unset('totpSetupSecret')
  request.session.unset('returnTo')
  await request.session.regenerate('staff', userId)
  return reply.redirect(returnTo ?? homeFor((user?.roles ?? []) as Role[]), 303)
}

async function codePage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: object) {
  return page(deps, request, reply, 'staff/sign-in/code.njk', { errors }, errors ? 400 : 200)
}

async function setUpPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: object) {
  const user = await findUserById(deps.pool, pendingUserId(request)!)
  let secret = request.session.get<string>('totpSetupSecret')
  if (!secret) {
    secret = newTwoFactorSecret(user?.email ?? '').secret
    request.session.set('totpSetupSecret', secret)
  }
  const uri = twoFactorUri(secret, user?.email ?? '')
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret
  return page(deps, request, reply, 'staff/sign-in/set-up.njk', { errors, secret: grouped, uri }, errors ? 400 : 200)
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
