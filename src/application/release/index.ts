export {
  caseReleasables,
  requireReleasable,
  MARKABLE_KINDS,
  type ReleasableFile,
  type ReleaseBasis,
} from './releasable-files.js'
export { changesSince, latestResponseDraft, openRelease } from './gate.js'
export { bodyWithEnclosures, withoutEnclosedLines } from './enclosures.js'
export { letterAsSent, enclosedNames } from './rendered-letter.js'

/** The release gate's refusals: shown on the form that was submitted, like a validation error. */
export const RELEASE_GATE_CODES: readonly string[] = [
  'not-releasable',
  'redacted-text',
  'nothing-enclosed',
  'approval-mismatch',
]
export { releasablesForCase } from './case-releasables.js'
