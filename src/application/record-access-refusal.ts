import type { Queryable } from '../persistence/db.js'
import { withTransaction } from '../persistence/db.js'
import { appendAudit, type AuditEntry } from '../persistence/audit-log.js'
import type { RefusalReason } from './access-refusal.js'
import { auditActorId, type Actor } from './actor.js'
import type { AppDeps } from './deps.js'

/** A refused request by a signed-in member of staff or an API token. */
export interface RefusedAttempt {
  actor: Actor
  /** Method and route pattern, e.g. "GET /staff/cases/:id": a scan over many ids is one route. */
  route: string
  /** The case asked for, when the route names one (as given: an id or a reference). */
  caseId: string | null
  reason: RefusalReason
  status: number
  via: 'staff' | 'api'
}

export const ACCESS_REFUSED = 'access.refused'
/** At most one event per actor and route in this time; refusals in between are counted, not recorded one by one. */
export const REFUSAL_WINDOW_MS = 60_000
const CASE_SAMPLE = 10

interface WindowRow {
  window_start: Date
  folded: number
  first_folded_at: Date | null
  last_folded_at: Date | null
  case_ids: string[]
}

/**
 * Audits a refused access attempt (issue 11), rate-limited so a scan cannot flood the trail: the first refusal of
 * an actor on a route in a minute is an `access.refused` event; the rest of that minute only add to a count, which
 * the next event for the same actor and route (or the summary written before each checkpoint) carries. Each event's
 * `count` is how many refused requests it stands for, so the counts always add up to every refusal.
 */
export async function recordAccessRefusal(deps: Pick<AppDeps, 'pool' | 'clock'>, attempt: RefusedAttempt) {
  const actorId = auditActorId(attempt.actor)
  const now = deps.clock.now()
  return withTransaction(deps.pool, async (tx) => {
    await tx.query(
      `INSERT INTO access_refusals (actor_id, route, window_start) VALUES ($1, $2, to_timestamp(0))
       ON CONFLICT DO NOTHING`,
      [actorId, attempt.route],
    )
    const { rows } = await tx.query<WindowRow>(
      `SELECT window_start, folded, first_folded_at, last_folded_at, case_ids FROM access_refusals
       WHERE actor_id = $1 AND route = $2 FOR UPDATE`,
      [actorId, attempt.route],
    )
    const w = rows[0]!
    if (now.getTime() - w.window_start.getTime() < REFUSAL_WINDOW_MS) {
      await fold(tx, actorId, attempt, now)
      return 'folded' as const
    }
    const caseId = await existingCaseId(tx, attempt.caseId)
    const payload = {
      route: attempt.route,
      via: attempt.via,
      reason: attempt.reason,
      status: attempt.status,
      caseId: attempt.caseId,
      count: 1 + w.folded,
      ...(w.folded > 0 ? { earlier: { count: w.folded, ...earlierOf(w) } } : {}),
    }
    await appendAudit(tx, [entry(actorId, now, caseId, payload)])
    await tx.query(
      `UPDATE access_refusals SET window_start = $3, folded = 0, first_folded_at = NULL, last_folded_at = NULL,
         case_ids = '{}' WHERE actor_id = $1 AND route = $2`,
      [actorId, attempt.route, now],
    )
    return 'recorded' as const
  })
}

/**
 * Writes every count not yet in the trail as a summary `access.refused` event (one per actor and route). Run before
 * each checkpoint, so the checkpoint covers them, and at shutdown. Returns how many summaries were written.
 */
export async function flushAccessRefusals(deps: Pick<AppDeps, 'pool' | 'clock'>): Promise<number> {
  const now = deps.clock.now()
  return withTransaction(deps.pool, async (tx) => {
    const { rows } = await tx.query<WindowRow & { actor_id: string; route: string }>(
      `SELECT actor_id, route, window_start, folded, first_folded_at, last_folded_at, case_ids FROM access_refusals
       WHERE folded > 0 ORDER BY actor_id, route FOR UPDATE SKIP LOCKED`,
    )
    if (rows.length === 0) return 0
    await appendAudit(
      tx,
      rows.map((w) =>
        entry(w.actor_id, now, null, { route: w.route, summary: true, count: w.folded, ...earlierOf(w) }),
      ),
    )
    for (const w of rows)
      await tx.query(
        `UPDATE access_refusals SET folded = 0, first_folded_at = NULL, last_folded_at = NULL, case_ids = '{}'
         WHERE actor_id = $1 AND route = $2`,
        [w.actor_id, w.route],
      )
    return rows.length
  })
}

async function fold(tx: Queryable, actorId: string, attempt: RefusedAttempt, now: Date): Promise<void> {
  await tx.query(
    `UPDATE access_refusals SET folded = folded + 1, first_folded_at = coalesce(first_folded_at, $3),
       last_folded_at = $3,
       case_ids = CASE WHEN $4::text IS NULL OR $4::text = ANY(case_ids) OR cardinality(case_ids) >= $5
                       THEN case_ids ELSE array_append(case_ids, $4::text) END
     WHERE actor_id = $1 AND route = $2`,
    [actorId, attempt.route, now, attempt.caseId, CASE_SAMPLE],
  )
}

function earlierOf(w: WindowRow) {
  return {
    from: w.first_folded_at?.toISOString() ?? null,
    to: w.last_folded_at?.toISOString() ?? null,
    caseIds: w.case_ids,
  }
}

function entry(actorId: string, now: Date, caseId: string | null, payload: object): AuditEntry {
  return { caseId, actorId, occurredAt: now, command: 'RefuseAccess', eventType: ACCESS_REFUSED, payload }
}

/** The case column is set only for a case that exists (the id is the caller's, and may be anything). */
async function existingCaseId(tx: Queryable, given: string | null): Promise<string | null> {
  if (!given || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(given)) return null
  const { rowCount } = await tx.query('SELECT 1 FROM cases WHERE id = $1', [given])
  return rowCount ? given : null
}
