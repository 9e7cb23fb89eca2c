import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { findDocument } from '../../persistence/repositories/document-repository.js'
import type { AppDeps } from '../deps.js'
import { isReleased } from './follow-case.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface Download {
  filename: string
  contentType: string
  bytes: Buffer
}

/**
 * A file the office has released to the requester, for the case they are signed in to follow and no other. Anything
 * else (another case's file, an unreleased draft, an identity copy) is "not found". Each download is audited.
 */
export async function downloadReleasedDocument(
  deps: AppDeps,
  caseId: string,
  documentId: string,
): Promise<Download | null> {
  if (!UUID.test(documentId)) return null
  return withTransaction(deps.pool, async (tx) => {
    const doc = await findDocument(tx, documentId)
    if (!doc || doc.caseId !== caseId || !isReleased(doc) || !doc.storageKey) return null
    const bytes = await deps.blobs.get(doc.storageKey)
    await appendAudit(tx, [
      {
        caseId,
        actorId: `public:${caseId}`,
        occurredAt: deps.clock.now(),
        command: 'DownloadReleasedDocument',
        eventType: 'DocumentDownloadedByRequester',
        payload: { documentId: doc.id, filename: doc.filename },
      },
    ])
    return { filename: doc.filename, contentType: doc.contentType, bytes }
  })
}
