import { createHash, randomUUID } from 'node:crypto'
import type { Tx } from '../persistence/db.js'
import { appendAudit } from '../persistence/audit-log.js'
import {
  insertDocument,
  type DocumentKind,
  type DocumentRecord,
} from '../persistence/repositories/document-repository.js'
import { auditActorId, type Actor } from './actor.js'
import { storedFilename } from './file-name.js'
import type { AppDeps } from './deps.js'

export interface NewDocument {
  caseId: string | null
  kind: DocumentKind
  filename: string
  contentType: string
  bytes: Uint8Array
}

/**
 * Stores a file encrypted in the blob store and records it, inside the caller's transaction. Content
 * must already have been checked (checkUpload). If the transaction fails the blob is removed again.
 */
export async function storeDocumentIn(tx: Tx, deps: AppDeps, actor: Actor, doc: NewDocument): Promise<DocumentRecord> {
  const storageKey = await deps.blobs.put(doc.bytes)
  try {
    const record = {
      id: randomUUID(),
      caseId: doc.caseId,
      kind: doc.kind,
      filename: storedFilename(doc.filename, doc.contentType),
      contentType: doc.contentType,
      size: doc.bytes.byteLength,
      sha256: createHash('sha256').update(doc.bytes).digest('hex'),
      storageKey,
      uploadedBy: auditActorId(actor),
    }
    await insertDocument(tx, record)
    const payload = { documentId: record.id, kind: record.kind, filename: record.filename, size: record.size }
    await appendAudit(tx, [
      {
        caseId: doc.caseId,
        actorId: record.uploadedBy,
        occurredAt: deps.clock.now(),
        command: 'StoreDocument',
        eventType: 'DocumentStored',
        payload,
      },
    ])
    return { ...record, createdAt: deps.clock.now(), purgedAt: null, purgeReason: null, releasedToRequesterAt: null }
  } catch (err) {
    await deps.blobs.delete(storageKey).catch(() => undefined)
    throw err
  }
}
