import {
  CASE_EVENT_NAMES,
  DomainError,
  clockOf,
  describeEvent,
  localDateInLondon,
  waitingFor,
} from '../domain/index.js'
import type { CaseClock, CaseEvent, CaseState } from '../domain/index.js'
import { appendAudit } from '../persistence/audit-log.js'
import { withTransaction } from '../persistence/db.js'
import { findCase } from '../persistence/repositories/case-repository.js'
import { auditActorId, type Actor } from './actor.js'
import { requireController, requirePermission } from './authorise.js'
import type { AppDeps } from './deps.js'

const CASE_EVENT_TYPES = new Set<string>(CASE_EVENT_NAMES)

/** Plain words for a timeline row: domain events describe themselves; the rest are system records. */
export function describeAuditEvent(eventType: string, payload: unknown): string {
  if (payload === null) return `${eventType} (details removed under the retention schedule)`
  if (CASE_EVENT_TYPES.has(eventType)) return describeEvent(payload as CaseEvent)
  const p = payload as Record<string, unknown>
  switch (eventType) {
    case 'DocumentStored':
      return `Document added: ${String(p.filename)}`
    case 'DocumentsPurged': {
      const n = Array.isArray(p.documentIds) ? p.documentIds.length : 0
      return `${n} document ${n === 1 ? 'copy' : 'copies'} deleted. ${String(p.reason)}.`
    }
    default:
      return eventType.replace(/([a-z])([A-Z])/g, '$1 $2')
  }
}

export interface TimelineEntry {
  seq: number
  at: string
  actorId: string
  eventType: string
  description: string
}

export interface CaseView {
  state: CaseState
  clock: CaseClock
  waitingFor: string | null
  timeline: TimelineEntry[]
}

/**
 * Opens a case for a member of staff or an API client. Every view of personal data is itself an audit
 * event (DESIGN.md §3), written before the data is returned.
 */
export async function getCase(deps: AppDeps, actor: Actor, idOrReference: string): Promise<CaseView> {
  requirePermission(actor, 'case:view')
  return withTransaction(deps.pool, async (tx) => {
    const state = await findCase(tx, idOrReference)
    if (!state) throw new DomainError('not-found', `case ${idOrReference} not found`)
    requireController(actor, state.controllerId)
    const now = deps.clock.now()
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: auditActorId(actor),
        occurredAt: now,
        command: 'ViewCase',
        eventType: 'CaseViewed',
        payload: {},
      },
    ])
    const rows = await tx.query<{
      seq: string
      occurred_at: Date
      actor_id: string
      event_type: string
      payload: unknown
    }>(
      `SELECT seq, occurred_at, actor_id, event_type, payload FROM audit_events
       WHERE case_id = $1 AND event_type <> 'CaseViewed' ORDER BY seq`,
      [state.id],
    )
    const timeline = rows.rows.map((r) => ({
      seq: Number(r.seq),
      at: r.occurred_at.toISOString(),
      actorId: r.actor_id,
      eventType: r.event_type,
      description: r.payload
        ? describeEvent(r.payload as CaseEvent)
        : `${r.event_type} (details removed under the retention schedule)`,
    }))
    const clock = clockOf(state, deps.calendar, deps.clockSettings, localDateInLondon(now))
    return { state, clock, waitingFor: waitingFor(state), timeline }
  })
}
