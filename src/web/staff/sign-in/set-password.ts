import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  accountForSetPasswordLink,
  SET_PASSWORD_TOKEN,
  setPasswordWithLink,
} from '../../../application/staff/set-password.js'
import { isDomainError } from '../../../domain/index.js'
import { formErrors, page, str } from '../render.js'
import { staffRoute } from '../route.js'

const PUBLIC = { kind: 'public' } as const

/**
 * The link emailed after an approved password reset or to a new colleague. Opening it moves the token into the
 * session and redirects to a plain address, so the token is not left in the browser's history or shown on screen;
 * the page then asks for the new password twice.
 */
export function registerSetPassword(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/set-password/:token',
    access: PUBLIC,
    handler: async (request, reply) => {
      const { token } = request.params as { token: string }
      if (!(await accountForSetPasswordLink(deps.pool, token, deps.clock.now()))) return expired(deps, request, reply)
      request.session.set('setPasswordToken', token)
      return reply.redirect('/staff/set-password', 303)
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/set-password',
    access: PUBLIC,
    handler: async (request, reply) => form(deps, request, reply),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/set-password',
    access: PUBLIC,
    handler: async (request, reply) => {
      const token = tokenOf(request)
      if (!token) return expired(deps, request, reply)
      try {
        await setPasswordWithLink(deps, token, {
          next: str(request.body, 'next'),
          confirm: str(request.body, 'confirm'),
        })
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation') return form(deps, request, reply, formErrors(error))
        if (isDomainError(error) && error.code === 'not-found') return expired(deps, request, reply)
        throw error
      }
      request.session.unset('setPasswordToken')
      return reply.redirect('/staff/sign-in?passwordSet=1', 303)
    },
  })
}

function tokenOf(request: FastifyRequest): string | null {
  const token = request.session.get<string>('setPasswordToken')
  return typeof token === 'string' && SET_PASSWORD_TOKEN.test(token) ? token : null
}

async function form(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: object) {
  const token = tokenOf(request)
  const account = token ? await accountForSetPasswordLink(deps.pool, token, deps.clock.now()) : null
  if (!account) return expired(deps, request, reply)
  return page(
    deps,
    request,
    reply,
    'staff/sign-in/set-password.njk',
    { errors, email: account.email },
    errors ? 400 : 200,
  )
}

function expired(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  return page(deps, request, reply, 'staff/sign-in/link-expired.njk', {}, 410)
}
