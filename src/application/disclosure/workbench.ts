import { DomainError, type CaseState } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { disclosureCase } from './case-access.js'
import { reviewEngine } from './review-engine.js'
import { runsOfCase, type DisclosureRun } from './runs.js'

export interface WorkbenchItem {
  id: string
  title: string
  kind: string
  sourceName: string
  pageCount: number
  needsManualReview: boolean
  warnings: string[]
  duplicateOf: string | null
  nearDuplicateOf: string | null
  withheldCode: string | null
  withheldReason: string | null
  withheldPages: number
  proposed: number
  accepted: number
  rejected: number
  /** The first page with an undecided proposal (where "Review" opens), else 1. */
  firstPageToReview: number
}

export interface WorkbenchOverview {
  state: CaseState
  items: WorkbenchItem[]
  /** Material documents not yet read into the workbench. */
  unread: { id: string; filename: string }[]
  runs: DisclosureRun[]
  totals: { proposed: number; accepted: number; rejected: number; pages: number }
}

/** Every view of the workbench is audited like a view of the case: it shows third parties' data in the clear. */
async function audited<T>(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  what: object,
  fn: (tx: Queryable) => Promise<T>,
) {
  return withTransaction(deps.pool, async (tx) => {
    const result = await fn(tx)
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'ViewDisclosure',
      eventType: 'DisclosureViewed',
      payload: what,
    })
    return result
  })
}

export async function workbenchOverview(deps: AppDeps, actor: Actor, caseId: string): Promise<WorkbenchOverview> {
  return audited(deps, actor, caseId, {}, async (tx) => {
    const state = await disclosureCase(tx, actor, caseId)
    const items = await tx.query<Record<string, unknown>>(
      `SELECT i.*,
          (SELECT count(*) FROM redactions r WHERE r.item_id = i.id AND r.status = 'proposed') AS proposed,
          (SELECT count(*) FROM redactions r WHERE r.item_id = i.id AND r.status = 'accepted') AS accepted,
          (SELECT count(*) FROM redactions r WHERE r.item_id = i.id AND r.status = 'rejected') AS rejected,
          (SELECT count(*) FROM disclosure_withheld_pages w WHERE w.item_id = i.id) AS withheld_pages,
          (SELECT min(page) FROM redactions r WHERE r.item_id = i.id AND r.status = 'proposed') AS first_proposed
         FROM disclosure_items i WHERE i.case_id = $1 ORDER BY i.created_at, i.source_document_id, i.source_index`,
      [caseId],
    )
    const unread = await tx.query<{ id: string; filename: string }>(
      `SELECT d.id, d.filename FROM documents d
        WHERE d.case_id = $1 AND d.kind = 'material' AND d.storage_key IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM disclosure_items i WHERE i.source_document_id = d.id) ORDER BY d.created_at`,
      [caseId],
    )
    const list: WorkbenchItem[] = items.rows.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      kind: String(r.kind),
      sourceName: String(r.source_name),
      pageCount: Number(r.page_count),
      needsManualReview: Boolean(r.needs_manual_review),
      warnings: (r.warnings as string[]) ?? [],
      duplicateOf: (r.duplicate_of as string | null) ?? null,
      nearDuplicateOf: (r.near_duplicate_of as string | null) ?? null,
      withheldCode: (r.withheld_code as string | null) ?? null,
      withheldReason: (r.withheld_reason as string | null) ?? null,
      withheldPages: Number(r.withheld_pages),
      proposed: Number(r.proposed),
      accepted: Number(r.accepted),
      rejected: Number(r.rejected),
      firstPageToReview: r.first_proposed ? Number(r.first_proposed) : 1,
    }))
    const sum = (k: 'proposed' | 'accepted' | 'rejected' | 'pageCount') =>
      list.filter((i) => !i.duplicateOf).reduce((n, i) => n + i[k], 0)
    return {
      state,
      items: list,
      unread: unread.rows,
      runs: await runsOfCase(tx, caseId),
      totals: {
        proposed: sum('proposed'),
        accepted: sum('accepted'),
        rejected: sum('rejected'),
        pages: sum('pageCount'),
      },
    }
  })
}

export interface PageRedaction {
  id: string
  rects: [number, number, number, number][]
  text: string
  type: string
  source: string
  recogniser: string | null
  score: number | null
  status: 'proposed' | 'accepted' | 'rejected'
  exemptionCode: string
  reason: string | null
  decidedBy: string | null
  version: number
  /** Other undecided proposals of the same text elsewhere in the case (for "accept all occurrences"). */
  elsewhere: number
}

export interface WorkbenchPage {
  state: CaseState
  item: WorkbenchItem
  page: number
  /** In points: the coordinate space of every box. */
  size: { width: number; height: number }
  redactions: PageRedaction[]
  withheld: { exemptionCode: string; reason: string | null } | null
  /** Pages of this item with undecided proposals, for "next page to review". */
  pagesToReview: number[]
  /** The page's text as extracted (lines joined by newlines): what a reviewer can select to redact. */
  text: string
  /** What OCR read on this page when the material was read (a scan, a photograph, letters drawn as shapes), if it was. */
  ocrText: string | null
  /** Where the next undecided proposal is: later on this document, else the first document still to decide. */
  nextToReview: { itemId: string; page: number } | null
  /** This document's position among the case's documents (1-based) and how many there are. */
  position: { index: number; of: number }
}

export async function workbenchPage(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  itemId: string,
  page: number,
): Promise<WorkbenchPage> {
  const overview = await workbenchOverview(deps, actor, caseId)
  const item = overview.items.find((i) => i.id === itemId)
  if (!item || !Number.isInteger(page) || page < 1 || page > item.pageCount)
    throw new DomainError('not-found', 'no such page')
  const rows = await deps.pool.query<Record<string, unknown>>(
    `SELECT r.*, u.name AS decided_by_name,
        (SELECT count(*) FROM redactions o WHERE o.case_id = r.case_id AND o.id <> r.id AND o.status = 'proposed'
            AND lower(regexp_replace(o.text, '\\s+', '', 'g')) = lower(regexp_replace(r.text, '\\s+', '', 'g'))) AS elsewhere
       FROM redactions r LEFT JOIN users u ON 'user:' || u.id::text = r.decided_by
      WHERE r.item_id = $1 AND r.page = $2 ORDER BY (r.rects->0->>1)::real, (r.rects->0->>0)::real`,
    [itemId, page],
  )
  const withheld = await deps.pool.query<{ exemption_code: string; reason: string | null }>(
    'SELECT exemption_code, reason FROM disclosure_withheld_pages WHERE item_id = $1 AND page = $2',
    [itemId, page],
  )
  const stored = await deps.pool.query<{ storage_key: string }>(
    'SELECT storage_key FROM disclosure_items WHERE id = $1',
    [itemId],
  )
  const pdf = new Uint8Array(await deps.blobs.get(stored.rows[0]!.storage_key))
  const { pageSize, eachTextLayer, pageOcrText, releaseEngineCaches } = await reviewEngine()
  const size = pageSize(pdf, page)
  let text = ''
  let ocrText: string | undefined
  try {
    eachTextLayer(pdf, (layer) => (text = layer.text), [page])
    ocrText = pageOcrText(pdf, page)
  } finally {
    releaseEngineCaches()
  }
  const pages = await deps.pool.query<{ page: number }>(
    "SELECT DISTINCT page FROM redactions WHERE item_id = $1 AND status = 'proposed' ORDER BY page",
    [itemId],
  )
  return {
    state: overview.state,
    item,
    page,
    size,
    redactions: rows.rows.map((r) => ({
      id: String(r.id),
      rects: r.rects as PageRedaction['rects'],
      text: String(r.text),
      type: String(r.type),
      source: String(r.source),
      recogniser: (r.recogniser as string | null) ?? null,
      score: (r.score as number | null) ?? null,
      status: r.status as PageRedaction['status'],
      exemptionCode: String(r.exemption_code),
      reason: (r.reason as string | null) ?? null,
      decidedBy: (r.decided_by_name as string | null) ?? (r.decided_by as string | null) ?? null,
      version: Number(r.version),
      elsewhere: Number(r.elsewhere),
    })),
    withheld: withheld.rows[0]
      ? { exemptionCode: withheld.rows[0].exemption_code, reason: withheld.rows[0].reason }
      : null,
    pagesToReview: pages.rows.map((p) => p.page),
    text,
    ocrText: ocrText ?? null,
    nextToReview: nextToReview(
      overview.items,
      item,
      page,
      pages.rows.map((p) => p.page),
    ),
    position: { index: overview.items.indexOf(item) + 1, of: overview.items.length },
  }
}

/** Duplicates and documents withheld whole need no decisions (the bundle leaves them out), so they are skipped. */
function nextToReview(items: WorkbenchItem[], item: WorkbenchItem, page: number, pagesToReview: number[]) {
  const later = item.withheldCode ? undefined : pagesToReview.find((p) => p > page)
  if (later) return { itemId: item.id, page: later }
  const at = items.indexOf(item)
  const others = [...items.slice(at + 1), ...items.slice(0, Math.max(at, 0))]
  const next = others.find((i) => !i.duplicateOf && !i.withheldCode && i.proposed > 0)
  if (next) return { itemId: next.id, page: next.firstPageToReview }
  const earlier = item.withheldCode ? undefined : pagesToReview.find((p) => p !== page)
  return earlier ? { itemId: item.id, page: earlier } : null
}

/** The page as the reviewer sees it (PNG) with its size in points, for the boxes drawn over it. */
export async function workbenchPageImage(deps: AppDeps, actor: Actor, caseId: string, itemId: string, page: number) {
  await disclosureCase(deps.pool, actor, caseId)
  const r = await deps.pool.query<{ storage_key: string; page_count: number }>(
    'SELECT storage_key, page_count FROM disclosure_items WHERE id = $1 AND case_id = $2',
    [itemId, caseId],
  )
  const row = r.rows[0]
  if (!row || !Number.isInteger(page) || page < 1 || page > row.page_count)
    throw new DomainError('not-found', 'no such page')
  const { renderPage, releaseEngineCaches } = await reviewEngine()
  try {
    return renderPage(new Uint8Array(await deps.blobs.get(row.storage_key)), page)
  } finally {
    releaseEngineCaches()
  }
}
