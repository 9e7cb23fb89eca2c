export { ingestFile } from './ingest-file.js'
export { extractText } from './extract-text.js'
export { readInputFile, type InputRead } from './read-input.js'
export { collapseDuplicates, type DuplicateReport } from './duplicates.js'
export { splitMbox } from './mbox.js'
export {
  DEFAULT_LIMITS,
  IngestError,
  type DocumentKind,
  type IngestedDocument,
  type IngestLimits,
  type IngestResult,
} from './types.js'
