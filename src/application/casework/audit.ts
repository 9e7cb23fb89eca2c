import type { Queryable } from '../../persistence/db.js'
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
  await appendAudit(db, [
    {
      caseId: entry.caseId ?? null,
      actorId: typeof actor === 'string' ? actor : auditActorId(actor),
      occurredAt: deps.clock.now(),
      command: entry.command,
      eventType: entry.eventType,
      payload: entry.payload,
    },
  ])
}
