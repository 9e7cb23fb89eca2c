import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../application/deps.js'
import { requireAnyPermission } from '../../application/authorise.js'
import { staffActor, type StaffMember } from '../../application/staff/staff-actor.js'
import { can, type Permission, type Role } from '../../domain/index.js'
import { safeReturnPath } from '../return-to.js'

/**
 * Who may reach a staff route. Every route declares one (a route without is refused with a 500 and fails the route
 * matrix test). The permission itself is checked by authorise.ts, the one place permissions are enforced.
 */
export type StaffAccess =
  | { kind: 'public' }
  /** Between the password and the second factor. */
  | { kind: 'pending' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; any: readonly Permission[] }

declare module 'fastify' {
  interface FastifyContextConfig {
    staffAccess?: StaffAccess
  }
  interface FastifyRequest {
    staff: StaffMember | null
  }
}

export const SIGN_IN_PATH = '/staff/sign-in'

/** Where someone lands after signing in: the first page their roles let them use. */
export function homeFor(roles: readonly Role[]): string {
  if (can(roles, 'case:view')) return '/staff/cases'
  if (can(roles, 'task:answer') || can(roles, 'task:assign')) return '/staff/tasks'
  if (can(roles, 'user:admin')) return '/staff/admin'
  if (can(roles, 'settings:admin')) return '/staff/admin/settings'
  return '/staff/account/password'
}
const PASSWORD_PATH = '/staff/account/password'

/** Only our own pages are remembered for after sign-in (no open redirect). */
export function safeReturnTo(value: unknown): string | null {
  const path = safeReturnPath(value, { under: '/staff' })
  return path && path !== '/staff' && !path.startsWith(SIGN_IN_PATH) ? path : null
}

async function toSignIn(request: FastifyRequest, reply: FastifyReply) {
  const back = request.method === 'GET' ? safeReturnTo(request.url) : null
  return reply.redirect(back ? `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(back)}` : SIGN_IN_PATH, 302)
}

export function pendingUserId(request: FastifyRequest): string | null {
  const s = request.session
  const id = s.kind === 'staff' && s.userId === null ? s.get<string>('pendingUserId') : undefined
  return typeof id === 'string' ? id : null
}

export function registerStaffAccess(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('staff', null)
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.staffAccess
    if (!access) throw new Error(`staff route ${request.routeOptions.url} declares no access rule`)
    if (access.kind === 'public') return
    if (access.kind === 'pending') {
      if (!pendingUserId(request)) return toSignIn(request, reply)
      return
    }
    const s = request.session
    const actor = s.kind === 'staff' && s.userId ? await staffActor(deps.pool, s.userId) : null
    if (!actor) {
      // A disabled account or a deleted user: end the session, not just this request.
      if (s.kind === 'staff' && s.userId) await s.destroy(reply)
      return toSignIn(request, reply)
    }
    request.staff = actor
    const path = request.routeOptions.url ?? ''
    if (actor.mustChangePassword && path !== PASSWORD_PATH && path !== '/staff/sign-out') {
      return reply.redirect(PASSWORD_PATH, 302)
    }
    if (access.kind === 'permission') requireAnyPermission(actor, access.any)
  })
}

/** The signed-in member of staff (the access hook guarantees one on every route that is not public or pending). */
export function staffOf(request: FastifyRequest): StaffMember {
  if (!request.staff) throw new Error('no signed-in member of staff on this route')
  return request.staff
}
