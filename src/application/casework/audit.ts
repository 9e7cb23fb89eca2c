import pg from 'pg'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { auditActorId, type Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'

/** One audit record for something that is not a case event (a view, a sign-in, a task, a setting). */
export async function recordAudit(
  db: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  actor: Actor | string,
  entry: { command: string; eventType: string; payload: unknown; caseId?: string | null },
): Promise<void> {
  const rows = [
    {
      caseId: entry.caseId ?? null,
      actorId: typeof actor === 'string' ? actor : auditActorId(actor),
      occurredAt: deps.clock.now(),
      command: entry.command,
      eventType: entry.eventType,
      payload: entry.payload,
    },
  ]
  // The chain's head is locked until commit: given the pool itself (no transaction), the lock would end with the
  // SELECT and two requests at once could take the same sequence number (a 500, found by issue 11's parallel route
  // matrix). Append in a transaction of its own then.
  if (db instanceof pg.Pool) await withTransaction(db, (tx) => appendAudit(tx, rows))
  else await appendAudit(db, rows)
}
