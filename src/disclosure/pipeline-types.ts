// What `buildBundle` (pipeline.ts) takes and returns: the contract the `redact` command and the benches use.
import type { ScheduleEntry, ExportFile } from './bundle/index.js'
import type { DetectedSpan, DetectOptions, SubjectIdentifiers } from './detect/types.js'
import type { DuplicateReport, IngestedDocument, IngestLimits } from './ingest/index.js'
import type { OcrMode, Verification } from './redact/index.js'

export type BundleStage = 'ingest' | 'read' | 'redact' | 'assemble' | 'verify'

export interface BundleInput {
  name: string
  bytes: Uint8Array
}

export interface BundleOptions {
  reference: string
  controllerName: string
  /** Printed on the cover, e.g. "14 May 2026". */
  date: string
  /** Strings to remove wherever they occur (case-, accent- and whitespace-insensitive). */
  terms?: string[]
  /** Also remove everything `detect` finds that is not the subject's own data or disclosed staff. */
  auto?: boolean
  subject?: SubjectIdentifiers
  detect?: (text: string, options: DetectOptions) => DetectedSpan[]
  detectOptions?: Omit<DetectOptions, 'subject'>
  /** Exemption code cited for every redaction; default S2P3_16_THIRD (third-party information). */
  exemption?: string
  /** Encrypt the bundle (AES-256) with this password. */
  password?: string
  /** Also produce the machine-readable export (JSON, CSV and a schema). */
  exportData?: boolean
  limits?: Partial<IngestLimits>
  /** Which pages the verifier reads by OCR: 'needed' (default: those extraction cannot vouch for) or 'every-page'. */
  ocr?: OcrMode
  onProgress?: (progress: { stage: BundleStage; done: number; total: number }) => void
}

export interface BundledDocument {
  number: number
  title: string
  kind: IngestedDocument['kind']
  sourceName: string
  firstPage: number
  pageCount: number
  needsManualReview: boolean
  warnings: string[]
}

export interface BundleResult {
  pdf: Uint8Array
  pageCount: number
  redactionCount: number
  schedule: ScheduleEntry[]
  documents: BundledDocument[]
  /** Files or documents left out, each with the reason. */
  failures: { document: string; error: string }[]
  duplicates: DuplicateReport['duplicates']
  nearDuplicates: DuplicateReport['nearDuplicates']
  verification: Verification
  exportFiles?: ExportFile[]
  /** Milliseconds per stage. */
  timings: Record<BundleStage, number>
}

/** Options that make no sense (an unknown exemption code, a password mupdf cannot take). Nothing was done. */
export class BundleOptionsError extends Error {
  override name = 'BundleOptionsError'
}
