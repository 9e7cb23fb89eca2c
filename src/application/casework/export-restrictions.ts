import { exemptionByCode, type RestrictionRecord } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'

export interface RestrictionRow extends RestrictionRecord {
  caseId: string
  reference: string
  controllerId: string
  citation: string
  status: string
}

/**
 * DPA 2018 s.45(7): the controller "must make the record available to the Commissioner on request". Every Part 3
 * restriction on the actor's controllers' cases, one row each, oldest review date first. Exporting is audited.
 */
export async function exportRestrictions(deps: AppDeps, actor: Actor): Promise<RestrictionRow[]> {
  requirePermission(actor, 'case:refuse')
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query<{ id: string; state: CaseState }>(
      `SELECT id, state FROM cases
        WHERE jsonb_array_length(COALESCE(state->'restrictions', '[]'::jsonb)) > 0
          AND ($1::text[] IS NULL OR controller_id = ANY($1))
        ORDER BY reference`,
      [actor.controllerIds === null ? null : [...actor.controllerIds]],
    )
    const rows = r.rows.flatMap(({ id, state }) =>
      (state.restrictions ?? []).map((x) => ({
        ...x,
        caseId: id,
        reference: state.reference,
        controllerId: state.controllerId,
        citation: exemptionByCode(x.code)?.citation ?? x.code,
        status: state.status,
      })),
    )
    rows.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || a.reference.localeCompare(b.reference))
    await recordAudit(tx, deps, actor, {
      command: 'ExportRestrictions',
      eventType: 'RestrictionsExported',
      payload: { count: rows.length, references: [...new Set(rows.map((x) => x.reference))] },
    })
    return rows
  })
}
