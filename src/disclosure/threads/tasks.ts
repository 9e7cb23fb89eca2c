import { detect } from '../detect/detect.js'
import type { DetectOptions } from '../detect/types.js'
import { ingestFile, type IngestedDocument, type IngestLimits } from '../ingest/index.js'
import { releaseEngineCaches, type Rect } from '../pdf/index.js'
import type { NeedleSet } from '../redact/index.js'
import { prepareForReview, proposeSameTextElsewhere, searchItem } from '../review/propose.js'
import { redactItem } from '../review/redact-item.js'
import type { ItemDecisions, Proposal, RedactedPart } from '../review/types.js'

/**
 * The per-document steps of the workbench's jobs, each self-contained (bytes in, bytes and plain data out) so that
 * they can run in a worker thread (threads/pool.ts) as well as here. Each releases mupdf's caches when it is done:
 * a thread holds one document at a time.
 */

/** One document of a file, prepared for review: everything the job stores except the ingested PDF itself. */
export interface PreparedDocument {
  doc: Omit<IngestedDocument, 'pdf'>
  /** The flattened PDF that reviewers see and the bundle redacts. */
  pdf: Uint8Array
  pageCount: number
  proposals: Proposal[]
}

export interface PreparedFile {
  documents: PreparedDocument[]
  /** One line per document that could not be used (the file as a whole, or one of its attachments). */
  errors: string[]
}

export interface PrepareFileInput {
  bytes: Uint8Array
  filename: string
  /** Detection's options for this case; without them nothing is proposed (the document is only prepared). */
  detectOptions?: DetectOptions
  limits?: IngestLimits
  /** Strings to find and propose as TERM too (the workbench bench's "find and redact" of its terms). */
  terms?: readonly string[]
}

/** Ingests a file (every format to PDF pages), then flattens, stores and detects each of its documents. */
export async function prepareFile(input: PrepareFileInput): Promise<PreparedFile> {
  const result = await ingestFile(input.bytes, input.filename, input.limits)
  const errors: string[] = result.error ? [result.error] : []
  const documents: PreparedDocument[] = []
  const options = input.detectOptions
  for (const { pdf: ingested, ...doc } of result.documents) {
    try {
      const prepared = prepareForReview(ingested, options ? (text) => detect(text, options) : undefined)
      const proposals = input.terms?.length
        ? [...prepared.proposals, ...searchItem(prepared.pdf, input.terms)]
        : prepared.proposals
      documents.push({ doc, pdf: prepared.pdf, pageCount: prepared.pageCount, proposals })
    } catch (err) {
      errors.push(`${doc.sourceName}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)
    }
    releaseEngineCaches()
  }
  return { documents, errors }
}

export interface ProposeElsewhereInput {
  pdf: Uint8Array
  needles: NeedleSet
  existing: readonly { page: number; rects: readonly Rect[] }[]
}

/** The cross-document pass for one item: the case's detected strings wherever else they occur in it. */
export function proposeElsewhere(input: ProposeElsewhereInput): Proposal[] {
  try {
    return proposeSameTextElsewhere(input.pdf, input.needles, input.existing)
  } finally {
    releaseEngineCaches()
  }
}

/** One item's decisions applied (redactItem), read back and saved. */
export function redact(item: ItemDecisions): RedactedPart {
  try {
    return redactItem(item)
  } finally {
    releaseEngineCaches()
  }
}

export const TASKS = { prepareFile, proposeElsewhere, redact }
export type TaskName = keyof typeof TASKS
