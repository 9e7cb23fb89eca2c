import type { Tx } from '../persistence/db.js'
import { appendAudit } from '../persistence/audit-log.js'
import { markPurged, type DocumentKind } from '../persistence/repositories/document-repository.js'
import type { AppDeps } from './deps.js'

export const BLOB_DELETE_QUEUE = 'blob-delete'

/**
 * Purges a case's documents of the given kinds in the caller's transaction: the rows keep a record of
 * what was held, the storage keys go, and the blobs are deleted by a job queued in the same transaction
 * (so a rollback deletes nothing, and a commit always leads to deletion). Seed 002: the office records
 * which identity documents it saw but never keeps copies.
 */
export async function purgeCaseDocumentsIn(
  tx: Tx,
  deps: AppDeps,
  input: { caseId: string; kinds: readonly DocumentKind[]; reason: string; actorId: string },
): Promise<number> {
  const ids = await tx.query<{ id: string }>(
    'SELECT id FROM documents WHERE case_id = $1 AND kind = ANY($2) AND purged_at IS NULL',
    [input.caseId, input.kinds],
  )
  const documentIds = ids.rows.map((r) => r.id)
  if (documentIds.length === 0) return 0
  const now = deps.clock.now()
  const keys = await markPurged(tx, documentIds, input.reason, now)
  await appendAudit(tx, [
    {
      caseId: input.caseId,
      actorId: input.actorId,
      occurredAt: now,
      command: 'PurgeDocuments',
      eventType: 'DocumentsPurged',
      payload: { documentIds, kinds: input.kinds, reason: input.reason },
    },
  ])
  await deps.jobs.enqueue(tx, BLOB_DELETE_QUEUE, { keys })
  return documentIds.length
}
