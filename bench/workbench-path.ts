/**
 * The workbench's path through the same material, for bench/bundle-speed.ts --workbench: every file ingested and
 * prepared for review (flattened, stored form, proposals with positions), every proposal and every search hit for
 * the terms accepted, then each document redacted on its own and the reviewed bundle assembled and verified — what
 * the preparation and bundle jobs do, without the database and blob store around them.
 */
import { detect } from '../src/disclosure/detect/detect.js'
import type { DetectedSpan } from '../src/disclosure/detect/types.js'
import { ingestFile } from '../src/disclosure/ingest/index.js'
import { releaseEngineCaches } from '../src/disclosure/pdf/index.js'
import { buildNeedles, type OcrMode } from '../src/disclosure/redact/index.js'
import {
  assembleReviewedBundle,
  prepareForReview,
  proposeSameTextElsewhere,
  sameTextNeedles,
  redactItem,
  searchItem,
  type RedactedPart,
} from '../src/disclosure/review/index.js'

export interface WorkbenchReport {
  pageCount: number
  redactionCount: number
  documents: number
  ok: boolean
  ocrPages: number
  timings: Record<string, number>
  /** Where a redacted string could still be read (never the string), when the bundle did not verify. */
  survivors?: string[]
}

export async function workbenchBundle(
  inputs: { name: string; bytes: Uint8Array }[],
  terms: string[],
  auto: boolean,
  subject: string[],
  ocr: OcrMode = 'needed',
): Promise<WorkbenchReport> {
  const timings = { prepare: 0, redact: 0, assemble: 0 }
  const parts: { title: string; kind: string; part: RedactedPart }[] = []
  const detected: { text: string; type: DetectedSpan['type'] }[] = []
  const detectOptions = { subject: { names: subject } }
  // Stage 1, the preparation job: read, flatten, detect; plus one "find and redact" for all the terms.
  let start = performance.now()
  const prepared = []
  for (const input of inputs) {
    const result = await ingestFile(input.bytes, input.name)
    for (const doc of result.documents) {
      const p = prepareForReview(doc.pdf, auto ? (text) => detect(text, detectOptions) : undefined)
      prepared.push({ doc, pdf: p.pdf, accepted: [...p.proposals, ...searchItem(p.pdf, terms)] })
      for (const a of p.proposals) detected.push({ text: a.text, type: a.type as DetectedSpan['type'] })
    }
    releaseEngineCaches()
  }
  // Then, as the job does, every detected string proposed wherever else it occurs.
  const needles = sameTextNeedles(detected, subject)
  for (const p of prepared) p.accepted.push(...proposeSameTextElsewhere(p.pdf, needles, p.accepted))
  timings.prepare = performance.now() - start
  // Stage 2, the bundle job: each document redacted on its own, then assembled and verified.
  start = performance.now()
  for (const p of prepared) {
    const part = redactItem({
      title: p.doc.title,
      kind: p.doc.kind,
      pdf: p.pdf,
      withheldPages: new Map(),
      redactions: p.accepted.map((a) => ({ ...a, exemptionCode: 'S2P3_16_THIRD' })),
    })
    parts.push({ title: p.doc.title, kind: p.doc.kind, part })
    releaseEngineCaches()
  }
  timings.redact = performance.now() - start
  start = performance.now()
  const bundle = await assembleReviewedBundle(parts, {
    ocr,
    reference: 'BENCH-0001',
    controllerName: 'Benchmark Constabulary',
    date: '1 January 2026',
    needles: buildNeedles(
      terms,
      detected.map((d) => ({ ...d, start: 0, end: d.text.length, score: 1, recogniser: '' })),
      subject,
    ),
  })
  timings.assemble = performance.now() - start
  return {
    pageCount: bundle.pageCount,
    redactionCount: bundle.schedule.length,
    documents: parts.length,
    ok: bundle.verification.ok,
    ocrPages: bundle.verification.ocrPages.length,
    timings,
    survivors: bundle.verification.survivors.map((s) => `${s.where} ${s.needle} (${s.extractor})`),
  }
}
