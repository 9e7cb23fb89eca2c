import { DomainError, ROLES } from '../../domain/index.js'
import type { Role } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'

export interface UserChanges {
  name: string
  roles: Role[]
  controllerIds: string[]
  team: string | null
  disabled: boolean
}

/** An administrator changes someone's roles, controllers, team or disables the account (issue: admin). */
export async function updateUser(deps: AppDeps, actor: Actor, userId: string, changes: UserChanges): Promise<void> {
  requirePermission(actor, 'user:admin')
  const fields: Record<string, string> = {}
  if (changes.name.trim() === '') fields.name = 'Enter the person’s name'
  if (changes.roles.length === 0 || changes.roles.some((r) => !ROLES.includes(r)))
    fields.roles = 'Choose at least one role'
  if (changes.controllerIds.length === 0) fields.controllerIds = 'Choose at least one organisation'
  // Taking away your own admin rights or disabling yourself would lock the office out of its own settings.
  if (userId === actor.id && (changes.disabled || !changes.roles.includes('admin')))
    fields.roles = 'You cannot remove your own admin role or disable your own account'
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid user changes', { fields })
  await withTransaction(deps.pool, async (tx) => {
    const before = await findUserById(tx, userId)
    if (!before) throw new DomainError('not-found', `no user ${userId}`)
    for (const c of changes.controllerIds) {
      if (!(await findController(tx, c))) throw new DomainError('validation', `unknown controller ${c}`)
    }
    await tx.query(
      'UPDATE users SET name = $2, roles = $3, controller_ids = $4, team = $5, disabled = $6 WHERE id = $1',
      [
        userId,
        changes.name.trim(),
        changes.roles,
        changes.controllerIds,
        changes.team?.trim() || null,
        changes.disabled,
      ],
    )
    // A disabled account loses its sessions at once, not when they time out.
    if (changes.disabled) await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [userId])
    await recordAudit(tx, deps, actor, {
      command: 'UpdateUser',
      eventType: 'UserUpdated',
      payload: {
        userId,
        before: { roles: before.roles, controllerIds: before.controllerIds, disabled: before.disabled },
        after: {
          roles: changes.roles,
          controllerIds: changes.controllerIds,
          disabled: changes.disabled,
          team: changes.team,
        },
      },
    })
  })
}
