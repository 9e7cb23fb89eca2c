// The redaction workbench's engine (issue 5, "Review"): proposals with positions, search, page images, decisions
// applied per item, and the reviewed bundle. No database here: src/application/disclosure/** stores and schedules.
export * from './types.js'
export {
  covers,
  eachTextLayer,
  prepareForReview,
  proposeSameTextElsewhere,
  sameTextNeedles,
  pageOcrText,
  pageSize,
  renderPage,
  searchItem,
  textUnder,
  type PreparedForReview,
} from './propose.js'
export { redactItem, RedactionNotAppliedError } from './redact-item.js'
export { assembleReviewedBundle, type ReviewedBundle, type ReviewedBundleOptions } from './assemble.js'
