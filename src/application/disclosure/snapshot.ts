import type { Queryable } from '../../persistence/db.js'

export type RectTuple = [number, number, number, number]

export interface SnapshotRedaction {
  page: number
  rects: RectTuple[]
  text: string
  type: string
  source: string
  exemptionCode: string
}

export interface SnapshotItem {
  id: string
  title: string
  kind: string
  withheldCode: string | null
  /** [page, exemption code] */
  withheldPages: [number, string][]
  redactions: SnapshotRedaction[]
}

export interface DecisionSnapshot {
  items: SnapshotItem[]
  /** Proposals nobody has accepted or rejected yet. */
  undecided: number
  /** Folded texts some reviewer chose to leave in somewhere: never checked as "must not appear anywhere". */
  keptTexts: string[]
}

/**
 * The decisions a bundle is built from, read in one go: every item (exact duplicates left out: they are listed, not
 * disclosed twice), its accepted redactions, its withheld pages. Stored on the run, so the build never sees a
 * half-made decision and a restarted build produces the same bundle.
 */
export async function decisionSnapshot(db: Queryable, caseId: string): Promise<DecisionSnapshot> {
  const items = await db.query<{ id: string; title: string; kind: string; withheld_code: string | null }>(
    `SELECT id, title, kind, withheld_code FROM disclosure_items
      WHERE case_id = $1 AND duplicate_of IS NULL ORDER BY created_at, source_document_id, source_index`,
    [caseId],
  )
  const redactions = await db.query<{
    item_id: string
    page: number
    rects: RectTuple[]
    text: string
    type: string
    source: string
    status: string
    exemption_code: string
  }>(
    `SELECT r.item_id, r.page, r.rects, r.text, r.type, r.source, r.status, r.exemption_code
       FROM redactions r JOIN disclosure_items i ON i.id = r.item_id
      WHERE r.case_id = $1 AND i.duplicate_of IS NULL ORDER BY r.page, r.created_at, r.id`,
    [caseId],
  )
  const pages = await db.query<{ item_id: string; page: number; exemption_code: string }>(
    'SELECT item_id, page, exemption_code FROM disclosure_withheld_pages WHERE case_id = $1 ORDER BY page',
    [caseId],
  )
  // Proposals on a page or document withheld whole need no decision: nothing of it is disclosed.
  const withheldItems = new Set(items.rows.filter((i) => i.withheld_code).map((i) => i.id))
  const withheldPages = new Set(pages.rows.map((p) => `${p.item_id}:${p.page}`))
  let undecided = 0
  const kept = new Set<string>()
  const byItem = new Map<string, SnapshotRedaction[]>()
  for (const r of redactions.rows) {
    if (withheldItems.has(r.item_id) || withheldPages.has(`${r.item_id}:${r.page}`)) continue
    if (r.status === 'proposed') undecided++
    if (r.status === 'rejected') kept.add(r.text.toLowerCase().replace(/\s+/g, ''))
    if (r.status !== 'accepted') continue
    const list = byItem.get(r.item_id) ?? []
    list.push({
      page: r.page,
      rects: r.rects,
      text: r.text,
      type: r.type,
      source: r.source,
      exemptionCode: r.exemption_code,
    })
    byItem.set(r.item_id, list)
  }
  return {
    items: items.rows.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      withheldCode: i.withheld_code,
      withheldPages: pages.rows.filter((p) => p.item_id === i.id).map((p) => [p.page, p.exemption_code]),
      redactions: i.withheld_code ? [] : (byItem.get(i.id) ?? []),
    })),
    undecided,
    keptTexts: [...kept],
  }
}
