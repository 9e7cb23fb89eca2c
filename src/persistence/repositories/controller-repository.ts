import type { Queryable } from '../db.js'
import type { Controller } from '../../domain/index.js'

export async function upsertController(db: Queryable, c: Controller): Promise<void> {
  await db.query(
    `INSERT INTO controllers (id, name, short_name, kind, details) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, kind = EXCLUDED.kind,
       details = EXCLUDED.details`,
    [c.id, c.name, c.shortName, c.kind, JSON.stringify(c)],
  )
}

export async function listControllers(db: Queryable): Promise<Controller[]> {
  const r = await db.query<{ details: Controller }>('SELECT details FROM controllers ORDER BY name')
  return r.rows.map((row) => row.details)
}

export async function findController(db: Queryable, id: string): Promise<Controller | null> {
  const r = await db.query<{ details: Controller }>('SELECT details FROM controllers WHERE id = $1', [id])
  return r.rows[0]?.details ?? null
}

export async function listExtraHolidays(db: Queryable): Promise<string[]> {
  const r = await db.query<{ day: string }>('SELECT day FROM extra_holidays ORDER BY day')
  return r.rows.map((row) => row.day)
}
