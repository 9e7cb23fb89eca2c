import { citationOn, exemptionByCode, type ProcessingRoute } from '../../domain/index.js'
import type { BundleWriter } from '../pdf/index.js'
import { renderTextPdf, WorkingPdf } from '../pdf/index.js'
import { findOccurrences, foldNeedle, normalise, planText, rectsForRange } from '../redact/index.js'
import type { AppliedRedaction, NeedleSet } from '../redact/index.js'
import { contentsBlocks, coverBlocks, type BundleFacts, type ContentsEntry } from './front-matter.js'
import { scheduleBlocks, type ExemptionNote, type ScheduleEntry } from './schedule.js'

/** A document already in the writer: where its pages start (0-based, before front matter) and what was removed. */
export interface PlacedDocument {
  title: string
  kind: ContentsEntry['kind']
  bodyIndex: number
  pageCount: number
  redactions: AppliedRedaction[]
}

/**
 * Puts the cover and contents list in front of the documents. The contents list's page numbers depend on how many
 * pages the front matter itself takes, so it is laid out until that number settles (once or twice). Only the
 * documents' titles are redacted there (an email subject or a file name can name someone): the cover, headings and
 * everything else on these pages is the office's own text, never the material, and no decision applies to it.
 */
export function addFrontMatter(
  writer: BundleWriter,
  facts: BundleFacts,
  documents: PlacedDocument[],
  needles: NeedleSet,
): { pageCount: number; redactions: AppliedRedaction[] } {
  let frontPages = 2
  let pdf: Uint8Array = new Uint8Array()
  for (let attempt = 0; attempt < 5; attempt++) {
    const entries = documents.map((d) => ({ ...d, firstPage: frontPages + d.bodyIndex + 1 }))
    const rendered = renderTextPdf([...coverBlocks(facts, { documents: documents.length }), ...contentsBlocks(entries)])
    pdf = rendered.pdf
    if (rendered.pageCount === frontPages) break
    frontPages = rendered.pageCount
  }
  return insertRedacted(writer, pdf, needles, 0, [...new Set(documents.map((d) => d.title))])
}

/** Appends the redaction schedule: the office's own text (kinds, codes, citations), never redacted. */
export function addSchedule(
  writer: BundleWriter,
  entries: ScheduleEntry[],
  exemptions: ExemptionNote[],
  route?: ProcessingRoute,
): number {
  const { pdf } = renderTextPdf(scheduleBlocks(entries, exemptions, route))
  return insertRedacted(writer, pdf, { needles: [], protectedFolded: [] }, -1, []).pageCount
}

/** Inserts generated pages, redacting `needles` only where they fall inside one of `titles` as printed. */
function insertRedacted(
  writer: BundleWriter,
  pdf: Uint8Array,
  needles: NeedleSet,
  at: number,
  titles: string[],
): { pageCount: number; redactions: AppliedRedaction[] } {
  const work = WorkingPdf.open(pdf)
  try {
    const redactions: AppliedRedaction[] = []
    const folded = titles.map((t) => foldNeedle(t)).filter((t) => t.length > 0)
    for (let page = 0; page < work.pageCount && folded.length > 0; page++) {
      const layer = work.textLayer(page)
      const hay = normalise(layer.text)
      const inTitles = folded.flatMap((t) => findOccurrences(hay, t))
      const ranges = planText(layer.text, needles).filter((r) => inTitles.some(([s, e]) => r.start >= s && r.end <= e))
      const rects = ranges.flatMap((r) => rectsForRange(layer, r.start, r.end))
      for (const r of ranges) redactions.push({ page, kind: r.kind })
      work.redact(page, rects)
    }
    work.finish()
    writer.addDocument(work, at)
    return { pageCount: work.pageCount, redactions }
  } finally {
    work.destroy()
  }
}

/** Numbers every redaction by bundle page: front matter first, then each document in order. */
export function scheduleEntries(
  front: AppliedRedaction[],
  frontPages: number,
  documents: PlacedDocument[],
  exemption: { code: string; citation: string },
  route?: ProcessingRoute,
): ScheduleEntry[] {
  const pages = [
    ...front.map((r) => ({ page: r.page + 1, kind: r.kind, code: r.exemptionCode })),
    ...documents.flatMap((d) =>
      d.redactions.map((r) => ({ page: frontPages + d.bodyIndex + r.page + 1, kind: r.kind, code: r.exemptionCode })),
    ),
  ].sort((a, b) => a.page - b.page)
  return pages.map(({ code, ...r }, i) => {
    // A per-redaction code (the workbench) is cited with its own paragraph; unknown codes never reach here.
    const own = code ? exemptionByCode(code) : undefined
    return {
      number: i + 1,
      ...r,
      exemptionCode: own?.code ?? exemption.code,
      citation: own ? (route ? citationOn(own, route) : own.citation) : exemption.citation,
    }
  })
}
