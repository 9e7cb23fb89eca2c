import { DomainError, ROLES } from '../../domain/index.js'
import type { Role } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { proposeIn } from './admin-changes/propose.js'

export interface UserChanges {
  name: string
  roles: Role[]
  controllerIds: string[]
  team: string | null
  disabled: boolean
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/**
 * An administrator changes someone's name or team, or disables the account, at once (disabling must not wait: a
 * leaver, a stolen laptop). A change of roles or organisations is only proposed: a second administrator approves it
 * (issue 11), and nobody can propose one for their own account.
 */
export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  changes: UserChanges,
): Promise<{ pendingChangeId: string | null }> {
  requirePermission(actor, 'user:admin')
  const fields: Record<string, string> = {}
  if (changes.name.trim() === '') fields.name = 'Enter the person’s name'
  if (changes.roles.length === 0 || changes.roles.some((r) => !ROLES.includes(r)))
    fields.roles = 'Choose at least one role'
  if (changes.controllerIds.length === 0) fields.controllerIds = 'Choose at least one organisation'
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid user changes', { fields })
  return withTransaction(deps.pool, async (tx) => {
    const before = await findUserById(tx, userId)
    if (!before) throw new DomainError('not-found', `no user ${userId}`)
    const accessChanged = !sameSet(before.roles, changes.roles) || !sameSet(before.controllerIds, changes.controllerIds)
    if (userId === actor.id && (accessChanged || changes.disabled)) {
      throw new DomainError('validation', 'own access', {
        fields: {
          roles:
            'You cannot change your own roles or organisations, or disable your own account: ask another administrator',
        },
      })
    }
    for (const c of changes.controllerIds) {
      if (!(await findController(tx, c)))
        throw new DomainError('validation', `unknown controller ${c}`, { fields: { controllerIds: `No ${c}` } })
    }
    const team = changes.team?.trim() || null
    const row = await tx.query<{ team: string | null }>('SELECT team FROM users WHERE id = $1', [userId])
    const detailsChanged =
      before.name !== changes.name.trim() ||
      (row.rows[0]?.team ?? null) !== team ||
      before.disabled !== changes.disabled
    if (detailsChanged) {
      await tx.query('UPDATE users SET name = $2, team = $3, disabled = $4 WHERE id = $1', [
        userId,
        changes.name.trim(),
        team,
        changes.disabled,
      ])
      // A disabled account loses its sessions at once, not when they time out.
      if (changes.disabled) await tx.query('DELETE FROM web_sessions WHERE user_id = $1', [userId])
      await recordAudit(tx, deps, actor, {
        command: 'UpdateUser',
        eventType: 'UserUpdated',
        payload: {
          userId,
          before: { name: before.name, disabled: before.disabled },
          after: { name: changes.name.trim(), disabled: changes.disabled, team },
        },
      })
    }
    if (!accessChanged) return { pendingChangeId: null }
    const { changeId } = await proposeIn(tx, deps, actor, {
      kind: 'grant-access',
      targetUserId: userId,
      before: { roles: before.roles as Role[], controllerIds: before.controllerIds },
      after: { roles: changes.roles, controllerIds: changes.controllerIds },
    })
    return { pendingChangeId: changeId }
  })
}
