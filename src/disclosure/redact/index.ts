export { buildNeedles, isRedactable, matchNeedles, type Needle, type NeedleSet, type RedactionKind } from './needles.js'
export { planText, rectsForRange, mergeRanges, type PlannedRange } from './plan.js'
export { redactDocument, type AppliedRedaction } from './apply.js'
export {
  verifyPdf,
  type Survivor,
  type Verification,
  type Extractor,
  type OcrMode,
  type VerifyOptions,
} from './verify.js'
export { normalise, findOccurrences, foldNeedle } from './normalise.js'
