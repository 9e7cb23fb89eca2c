import type { Queryable } from '../../../persistence/db.js'
import type { Actor } from '../../actor.js'
import { requireAnyPermission } from '../../authorise.js'
import { describeChange } from './notify.js'
import { changeFromRow, targetOf, type AdminChange } from './types.js'

export interface AdminChangeView extends AdminChange {
  summary: string
  details: string[]
  proposedByName: string
  decidedByName: string | null
  /** Whether this viewer may approve it (not their own proposal, not about them, and they hold its organisations). */
  canApprove: boolean
  /** Whether this viewer may reject it, or withdraw it as its proposer. */
  canReject: boolean
}

/** Changes waiting for a second administrator, then the most recent decided ones, for the admin pages. */
export async function listAdminChanges(db: Queryable, actor: Actor, limit = 50): Promise<AdminChangeView[]> {
  requireAnyPermission(actor, ['user:admin', 'settings:admin'])
  const r = await db.query(
    `SELECT c.*, p.name AS proposed_by_name, d.name AS decided_by_name FROM admin_changes c
       JOIN users p ON p.id = c.proposed_by LEFT JOIN users d ON d.id = c.decided_by
     ORDER BY (c.status = 'pending') DESC, c.proposed_at DESC LIMIT $1`,
    [limit],
  )
  return Promise.all(
    r.rows.map(async (row: Record<string, unknown>) => {
      const change = changeFromRow(row)
      const holds = change.controllerIds.every((c) => actor.controllerIds?.includes(c) ?? true)
      const aboutMe = targetOf(change.request) === actor.id
      const pending = change.status === 'pending'
      const mine = change.proposedBy === actor.id
      return {
        ...change,
        ...(await describeChange(db, change.request)),
        proposedByName: String(row.proposed_by_name),
        decidedByName: (row.decided_by_name as string | null) ?? null,
        canApprove: pending && !mine && !aboutMe && holds,
        canReject: pending && (mine || (!aboutMe && holds)),
      }
    }),
  )
}

/** How many changes wait for this administrator's decision (shown on the admin pages). */
export async function pendingChangesFor(db: Queryable, actor: Actor): Promise<number> {
  const changes = await listAdminChanges(db, actor, 100)
  return changes.filter((c) => c.canApprove).length
}
