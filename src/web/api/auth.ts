import { hashApiToken } from '../../application/api-token-secret.js'
import type { FastifyRequest } from 'fastify'
import type pg from 'pg'
import type { Actor } from '../../application/actor.js'
import type { Role } from '../../domain/index.js'
import { findApiToken } from '../../persistence/repositories/user-repository.js'

export interface ApiCaller {
  actor: Actor
  /** The token the call came with: idempotency keys are kept per token. */
  tokenId: string
}

/**
 * Resolves the bearer token to the user it was issued to, or null (unknown, revoked, or the user disabled). The
 * actor works for the controllers the token was issued for that the user still holds (issue 11: tokens are scoped).
 */
export async function callerFromBearer(pool: pg.Pool, request: FastifyRequest): Promise<ApiCaller | null> {
  const header = request.headers.authorization
  const match = header ? /^Bearer\s+(rd_[A-Za-z0-9_-]{20,100})$/.exec(header) : null
  if (!match?.[1]) return null
  const found = await findApiToken(pool, hashApiToken(match[1]))
  if (!found || found.user.disabled) return null
  const { user } = found
  return {
    tokenId: found.tokenId,
    actor: {
      kind: 'user',
      id: user.id,
      name: user.name,
      roles: user.roles as Role[],
      controllerIds: user.controllerIds.filter((c) => found.controllerIds.includes(c)),
    },
  }
}
