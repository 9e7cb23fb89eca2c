import { citationOn, DEFAULT_REDACTION_EXEMPTION, exemptionByCode, type ProcessingRoute } from '../../domain/index.js'
import {
  addFrontMatter,
  addSchedule,
  scheduleEntries,
  portabilityExport,
  protectWording,
  withNeedles,
  type ExportFile,
  type PlacedDocument,
  type ScheduleEntry,
} from '../bundle/index.js'
import type { DocumentKind } from '../ingest/index.js'
import { BundleWriter, releaseEngineCaches, WorkingPdf } from '../pdf/index.js'
import { verifyPdf, type NeedleSet, type OcrMode, type Verification } from '../redact/index.js'
import type { RedactedPart } from './types.js'

export interface ReviewedBundleOptions {
  reference: string
  controllerName: string
  /** Printed on the cover, e.g. "14 May 2026". */
  date: string
  /** Strings that must not survive anywhere in the file (also redacted from the contents list and schedule). */
  needles: NeedleSet
  /** Redacted from the contents list only (bundle/titles.ts): every word of a redacted person's name. */
  titleNeedles?: NeedleSet
  /** Cited for removals the build itself makes (names in the contents list); default S2P3_16_THIRD. */
  defaultExemption?: string
  /** The case's route: the schedule says which law the response is given under and cites codes in that law. */
  route?: ProcessingRoute
  password?: string
  /** Also produce the machine-readable export (UK GDPR Art 20 portability): JSON, CSV and a schema. */
  exportData?: boolean
  /** Which pages the verifier reads by OCR (default 'needed': those extraction cannot vouch for). */
  ocr?: OcrMode
}

export interface ReviewedBundle {
  pdf: Uint8Array
  pageCount: number
  schedule: ScheduleEntry[]
  verification: Verification
  /** Schedule lines by exemption code: what the compliance figures count as exemptions applied. */
  exemptionCounts: Record<string, number>
  exportFiles?: ExportFile[]
}

/**
 * Puts the redacted parts together: cover and contents, the documents in order, the schedule (each line citing the
 * exemption decided for that redaction), "page N of M" stamps; saves clean (optionally AES-256) and reads the file
 * back with three extractors. The caller must not release the bundle unless `verification.ok`.
 */
export async function assembleReviewedBundle(
  parts: { title: string; kind: string; part: RedactedPart }[],
  options: ReviewedBundleOptions,
): Promise<ReviewedBundle> {
  const writer = new BundleWriter()
  try {
    const placed: PlacedDocument[] = []
    for (const { title, kind, part } of parts) {
      const work = WorkingPdf.open(part.pdf)
      try {
        const bodyIndex = writer.addDocument(work)
        placed.push({
          title,
          kind: kind as DocumentKind,
          bodyIndex,
          pageCount: work.pageCount,
          redactions: part.applied,
        })
      } finally {
        work.destroy()
      }
    }
    const facts = { reference: options.reference, controllerName: options.controllerName, dateText: options.date }
    const front = addFrontMatter(
      writer,
      facts,
      placed,
      options.titleNeedles ? withNeedles(options.needles, options.titleNeedles) : options.needles,
    )
    const fallback =
      exemptionByCode(options.defaultExemption ?? DEFAULT_REDACTION_EXEMPTION) ??
      exemptionByCode(DEFAULT_REDACTION_EXEMPTION)!
    const schedule = scheduleEntries(front.redactions, front.pageCount, placed, fallback, options.route)
    const codes = [...new Set(schedule.map((e) => e.exemptionCode))].sort()
    const notes = codes.flatMap((code) => {
      const e = exemptionByCode(code)
      if (!e) return []
      const citation = options.route ? citationOn(e, options.route) : e.citation
      return [{ code: e.code, citation, shortName: e.shortName, explanation: e.explanation }]
    })
    addSchedule(writer, schedule, notes, options.route)
    writer.stampPages((n, m) => `Page ${n} of ${m} — ${options.reference}`)
    const pdf = writer.save({ password: options.password })
    const pageCount = writer.pageCount
    // The saved bytes are all verification needs: the assembled document goes before the verifier opens its own
    // copy, so the two are never in the engine's memory together (it was the peak of a 1,400-page bundle).
    writer.destroy()
    releaseEngineCaches()
    // "you will see a black box" on the cover is ours, whatever was detected as a name elsewhere (bundle/wording.ts).
    const verification = await verifyPdf(
      pdf,
      protectWording(options.needles, notes, schedule.length, options.route),
      options.password,
      {
        ocr: options.ocr,
      },
    )
    const exemptionCounts: Record<string, number> = {}
    for (const e of schedule) exemptionCounts[e.exemptionCode] = (exemptionCounts[e.exemptionCode] ?? 0) + 1
    const exportFiles = options.exportData
      ? portabilityExport({
          reference: options.reference,
          controllerName: options.controllerName,
          date: options.date,
          documents: placed.map((d, i) => ({
            number: i + 1,
            title: d.title,
            kind: d.kind,
            firstPage: front.pageCount + d.bodyIndex + 1,
            pageCount: d.pageCount,
          })),
          redactions: schedule,
          needles: options.titleNeedles ? withNeedles(options.needles, options.titleNeedles) : options.needles,
          pageTexts: verification.pageTexts,
        })
      : undefined
    return { pdf, pageCount, schedule, verification, exemptionCounts, exportFiles }
  } finally {
    writer.destroy()
  }
}
