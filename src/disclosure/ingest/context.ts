import { createHash } from 'node:crypto'
import type { IngestLimits, IngestResult } from './types.js'

/** What an ingest step needs to know about where it is: limits, how deep in attachments, how many so far. */
export interface IngestContext {
  limits: IngestLimits
  depth: number
  counter: { documents: number }
  /** Ingests an attachment (or a message of an mbox) as a file of its own, one level deeper. */
  nested(bytes: Uint8Array, name: string, depth: number): Promise<IngestResult>
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}
