import type { Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { accountBlockedUntil } from './throttle.js'

export interface UserSummary {
  id: string
  email: string
  name: string
  roles: string[]
  controllerIds: string[]
  team: string | null
  disabled: boolean
  /** Signing in to this account is paused after too many misses (throttle.ts), until then. */
  signInPausedUntil: Date | null
  twoFactor: boolean
  mustChangePassword: boolean
  lastSignInAt: Date | null
}

/** Every account, for administrators. Password hashes and second-factor secrets never leave the database. */
/** Every account; with `now`, whether signing in to each is paused (the admin pages). */
export async function listUsersForAdmin(db: Queryable, actor: Actor, now?: Date): Promise<UserSummary[]> {
  requirePermission(actor, 'user:admin')
  return queryUsers(db, now, '')
}

export async function getUserForAdmin(db: Queryable, actor: Actor, id: string, now: Date): Promise<UserSummary | null> {
  requirePermission(actor, 'user:admin')
  return (await queryUsers(db, now, 'WHERE id = $1', [id]))[0] ?? null
}

async function queryUsers(
  db: Queryable,
  now: Date | undefined,
  where: string,
  values: unknown[] = [],
): Promise<UserSummary[]> {
  const r = await db.query<Record<string, unknown>>(
    `SELECT id, email, name, roles, controller_ids, team, disabled, totp_secret IS NOT NULL AS two_factor,
       must_change_password, last_sign_in_at FROM users ${where} ORDER BY name`,
    values,
  )
  const summaries = r.rows.map((u) => ({
    id: String(u.id),
    email: String(u.email),
    name: String(u.name),
    roles: u.roles as string[],
    controllerIds: u.controller_ids as string[],
    team: (u.team as string | null) ?? null,
    disabled: u.disabled === true,
    signInPausedUntil: null as Date | null,
    twoFactor: u.two_factor === true,
    mustChangePassword: u.must_change_password === true,
    lastSignInAt: (u.last_sign_in_at as Date | null) ?? null,
  }))
  if (now) for (const s of summaries) s.signInPausedUntil = await accountBlockedUntil(db, s.email, now)
  return summaries
}
