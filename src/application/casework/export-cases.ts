import { localDateInLondon } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { listCases as queryCases, type CaseRowSummary } from '../../persistence/repositories/case-repository.js'
import type { Actor } from '../actor.js'
import { requirePermission, seesAllCases } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import type { CaseListQuery } from '../list-cases.js'
import { recordAudit } from './audit.js'
import { personQuery } from './person-keys.js'

/** The filtered case list as rows for a CSV file; an export is recorded like any other view (DESIGN §3). */
export async function exportCases(deps: AppDeps, actor: Actor, q: CaseListQuery): Promise<CaseRowSummary[]> {
  requirePermission(actor, 'case:view')
  const today = localDateInLondon(deps.clock.now())
  let controllerIds = actor.controllerIds === null ? undefined : [...actor.controllerIds]
  if (q.controllerId)
    controllerIds = controllerIds ? controllerIds.filter((c) => c === q.controllerId) : [q.controllerId]
  return withTransaction(deps.pool, async (tx) => {
    const { rows } = await queryCases(tx, {
      status: q.status,
      right: q.right,
      caseType: q.caseType,
      controllerIds,
      overdueAsOf: q.overdue ? today : undefined,
      assigneeId: q.assigneeId,
      search: q.search ? personQuery(q.search) : undefined,
      open: q.open,
      visibleToUserId: seesAllCases(actor) ? undefined : actor.id,
      limit: 10_000,
      offset: 0,
    })
    await recordAudit(tx, deps, actor, {
      command: 'ExportCases',
      eventType: 'CasesExported',
      payload: { query: q, count: rows.length, references: rows.map((r) => r.reference) },
    })
    return rows
  })
}
