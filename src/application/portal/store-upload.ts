import { withTransaction, type Tx } from '../../persistence/db.js'
import type { DocumentKind } from '../../persistence/repositories/document-repository.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'
import { withExtension } from '../file-name.js'
import { storeDocumentIn } from '../store-document.js'
import { checkUpload, type UploadProblem } from './check-upload.js'

export interface ReceivedFile {
  filename: string
  bytes: Uint8Array
  /** The web layer stopped reading at the size limit. */
  truncated: boolean
}

export type StoredUpload =
  | { ok: true; documentId: string; filename: string; contentType: string; size: number }
  | { ok: false; problem: UploadProblem }

/**
 * Checks a file by its content and, only if it passes, stores it encrypted (AES-256-GCM blob store). A refused file
 * leaves nothing: no row, no blob. `caseId` is null for uploads made before the case exists (the request journey);
 * they are attached on submit, or purged if the journey is abandoned (purgeStaleIdentityDocuments).
 */
export async function storeUpload(
  deps: AppDeps,
  actor: Actor,
  file: ReceivedFile,
  target: { caseId: string | null; kind: DocumentKind },
): Promise<StoredUpload> {
  return withTransaction(deps.pool, (tx) => storeUploadIn(tx, deps, actor, file, target))
}

export async function storeUploadIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  file: ReceivedFile,
  target: { caseId: string | null; kind: DocumentKind },
): Promise<StoredUpload> {
  const check = await checkUpload(file.bytes, { truncated: file.truncated, scanner: deps.virusScanner })
  if (!check.ok) return check
  const record = await storeDocumentIn(tx, deps, actor, {
    caseId: target.caseId,
    kind: target.kind,
    filename: withExtension(file.filename, check.extension),
    contentType: check.contentType,
    bytes: file.bytes,
  })
  return {
    ok: true,
    documentId: record.id,
    filename: record.filename,
    contentType: record.contentType,
    size: record.size,
  }
}

export { withExtension }
