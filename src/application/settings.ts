import type { Queryable } from '../persistence/db.js'
import { appendAudit } from '../persistence/audit-log.js'

/** A deployment setting from the settings table, or the default when it was never set. */
export async function loadSetting<T>(db: Queryable, key: string, fallback: T): Promise<T> {
  const r = await db.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key])
  return r.rows[0]?.value ?? fallback
}

/** Saves a setting and audits the change (before and after) in the caller's transaction. */
export async function saveSettingIn(
  tx: Queryable,
  key: string,
  value: unknown,
  actorId: string,
  now: Date,
): Promise<void> {
  const before = await tx.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key])
  await tx.query(
    `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1,$2,$3,$4)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [key, JSON.stringify(value), actorId, now],
  )
  await appendAudit(tx, [
    {
      caseId: null,
      actorId,
      occurredAt: now,
      command: 'SaveSetting',
      eventType: 'SettingSaved',
      payload: { key, before: before.rows[0]?.value ?? null, after: value },
    },
  ])
}
