import type { Queryable } from '../db.js'

export type DocumentKind =
  | 'identity'
  | 'authority'
  | 'original-request'
  | 'correspondence'
  | 'material'
  | 'letter'
  | 'response'
  | 'bundle'
  | 'report'
  | 'certificate'

export interface DocumentRecord {
  id: string
  caseId: string | null
  kind: DocumentKind
  filename: string
  contentType: string
  size: number
  sha256: string | null
  storageKey: string | null
  uploadedBy: string
  releasedToRequesterAt: Date | null
  createdAt: Date
  purgedAt: Date | null
  purgeReason: string | null
}

function toDocument(r: Record<string, unknown>): DocumentRecord {
  return {
    id: String(r.id),
    caseId: (r.case_id as string | null) ?? null,
    kind: r.kind as DocumentKind,
    filename: String(r.filename),
    contentType: String(r.content_type),
    size: Number(r.size),
    sha256: (r.sha256 as string | null) ?? null,
    storageKey: (r.storage_key as string | null) ?? null,
    uploadedBy: String(r.uploaded_by),
    releasedToRequesterAt: (r.released_to_requester_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    purgedAt: (r.purged_at as Date | null) ?? null,
    purgeReason: (r.purge_reason as string | null) ?? null,
  }
}

export async function insertDocument(
  db: Queryable,
  d: Omit<DocumentRecord, 'createdAt' | 'purgedAt' | 'purgeReason' | 'releasedToRequesterAt'>,
) {
  await db.query(
    `INSERT INTO documents (id, case_id, kind, filename, content_type, size, sha256, storage_key, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [d.id, d.caseId, d.kind, d.filename, d.contentType, d.size, d.sha256, d.storageKey, d.uploadedBy],
  )
}

export async function findDocument(db: Queryable, id: string): Promise<DocumentRecord | null> {
  const r = await db.query('SELECT * FROM documents WHERE id = $1', [id])
  return r.rows[0] ? toDocument(r.rows[0]) : null
}

export async function listCaseDocuments(db: Queryable, caseId: string): Promise<DocumentRecord[]> {
  const r = await db.query('SELECT * FROM documents WHERE case_id = $1 ORDER BY created_at, id', [caseId])
  return r.rows.map(toDocument)
}

/** Attaches documents uploaded before their case existed (the portal uploads before submitting). */
export async function attachDocuments(db: Queryable, ids: readonly string[], caseId: string): Promise<void> {
  if (ids.length)
    await db.query('UPDATE documents SET case_id = $2 WHERE id = ANY($1::uuid[]) AND case_id IS NULL', [ids, caseId])
}

/**
 * Marks documents as purged and forgets their storage keys and hashes (the hash of an ID document is
 * still a fingerprint of it). Returns the keys whose blobs must now be deleted.
 */
export async function markPurged(db: Queryable, ids: readonly string[], reason: string, at: Date): Promise<string[]> {
  if (ids.length === 0) return []
  const r = await db.query<{ storage_key: string | null }>(
    `UPDATE documents d SET storage_key = NULL, sha256 = NULL, purged_at = $3, purge_reason = $2
     FROM (SELECT id, storage_key FROM documents WHERE id = ANY($1::uuid[]) AND purged_at IS NULL FOR UPDATE) old
     WHERE d.id = old.id RETURNING old.storage_key`,
    [ids, reason, at],
  )
  return r.rows.map((row) => row.storage_key).filter((k): k is string => k !== null)
}

export async function markReleased(db: Queryable, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length)
    await db.query('UPDATE documents SET released_to_requester_at = $2 WHERE id = ANY($1::uuid[])', [ids, at])
}
