import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import { readSettings, writeSetting, type CaseworkSettings, type SettingKey } from '../casework/settings.js'
import type { AppDeps } from '../deps.js'
import { proposeIn } from './admin-changes/propose.js'

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/**
 * Saves settings an administrator changed; the audit record keeps the old and new values. Who must use a second
 * factor is a security setting: an administrator only proposes a change to it, and a second one approves (issue 11).
 * The system (seed, operator commands) sets it directly.
 */
export async function updateSettings(
  deps: AppDeps,
  actor: Actor,
  changes: Partial<CaseworkSettings>,
): Promise<{ pendingChangeId: string | null }> {
  requirePermission(actor, 'settings:admin')
  return withTransaction(deps.pool, async (tx) => {
    const before = await readSettings(tx)
    const { totpRequiredRoles, ...rest } = changes
    const direct: Partial<CaseworkSettings> = { ...rest }
    let pendingChangeId: string | null = null
    if (totpRequiredRoles && !sameSet(totpRequiredRoles, before.totpRequiredRoles)) {
      if (actor.kind === 'user') {
        pendingChangeId = (
          await proposeIn(tx, deps, actor, {
            kind: 'security-settings',
            before: { totpRequiredRoles: before.totpRequiredRoles },
            after: { totpRequiredRoles },
          })
        ).changeId
      } else direct.totpRequiredRoles = totpRequiredRoles
    }
    const keys = Object.keys(direct) as SettingKey[]
    if (keys.length === 0) return { pendingChangeId }
    const now = deps.clock.now()
    for (const key of keys) await writeSetting(tx, key, direct[key], `user:${actor.id}`, now)
    await recordAudit(tx, deps, actor, {
      command: 'UpdateSettings',
      eventType: 'SettingsChanged',
      payload: { keys, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: direct },
    })
    return { pendingChangeId }
  })
}
