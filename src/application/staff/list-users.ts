import type { Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'

export interface UserSummary {
  id: string
  email: string
  name: string
  roles: string[]
  controllerIds: string[]
  team: string | null
  disabled: boolean
  lockedUntil: Date | null
  twoFactor: boolean
  mustChangePassword: boolean
  lastSignInAt: Date | null
}

/** Every account, for administrators. Password hashes and second-factor secrets never leave the database. */
export async function listUsersForAdmin(db: Queryable, actor: Actor): Promise<UserSummary[]> {
  requirePermission(actor, 'user:admin')
  return queryUsers(db, '')
}

export async function getUserForAdmin(db: Queryable, actor: Actor, id: string): Promise<UserSummary | null> {
  requirePermission(actor, 'user:admin')
  return (await queryUsers(db, 'WHERE id = $1', [id]))[0] ?? null
}

async function queryUsers(db: Queryable, where: string, values: unknown[] = []): Promise<UserSummary[]> {
  const r = await db.query<Record<string, unknown>>(
    `SELECT id, email, name, roles, controller_ids, team, disabled, locked_until, totp_secret IS NOT NULL AS two_factor,
       must_change_password, last_sign_in_at FROM users ${where} ORDER BY name`,
    values,
  )
  return r.rows.map((u) => ({
    id: String(u.id),
    email: String(u.email),
    name: String(u.name),
    roles: u.roles as string[],
    controllerIds: u.controller_ids as string[],
    team: (u.team as string | null) ?? null,
    disabled: u.disabled === true,
    lockedUntil: (u.locked_until as Date | null) ?? null,
    twoFactor: u.two_factor === true,
    mustChangePassword: u.must_change_password === true,
    lastSignInAt: (u.last_sign_in_at as Date | null) ?? null,
  }))
}
