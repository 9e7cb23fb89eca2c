import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import type { AppDeps } from '../../../application/deps.js'
import { completeSignIn } from '../../../application/staff/sign-in.js'
import { newTwoFactorSecret, twoFactorUri } from '../../../application/staff/totp.js'
import { confirmTwoFactor, verifySignInCode } from '../../../application/staff/two-factor.js'
import { isDomainError } from '../../../domain/index.js'
import { findUserById } from '../../../persistence/repositories/user-repository.js'
import { pendingUserId } from '../access.js'
import { fieldError, formErrors, page, str } from '../render.js'
import { staffRoute } from '../route.js'
import { finishSignIn, landingFor, startSession, throttledPage } from './steps.js'

const PENDING = { kind: 'pending' } as const

/**
 * The second step of signing in: the code from an authenticator app (or a recovery code), and, for a role that must
 * use one and has none yet, setting one up: a QR code and the key as text, a code to prove it works, then ten
 * recovery codes shown once.
 */
export function registerSecondFactor(app: FastifyInstance, deps: AppDeps): void {
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
      const userId = pendingUserId(request)!
      const result = await verifySignInCode(deps, userId, { code: str(request.body, 'code'), ip: request.ip })
      if (result.status === 'signed-in') return finishSignIn(deps, request, reply, result.userId)
      if (result.status === 'throttled') return throttledPage(deps, request, reply, result.retryAfterSeconds)
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
      let recoveryCodes: string[]
      try {
        ;({ recoveryCodes } = await confirmTwoFactor(deps, userId, { secret, code: str(request.body, 'code') }))
      } catch (error) {
        if (isDomainError(error)) return setUpPage(deps, request, reply, formErrors(error))
        throw error
      }
      await completeSignIn(deps.pool, deps, userId, { secondFactor: true })
      const next = await landingFor(deps, request, userId)
      await startSession(request, userId)
      // Shown in this answer only: the codes are never stored as text, nor kept in the session.
      return page(deps, request, reply, 'staff/sign-in/recovery-codes.njk', { recoveryCodes, next })
    },
  })
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
  // An SVG image in a data: URI: drawn on the server, no script, and allowed by the CSP's img-src.
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  const qrCode = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret
  return page(
    deps,
    request,
    reply,
    'staff/sign-in/set-up.njk',
    { errors, secret: grouped, uri, qrCode },
    errors ? 400 : 200,
  )
}
