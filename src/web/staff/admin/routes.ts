import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { createUser } from '../../../application/create-user.js'
import { getUserForAdmin, listUsersForAdmin } from '../../../application/staff/list-users.js'
import { resetPassword } from '../../../application/staff/reset-password.js'
import { resetTwoFactor } from '../../../application/staff/reset-two-factor.js'
import { unlockUser } from '../../../application/staff/unlock-user.js'
import { updateUser } from '../../../application/staff/update-user.js'
import { DomainError, ROLES, ROLE_DESCRIPTIONS, isDomainError } from '../../../domain/index.js'
import type { Role } from '../../../domain/index.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, list, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { registerOutboxRoutes } from './outbox.js'
import { registerSettingsRoutes } from './settings.js'
import { registerSignatoryRoutes } from './signatories.js'

const userIdOf = (request: FastifyRequest) => (request.params as { userId: string }).userId

/** User administration (issue: admins create users, set roles and controllers, reset passwords, unlock). */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/admin',
    access: 'user:admin',
    handler: async (request, reply) => {
      const users = await listUsersForAdmin(deps.pool, staffOf(request))
      const now = deps.clock.now()
      return page(deps, request, reply, 'staff/admin/users.njk', {
        pageTitle: text('casework.admin.usersTitle'),
        users: users.map((u) => ({
          ...u,
          locked: u.lockedUntil !== null && u.lockedUntil > now,
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
        const { id } = await createUser(deps, staffOf(request), {
          email: str(b, 'email'),
          name: str(b, 'name'),
          roles: list(b, 'roles') as Role[],
          controllerIds: list(b, 'controllerIds'),
          password: str(b, 'password'),
          team: str(b, 'team'),
          // The person chooses their own password when they first sign in.
          mustChangePassword: true,
        })
        return reply.redirect(`/staff/admin/users/${id}?created=1`, 303)
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
        await updateUser(deps, staffOf(request), userIdOf(request), {
          name: str(b, 'name'),
          roles: list(b, 'roles') as Role[],
          controllerIds: list(b, 'controllerIds'),
          team: str(b, 'team') || null,
          disabled: str(b, 'disabled') === 'yes',
        })
        return reply.redirect(`/staff/admin/users/${userIdOf(request)}?saved=1`, 303)
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
      const { temporaryPassword } = await resetPassword(deps, staffOf(request), userIdOf(request))
      return userForm(deps, request, reply, userIdOf(request), undefined, { temporaryPassword })
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
      await resetTwoFactor(deps, staffOf(request), userIdOf(request))
      return reply.redirect(`/staff/admin/users/${userIdOf(request)}?twoFactorReset=1`, 303)
    },
  })
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
  extra: Record<string, unknown> = {},
) {
  const user = userId ? await getUserForAdmin(deps.pool, staffOf(request), userId) : null
  if (userId && !user) throw new DomainError('not-found', `no user ${userId}`)
  const posted = request.method === 'POST' && !extra.temporaryPassword ? request.body : null
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
      locked: user?.lockedUntil ? user.lockedUntil > deps.clock.now() : false,
      banner: q.created
        ? 'created'
        : q.saved
          ? 'saved'
          : q.unlocked
            ? 'unlocked'
            : q.twoFactorReset
              ? 'twoFactorReset'
              : null,
      errors,
      ...extra,
    },
    errors ? 400 : 200,
  )
}
