import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import type { Role } from '../../../domain/index.js'
import { findUserById } from '../../../persistence/repositories/user-repository.js'
import { homeFor, safeReturnTo } from '../access.js'
import { page } from '../render.js'

/**
 * Too many misses from this client or at this address: 429 with Retry-After (RFC 6585) and one GOV.UK page, the
 * same for every address typed, real or not.
 */
export function throttledPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number) {
  reply.header('retry-after', String(retryAfterSeconds))
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return page(deps, request, reply, 'staff/sign-in/throttled.njk', { minutes }, 429)
}

/** Where a person goes once signed in: where they were going, or the first page their roles let them use. */
export async function landingFor(deps: AppDeps, request: FastifyRequest, userId: string): Promise<string> {
  const user = await findUserById(deps.pool, userId)
  return safeReturnTo(request.session.get('returnTo')) ?? homeFor((user?.roles ?? []) as Role[])
}

/** Signed in: a brand-new session for the person, with nothing from the half-signed-in one carried over. */
export async function startSession(request: FastifyRequest, userId: string): Promise<void> {
  request.session.unset('pendingUserId')
  request.session.unset('totpSetupSecret')
  request.session.unset('returnTo')
  await request.session.regenerate('staff', userId)
}

export async function finishSignIn(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, userId: string) {
  const to = await landingFor(deps, request, userId)
  await startSession(request, userId)
  return reply.redirect(to, 303)
}
