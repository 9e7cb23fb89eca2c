import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { proposeAdminChange } from '../../../application/staff/admin-changes/propose.js'
import { getUserForAdmin, listUsersForAdmin } from '../../../application/staff/list-users.js'
import { unlockUser } from '../../../application/staff/unlock-user.js'
import { updateUser } from '../../../application/staff/update-user.js'
import { DomainError, ROLES, ROLE_DESCRIPTIONS, isDomainError } from '../../../domain/index.js'
import type { Role } from '../../../domain/index.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, list, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { registerAdminChangeRoutes } from './changes.js'
import { registerOutboxRoutes } from './outbox.js'
import { registerSettingsRoutes } from './settings.js'
import { registerSignatoryRoutes } from './signatories.js'

const BANNERS = ['saved', 'accessProposed', 'resetProposed', 'unlocked', 'twoFactorReset'] as const
const userIdOf = (request: FastifyRequest) => (request.params as { userId: string }).userId

/**
 * User administration (issue: admins create users, set roles and controllers, reset passwords, unlock). Adding an
 * account, changing roles or organisations and resetting a password or authenticator app are proposals a second
 * administrator approves (changes.ts; issue 11).
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/admin',
    access: 'user:admin',
    handler: async (request, reply) => {
      const users = await listUsersForAdmin(deps.pool, staffOf(request), deps.clock.now())
      return page(deps, request, reply, 'staff/admin/users.njk', {
        pageTitle: text('casework.admin.usersTitle'),
        users: users.map((u) => ({
          ...u,
          locked: u.signInPausedUntil !== null,
          roleNames: u.roles.map((r) => text(`casework.roles.${r}`)).join(', '),
        })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/admin/users/new',
    access: 'user:admin',
    handler: (q, r) => userForm(deps, q, r, null),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/users/new',
    access: 'user:admin',
    handler: async (request, reply) => {
      const b = request.body
      try {
        await proposeAdminChange(deps, staffOf(request), {
          kind: 'create-user',
          account: {
            email: str(b, 'email').trim().toLowerCase(),
            name: str(b, 'name').trim(),
            roles: list(b, 'roles') as Role[],
            controllerIds: list(b, 'controllerIds'),
            team: str(b, 'team').trim() || null,
          },
        })
        return reply.redirect('/staff/admin/changes?proposed=1', 303)
      } catch (error) {
        if (isDomainError(error) && ['validation', 'conflict'].includes(error.code))
          return userForm(deps, request, reply, null, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/admin/users/:userId',
    access: 'user:admin',
    handler: (q, r) => userForm(deps, q, r, userIdOf(q)),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/users/:userId',
    access: 'user:admin',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const { pendingChangeId } = await updateUser(deps, staffOf(request), userIdOf(request), {
          name: str(b, 'name'),
          roles: list(b, 'roles') as Role[],
          controllerIds: list(b, 'controllerIds'),
          team: str(b, 'team') || null,
          disabled: str(b, 'disabled') === 'yes',
        })
        const banner = pendingChangeId ? 'accessProposed' : 'saved'
        return reply.redirect(`/staff/admin/users/${userIdOf(request)}?${banner}=1`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return userForm(deps, request, reply, userIdOf(request), formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/users/:userId/reset-password',
    access: 'user:admin',
    handler: async (request, reply) => {
      await proposeAdminChange(deps, staffOf(request), { kind: 'reset-password', targetUserId: userIdOf(request) })
      return reply.redirect(`/staff/admin/users/${userIdOf(request)}?resetProposed=1`, 303)
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/users/:userId/unlock',
    access: 'user:admin',
    handler: async (request, reply) => {
      await unlockUser(deps, staffOf(request), userIdOf(request))
      return reply.redirect(`/staff/admin/users/${userIdOf(request)}?unlocked=1`, 303)
    },
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/users/:userId/reset-two-factor',
    access: 'user:admin',
    handler: async (request, reply) => {
      await proposeAdminChange(deps, staffOf(request), { kind: 'reset-two-factor', targetUserId: userIdOf(request) })
      return reply.redirect(`/staff/admin/users/${userIdOf(request)}?twoFactorReset=1`, 303)
    },
  })
  registerAdminChangeRoutes(app, deps)
  registerSettingsRoutes(app, deps)
  registerSignatoryRoutes(app, deps)
  registerOutboxRoutes(app, deps)
}

async function userForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string | null,
  errors?: FormErrors,
) {
  const user = userId ? await getUserForAdmin(deps.pool, staffOf(request), userId, deps.clock.now()) : null
  if (userId && !user) throw new DomainError('not-found', `no user ${userId}`)
  const posted = request.method === 'POST' ? request.body : null
  const roles = posted ? list(posted, 'roles') : (user?.roles ?? [])
  const controllerIds = posted ? list(posted, 'controllerIds') : (user?.controllerIds ?? [])
  const controllers = await listControllers(deps.pool)
  const q = request.query as Record<string, unknown>
  return page(
    deps,
    request,
    reply,
    'staff/admin/user.njk',
    {
      pageTitle: user ? user.name : text('casework.admin.newUserTitle'),
      user,
      values: {
        name: posted ? str(posted, 'name') : (user?.name ?? ''),
        email: posted ? str(posted, 'email') : (user?.email ?? ''),
        team: posted ? str(posted, 'team') : (user?.team ?? ''),
      },
      roleItems: ROLES.map((r) => ({
        value: r,
        text: text(`casework.roles.${r}`),
        hint: { text: ROLE_DESCRIPTIONS[r] },
        checked: roles.includes(r),
      })),
      controllerItems: controllers.map((c) => ({ value: c.id, text: c.name, checked: controllerIds.includes(c.id) })),
      locked: user?.signInPausedUntil != null,
      // Nobody proposes a reset of their own password or app: another administrator does (issue 11).
      own: user?.id === staffOf(request).id,
      banner: BANNERS.find((b) => q[b]) ?? null,
      errors,
    },
    errors ? 400 : 200,
  )
}
