import type { Rect } from '../pdf/index.js'
import type { RedactionKind } from '../redact/index.js'

/** A redaction proposed on one page of an item (by detection, or found by a search), before anyone decides. */
export interface Proposal {
  /** 1-based page of the item. */
  page: number
  rects: Rect[]
  /** The text under the boxes, as the page's text layer reads it. */
  text: string
  type: RedactionKind
  recogniser: string
  score: number
}

/** An item's decisions, as the bundle build applies them. */
export interface ItemDecisions {
  title: string
  kind: string
  /** The prepared PDF stored when the item was ingested. */
  pdf: Uint8Array
  /** Withheld whole: the exemption code relied on. */
  withheldCode?: string | null
  /** 1-based page → exemption code, for pages withheld whole. */
  withheldPages: ReadonlyMap<number, string>
  /** Accepted redactions only. */
  redactions: readonly DecidedRedaction[]
}

export interface DecidedRedaction {
  page: number
  rects: Rect[]
  text: string
  type: RedactionKind
  exemptionCode: string
}

/** What one item became in the bundle: its redacted pages and every removal, by output page (0-based). */
export interface RedactedPart {
  pdf: Uint8Array
  pageCount: number
  applied: { page: number; kind: RedactionKind; exemptionCode: string }[]
}
