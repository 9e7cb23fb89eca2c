import { withTransaction } from '../persistence/db.js'
import { markPurged } from '../persistence/repositories/document-repository.js'
import type { AppDeps } from './deps.js'
import { purgeCaseDocumentsIn } from './purge-documents.js'

/**
 * Deletes identity document copies that were never used to verify anyone within the configured period
 * (e.g. a request abandoned before verification), so they never outlive their purpose (UK GDPR Art 5(1)(e)).
 */
export async function purgeStaleIdentityDocuments(deps: AppDeps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.identityDocumentMaxDays * 86_400_000)
  const stale = await deps.pool.query<{ case_id: string | null; id: string }>(
    `SELECT case_id, id FROM documents WHERE kind = 'identity' AND purged_at IS NULL AND created_at < $1`,
    [cutoff],
  )
  let purged = 0
  const caseIds = [...new Set(stale.rows.map((r) => r.case_id).filter((c): c is string => c !== null))]
  const reason = `Identity not verified within ${deps.identityDocumentMaxDays} days: copies deleted`
  for (const caseId of caseIds) {
    purged += await withTransaction(deps.pool, (tx) =>
      purgeCaseDocumentsIn(tx, deps, { caseId, kinds: ['identity'], reason, actorId: 'system' }),
    )
  }
  // Uploads never attached to a case (a portal form abandoned before submitting) go the same way.
  const orphans = stale.rows.filter((r) => r.case_id === null).map((r) => r.id)
  if (orphans.length) {
    purged += await withTransaction(deps.pool, async (tx) => {
      const keys = await markPurged(tx, orphans, reason, deps.clock.now())
      await deps.jobs.enqueue(tx, 'blob-delete', { keys })
      return orphans.length
    })
  }
  return purged
}
