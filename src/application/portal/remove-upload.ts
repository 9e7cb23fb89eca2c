import { withTransaction } from '../../persistence/db.js'
import { markPurged } from '../../persistence/repositories/document-repository.js'
import { auditActorId, type Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'
import { BLOB_DELETE_QUEUE } from '../purge-documents.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Removes a file the requester uploaded earlier in their journey and no longer wants sent. Only their own upload,
 * and only before the request is submitted; the bytes are deleted (by a job queued in the same transaction) and
 * the row stays as the record that something was held and removed.
 */
export async function removeUpload(deps: AppDeps, actor: Actor, documentId: string): Promise<boolean> {
  if (!UUID.test(documentId)) return false
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query<{ id: string }>(
      `SELECT id FROM documents WHERE id = $1 AND case_id IS NULL AND purged_at IS NULL AND uploaded_by = $2 FOR UPDATE`,
      [documentId, auditActorId(actor)],
    )
    if (r.rows.length === 0) return false
    const keys = await markPurged(tx, [documentId], 'Removed by the requester before sending', deps.clock.now())
    await deps.jobs.enqueue(tx, BLOB_DELETE_QUEUE, { keys })
    return true
  })
}
