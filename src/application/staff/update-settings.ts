import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import { readSettings, writeSetting, type CaseworkSettings, type SettingKey } from '../casework/settings.js'
import type { AppDeps } from '../deps.js'

/** Saves settings an administrator changed; the audit record keeps the old and new values. */
export async function updateSettings(
  deps: AppDeps,
  actor: Actor,
  changes: Partial<CaseworkSettings>,
): Promise<CaseworkSettings> {
  requirePermission(actor, 'settings:admin')
  return withTransaction(deps.pool, async (tx) => {
    const before = await readSettings(tx)
    const now = deps.clock.now()
    for (const [key, value] of Object.entries(changes) as [SettingKey, unknown][]) {
      await writeSetting(tx, key, value, `user:${actor.id}`, now)
    }
    const keys = Object.keys(changes) as SettingKey[]
    await recordAudit(tx, deps, actor, {
      command: 'UpdateSettings',
      eventType: 'SettingsChanged',
      payload: { keys, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: changes },
    })
    return readSettings(tx)
  })
}
