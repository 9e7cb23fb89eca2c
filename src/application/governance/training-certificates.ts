import { randomUUID } from 'node:crypto'
import { DomainError, applies, isValidLocalDate, localDateInLondon } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { auditActorId, type Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { checkStaffUpload, type UploadedFile } from '../casework/staff-upload.js'
import type { AppDeps } from '../deps.js'
import { storeDocumentIn } from '../store-document.js'
import { findPerson, isUuid } from './training-people.js'
import { loadTrainingTypes } from './training.js'

/** What a certificate may be: what e-learning systems and scanners produce, and nothing that can carry code. */
export const CERTIFICATE_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg']

const WRONG_TYPE = 'The certificate must be a PDF, PNG or JPEG file'

/**
 * Records that someone completed a training, with its certificate if there is one (seed 002: "staff must provide a
 * copy of the certificate to the Office & Data Protection Manager for their training record"). Everything is checked
 * before anything is written, and the certificate and the completion are stored in one transaction: a refused date or
 * file leaves nothing behind.
 */
export async function recordCompletion(
  deps: AppDeps,
  actor: Actor,
  input: { personId: string; typeId: string; completedOn: string; certificate?: UploadedFile },
): Promise<string> {
  requirePermission(actor, 'training:manage')
  const person = await findPerson(deps.pool, input.personId)
  if (!person) throw new DomainError('not-found', `no training person ${input.personId}`)
  const types = (await loadTrainingTypes(deps.pool)).filter((t) => applies(t, person))
  const fields: Record<string, string> = {}
  if (!types.some((t) => t.id === input.typeId)) fields.typeId = 'Select the training they completed'
  const today = localDateInLondon(deps.clock.now())
  if (input.completedOn === '') fields.completedOn = 'Enter the date they completed the training'
  else if (!isValidLocalDate(input.completedOn)) fields.completedOn = 'The date they completed it must be a real date'
  else if (input.completedOn > today) fields.completedOn = 'The date they completed it must be today or in the past'
  let contentType: string | null = null
  if (input.certificate) {
    // Judged by the bytes alone (the name and the browser's type are the sender's choice); PDFs with scripts refused.
    const check = await checkStaffUpload(input.certificate, { scanner: deps.virusScanner })
    if (!check.ok) fields.certificate = check.problem === 'wrong-type' ? WRONG_TYPE : check.message
    else if (!CERTIFICATE_TYPES.includes(check.contentType)) fields.certificate = WRONG_TYPE
    else contentType = check.contentType
  }
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid training completion', { fields })
  const id = randomUUID()
  let storedKey: string | null = null
  try {
    await withTransaction(deps.pool, async (tx) => {
      const doc =
        input.certificate && contentType
          ? await storeDocumentIn(tx, deps, actor, {
              caseId: null,
              kind: 'certificate',
              filename: input.certificate.filename,
              contentType,
              bytes: input.certificate.bytes,
            })
          : null
      storedKey = doc?.storageKey ?? null
      await tx.query(
        `INSERT INTO training_completions (id, person_id, type_id, completed_on, certificate_document_id, recorded_by)
       VALUES ($1,$2,$3,$4,$5,$6)`,
        [id, person.id, input.typeId, input.completedOn, doc?.id ?? null, auditActorId(actor)],
      )
      await appendAudit(tx, [
        {
          caseId: null,
          actorId: auditActorId(actor),
          occurredAt: deps.clock.now(),
          command: 'RecordTrainingCompletion',
          eventType: 'TrainingCompleted',
          payload: {
            personId: person.id,
            typeId: input.typeId,
            completedOn: input.completedOn,
            certificateDocumentId: doc?.id ?? null,
          },
        },
      ])
    })
  } catch (error) {
    // The blob is written before the rows; if the rows are rolled back, the file must go too (nothing half-stored).
    if (storedKey) await deps.blobs.delete(storedKey).catch(() => undefined)
    throw error
  }
  return id
}

/**
 * Opens a certificate held on someone's training record. It must belong to that person (an id from elsewhere is
 * "not found"), and every opening is audited, as for case documents (DESIGN §3: views of personal data).
 */
export async function openCertificate(deps: AppDeps, actor: Actor, personId: string, documentId: string) {
  requirePermission(actor, 'training:manage')
  if (!isUuid(personId) || !isUuid(documentId)) throw new DomainError('not-found', `no certificate ${documentId}`)
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query(
      `SELECT d.filename, d.content_type, d.storage_key, d.kind FROM training_completions c
         JOIN documents d ON d.id = c.certificate_document_id
        WHERE c.person_id = $1 AND d.id = $2 AND d.kind = 'certificate' LIMIT 1`,
      [personId, documentId],
    )
    const doc = r.rows[0]
    if (!doc?.storage_key) throw new DomainError('not-found', `no certificate ${documentId} for ${personId}`)
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'OpenDocument',
        eventType: 'DocumentViewed',
        payload: { documentId, filename: doc.filename, kind: doc.kind, personId },
      },
    ])
    return {
      bytes: await deps.blobs.get(doc.storage_key),
      filename: String(doc.filename),
      contentType: String(doc.content_type),
    }
  })
}
