import type { FastifyInstance, FastifyReply, FastifyRequest, preValidationHookHandler } from 'fastify'
import type { Permission } from '../../domain/index.js'
import { csrfProtected } from '../security.js'
import type { StaffAccess } from './access.js'

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>

export interface StaffRoute {
  method: 'GET' | 'POST'
  url: string
  access: StaffAccess | Permission | readonly Permission[]
  handler: Handler
  /** Multipart forms read their fields (and the CSRF token) in preValidation. */
  preValidation?: preValidationHookHandler
}

function accessOf(access: StaffRoute['access']): StaffAccess {
  if (typeof access === 'string') return { kind: 'permission', any: [access] }
  if (Array.isArray(access)) return { kind: 'permission', any: access }
  return access as StaffAccess
}

/**
 * Registers a staff route with its access rule; every POST gets the CSRF check (security.ts), so no form can be
 * forgotten. Routes are relative to /staff.
 */
export function staffRoute(app: FastifyInstance, route: StaffRoute): void {
  app.route({
    method: route.method,
    url: route.url,
    config: { staffAccess: accessOf(route.access) },
    ...(route.preValidation ? { preValidation: route.preValidation } : {}),
    ...(route.method === 'POST' ? { preHandler: csrfProtected } : {}),
    handler: route.handler,
  })
}
