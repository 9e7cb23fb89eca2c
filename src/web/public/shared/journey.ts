import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { publicActor } from '../../../application/portal/intake-support.js'
import type { Actor } from '../../../application/actor.js'
import { localDateInLondon, type LocalDate } from '../../../domain/index.js'

const JOURNEY_KEY = 'journeyId'

/**
 * The member of the public behind a journey, named by a random id kept in their session (never shown to them). It
 * marks their uploads as theirs until the request is sent, and names them in the audit trail.
 */
export function journeyActor(request: FastifyRequest): Actor {
  let id = request.session.get<string>(JOURNEY_KEY)
  if (!id) {
    id = randomUUID()
    request.session.set(JOURNEY_KEY, id)
  }
  return publicActor(id)
}

/** A journey ends when its request is sent: the next one starts with a new id and no uploads. */
export function endJourney(request: FastifyRequest): void {
  request.session.unset(JOURNEY_KEY)
}

export function today(deps: AppDeps): LocalDate {
  return localDateInLondon(deps.clock.now())
}
