import { localDateInLondon } from '../domain/index.js'
import {
  listCases as queryCases,
  type CaseFilter,
  type CaseRowSummary,
} from '../persistence/repositories/case-repository.js'
import { appendAudit } from '../persistence/audit-log.js'
import { withTransaction } from '../persistence/db.js'
import { auditActorId, type Actor } from './actor.js'
import { requirePermission, seesAllCases } from './authorise.js'
import type { AppDeps } from './deps.js'
import { personQuery } from './casework/person-keys.js'
import { queueContext, type QueueId } from './casework/work-queues.js'

export interface CaseListQuery {
  status?: string[]
  right?: string[]
  caseType?: string[]
  controllerId?: string
  dueBefore?: string
  overdue?: boolean
  assigneeId?: string
  search?: string
  open?: boolean
  /** One of the staff home's work queues (issue 14). */
  queue?: QueueId
  limit?: number
  offset?: number
}

/** Lists cases the actor may see (their controllers only), filtered; the list is audited as a view. */
export async function listCases(
  deps: AppDeps,
  actor: Actor,
  q: CaseListQuery,
): Promise<{ total: number; rows: CaseRowSummary[] }> {
  requirePermission(actor, 'case:view')
  const today = localDateInLondon(deps.clock.now())
  let controllerIds = actor.controllerIds === null ? undefined : [...actor.controllerIds]
  if (q.controllerId)
    controllerIds = controllerIds ? controllerIds.filter((c) => c === q.controllerId) : [q.controllerId]
  const filter: CaseFilter = {
    status: q.status,
    right: q.right,
    caseType: q.caseType,
    controllerIds,
    dueBefore: q.dueBefore,
    overdueAsOf: q.overdue ? today : undefined,
    assigneeId: q.assigneeId,
    search: q.search ? personQuery(q.search) : undefined,
    open: q.open,
    // A copy recipient lists only what was copied or assigned to them (roles: case:view without case:view-all).
    visibleToUserId: seesAllCases(actor) ? undefined : actor.id,
    queue: q.queue ? { id: q.queue, context: queueContext(deps, actor) } : undefined,
    limit: Math.min(Math.max(q.limit ?? 50, 1), 500),
    offset: Math.max(q.offset ?? 0, 0),
  }
  return withTransaction(deps.pool, async (tx) => {
    const result = await queryCases(tx, filter)
    const payload = { query: q, returned: result.rows.map((r) => r.reference) }
    const entry = { caseId: null, actorId: auditActorId(actor), occurredAt: deps.clock.now(), payload }
    await appendAudit(tx, [{ ...entry, command: 'ListCases', eventType: 'CasesListed' }])
    return result
  })
}
