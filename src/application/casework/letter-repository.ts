import type { Outcome } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import type { LetterTemplateId } from '../../notifications/letters.js'

export interface LetterRecord {
  id: string
  caseId: string
  template: LetterTemplateId
  version: number
  subject: string
  body: string
  createdBy: string
  createdAt: Date
  pdfDocumentId: string | null
  outcome: Outcome | null
  exemptionCodes: string[]
  attachmentDocumentIds: string[]
  sentAt: Date | null
}

function toLetter(r: Record<string, unknown>): LetterRecord {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    template: r.template as LetterTemplateId,
    version: Number(r.version),
    subject: String(r.subject),
    body: String(r.body),
    createdBy: String(r.created_by),
    createdAt: r.created_at as Date,
    pdfDocumentId: (r.pdf_document_id as string | null) ?? null,
    outcome: (r.outcome as Outcome | null) ?? null,
    exemptionCodes: (r.exemption_codes as string[]) ?? [],
    attachmentDocumentIds: (r.attachment_document_ids as string[]) ?? [],
    sentAt: (r.sent_at as Date | null) ?? null,
  }
}

export async function findLetter(db: Queryable, caseId: string, id: string): Promise<LetterRecord | null> {
  const r = await db.query('SELECT * FROM letters WHERE id = $1 AND case_id = $2', [id, caseId])
  return r.rows[0] ? toLetter(r.rows[0]) : null
}

export async function listLetters(db: Queryable, caseId: string): Promise<LetterRecord[]> {
  const r = await db.query('SELECT * FROM letters WHERE case_id = $1 ORDER BY version DESC', [caseId])
  return r.rows.map(toLetter)
}

export async function insertLetter(db: Queryable, l: Omit<LetterRecord, 'createdAt' | 'sentAt' | 'pdfDocumentId'>) {
  await db.query(
    `INSERT INTO letters (id, case_id, template, version, subject, body, created_by, outcome, exemption_codes,
       attachment_document_ids) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      l.id,
      l.caseId,
      l.template,
      l.version,
      l.subject,
      l.body,
      l.createdBy,
      l.outcome,
      JSON.stringify(l.exemptionCodes),
      l.attachmentDocumentIds,
    ],
  )
}
