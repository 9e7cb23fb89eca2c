import type { PendingItem } from '../index/item.js'

export const SOURCE_KINDS = ['mbox', 'email-folder', 'pst', 'file-share', 'postgres', 'mysql'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
export const FILE_KINDS: ReadonlySet<SourceKind> = new Set(['mbox', 'email-folder', 'pst', 'file-share'])

/** What a reader needs to know about the source it reads. */
export interface SourceRef {
  id: string
  kind: SourceKind
  location: string
  /** Databases only: the connection URL and the data map. */
  connection?: string
  dataMap?: unknown
}

/** A part of a run one worker reads start to end: a file, a batch of files, a table. */
export interface PlannedUnit {
  key: string
  cursor: unknown
}

/** A batch of items and the cursor to store with it: a killed worker carries on from the last stored cursor. */
export interface ReadBatch {
  items: PendingItem[]
  cursor: unknown
  /** Things in this batch that could not be read, said plainly. */
  problems: { locator: string; message: string }[]
}

export interface SourceReader {
  plan(source: SourceRef): Promise<PlannedUnit[]>
  read(source: SourceRef, unit: PlannedUnit, batchSize: number): AsyncGenerator<ReadBatch>
}
