import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findDocument, type DocumentKind } from '../../persistence/repositories/document-repository.js'
import type { Actor } from '../actor.js'
import { requireAnyPermission, requirePermission } from '../authorise.js'
import { caseInScope, viewableCase } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { storeDocumentIn } from '../store-document.js'
import { recordAudit } from './audit.js'
import { checkStaffUpload, type UploadedFile } from './staff-upload.js'

/** Kinds staff may add by hand; identity copies arrive through the portal or are seen, never kept (seed 002). */
export const STAFF_DOCUMENT_KINDS = ['original-request', 'correspondence', 'material', 'response', 'authority'] as const
export type StaffDocumentKind = (typeof STAFF_DOCUMENT_KINDS)[number]

/** Opens a file held for a case. Every opening is an audit event (DESIGN §3: views of personal data). */
export async function openCaseDocument(deps: AppDeps, actor: Actor, caseId: string, documentId: string) {
  requirePermission(actor, 'case:view')
  return withTransaction(deps.pool, async (tx) => {
    const state = await viewableCase(tx, actor, caseId)
    const doc = await findDocument(tx, documentId)
    if (!doc || doc.caseId !== state.id) throw new DomainError('not-found', `no document ${documentId}`)
    if (!doc.storageKey) throw new DomainError('not-found', `document ${documentId} was deleted: ${doc.purgeReason}`)
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'OpenDocument',
      eventType: 'DocumentViewed',
      payload: { documentId, filename: doc.filename, kind: doc.kind },
    })
    return { bytes: await deps.blobs.get(doc.storageKey), filename: doc.filename, contentType: doc.contentType }
  })
}

/** Adds a file to a case (the original request, correspondence, material found, a disclosure PDF). */
export async function addCaseDocument(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: { kind: DocumentKind; file: UploadedFile },
) {
  requireAnyPermission(actor, ['case:work', 'case:log'])
  if (!(STAFF_DOCUMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw new DomainError('validation', `kind ${input.kind}`, { fields: { kind: 'Choose what the file is' } })
  }
  const check = await checkStaffUpload(input.file, { scanner: deps.virusScanner })
  if (!check.ok) throw new DomainError('validation', check.problem, { fields: { file: check.message } })
  return withTransaction(deps.pool, async (tx) => {
    await caseInScope(tx, actor, caseId)
    return storeDocumentIn(tx, deps, actor, {
      caseId,
      kind: input.kind,
      filename: input.file.filename,
      contentType: check.contentType,
      bytes: input.file.bytes,
    })
  })
}
