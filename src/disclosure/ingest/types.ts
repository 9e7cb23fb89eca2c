/** Every source format, after sniffing its content. */
export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'text' | 'email' | 'msg' | 'image'

/** One document of the case, normalised to PDF pages with a text layer. */
export interface IngestedDocument {
  title: string
  kind: DocumentKind
  /** The uploaded file's name, with "›" and the attachment name for documents found inside another. */
  sourceName: string
  /** SHA-256 (hex) of the original bytes of this document (the attachment's own bytes for an attachment). */
  sha256: string
  pdf: Uint8Array
  pageCount: number
  /** Something in it needs a person's eye (pages read by OCR, pictures, a repaired file). */
  needsManualReview: boolean
  warnings: string[]
  /** Pages (1-based) read by OCR at ingest, which carry an invisible text layer of what was read. */
  ocrPages?: number[]
  /** For emails: what identifies the same message found in several mailboxes. */
  email?: { messageId?: string; contentHash: string }
}

export interface IngestResult {
  documents: IngestedDocument[]
  /** Set when the file could not be used at all; `documents` is then empty. */
  error?: string
}

export interface IngestLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number
  /** Largest total uncompressed size of a DOCX/XLSX package. */
  maxUnzippedBytes: number
  /** Largest compression ratio of any sizeable entry in a DOCX/XLSX package. */
  maxZipRatio: number
  /** How deep attachments of attachments are followed. */
  maxAttachmentDepth: number
  /** Most documents one file may produce (attachments, messages of an mbox). */
  maxDocumentsPerFile: number
  maxPagesPerDocument: number
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipRatio: 100,
  maxAttachmentDepth: 4,
  maxDocumentsPerFile: 10_000,
  maxPagesPerDocument: 5_000,
}

/** A file that cannot be ingested, with a reason fit to show the person who supplied it. */
export class IngestError extends Error {
  override name = 'IngestError'
}
