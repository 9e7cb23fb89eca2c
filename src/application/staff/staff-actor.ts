import type { Role } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import type { Actor } from '../actor.js'

export interface StaffMember extends Actor {
  email: string
  mustChangePassword: boolean
}

/** The signed-in member of staff behind a session, re-read every request so a disabled account stops at once. */
export async function staffActor(db: Queryable, userId: string): Promise<StaffMember | null> {
  const user = await findUserById(db, userId)
  if (!user || user.disabled) return null
  const flags = await db.query<{ must_change_password: boolean }>(
    'SELECT must_change_password FROM users WHERE id = $1',
    [userId],
  )
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles as Role[],
    controllerIds: user.controllerIds,
    mustChangePassword: flags.rows[0]?.must_change_password ?? false,
  }
}
