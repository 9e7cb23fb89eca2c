import type { Queryable } from '../../../../persistence/db.js'

/**
 * Read-only views of the legal holds for the governance pages (disposal lists: application/governance/disposal-views).
 * Writing goes through the application layer (src/application/governance/*), which checks permissions and keeps the
 * audit trail.
 */

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface HoldRow {
  caseId: string
  reference: string
  controllerId: string
  reason: string
  placedBy: string
  placedAt: Date
}

/** Holds still standing, newest first; limited to the controllers the officer works for (null: all of them). */
export async function activeHolds(db: Queryable, controllerIds: readonly string[] | null): Promise<HoldRow[]> {
  const r = await db.query<{
    case_id: string
    reference: string
    controller_id: string
    reason: string
    placed_by: string
    placed_at: Date
  }>(
    `SELECT h.case_id, c.reference, c.controller_id, h.reason, h.placed_by, h.placed_at
     FROM legal_holds h JOIN cases c ON c.id = h.case_id
     WHERE h.lifted_at IS NULL AND ($1::text[] IS NULL OR c.controller_id = ANY($1::text[]))
     ORDER BY h.placed_at DESC`,
    [controllerIds],
  )
  return r.rows.map((x) => ({
    caseId: x.case_id,
    reference: x.reference,
    controllerId: x.controller_id,
    reason: x.reason,
    placedBy: x.placed_by,
    placedAt: x.placed_at,
  }))
}

/** The hold standing on one case, if any. */
export async function activeHoldOn(
  db: Queryable,
  caseId: string,
): Promise<{ reason: string; placedBy: string; placedAt: Date } | null> {
  if (!UUID_PATTERN.test(caseId)) return null
  const r = await db.query<{ reason: string; placed_by: string; placed_at: Date }>(
    'SELECT reason, placed_by, placed_at FROM legal_holds WHERE case_id = $1 AND lifted_at IS NULL ORDER BY placed_at DESC LIMIT 1',
    [caseId],
  )
  const x = r.rows[0]
  return x ? { reason: x.reason, placedBy: x.placed_by, placedAt: x.placed_at } : null
}
