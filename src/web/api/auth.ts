import { hashApiToken } from '../../application/api-token-secret.js'
import type { FastifyRequest } from 'fastify'
import type pg from 'pg'
import type { Actor } from '../../application/actor.js'
import type { Role } from '../../domain/index.js'
import { findUserByTokenHash } from '../../persistence/repositories/user-repository.js'

/** Resolves the bearer token to the user it was issued to, or null (unknown, revoked, or the user disabled). */
export async function actorFromBearer(pool: pg.Pool, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization
  const match = header ? /^Bearer\s+(rd_[A-Za-z0-9_-]{20,100})$/.exec(header) : null
  if (!match?.[1]) return null
  const user = await findUserByTokenHash(pool, hashApiToken(match[1]))
  if (!user || user.disabled) return null
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    roles: user.roles as Role[],
    controllerIds: user.controllerIds,
  }
}
