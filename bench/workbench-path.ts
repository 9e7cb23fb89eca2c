/**
 * The workbench's path through the same material, for bench/bundle-speed.ts --workbench: every file ingested and
 * prepared for review (flattened, stored form, proposals with positions), every proposal and every search hit for
 * the terms accepted, then each document redacted on its own and the reviewed bundle assembled and verified — what
 * the preparation and bundle jobs do, without the database and blob store around them, and as they do it: the
 * per-document steps on the thread pool (threads/pool.ts, RIGHTSDESK_DISCLOSURE_THREADS), results taken in order.
 *
 * Runs the built product (dist/), as `rightsdesk start` does: `npm run build` first.
 */
import type { PiiType } from '../src/disclosure/detect/types.js'
import type { OcrMode, RedactionKind } from '../src/disclosure/redact/index.js'
import type { Proposal, RedactedPart } from '../src/disclosure/review/index.js'
import type { PreparedDocument } from '../src/disclosure/threads/tasks.js'
import type * as InOrder from '../src/disclosure/threads/in-order.js'
import type * as Pool from '../src/disclosure/threads/pool.js'
import type * as Redact from '../src/disclosure/redact/index.js'
import type * as Review from '../src/disclosure/review/index.js'

const dist = <T>(p: string): Promise<T> => import(new URL(`../dist/${p}`, import.meta.url).href) as Promise<T>

export interface WorkbenchReport {
  pageCount: number
  redactionCount: number
  documents: number
  ok: boolean
  ocrPages: number
  timings: Record<string, number>
  /** Where a redacted string could still be read (never the string), when the bundle did not verify. */
  survivors?: string[]
  threads: number
  /** Peak resident memory (MB) sampled during each stage. */
  peakMb: Record<string, number>
}

export async function workbenchBundle(
  inputs: { name: string; bytes: Uint8Array }[],
  terms: string[],
  auto: boolean,
  subject: string[],
  ocr: OcrMode = 'needed',
): Promise<WorkbenchReport> {
  const { disclosurePool } = await dist<typeof Pool>('disclosure/threads/pool.js')
  const { inOrder } = await dist<typeof InOrder>('disclosure/threads/in-order.js')
  const review = await dist<typeof Review>('disclosure/review/index.js')
  const { buildNeedles } = await dist<typeof Redact>('disclosure/redact/index.js')
  const pool = disclosurePool()
  const timings = { prepare: 0, crossCheck: 0, redact: 0, assemble: 0 }
  // Peak resident memory of the process (all threads) during each stage, sampled: where the maxRSS comes from.
  const peakMb: Record<string, number> = {}
  let stage = 'prepare'
  const sample = () => {
    peakMb[stage] = Math.max(peakMb[stage] ?? 0, Math.round(process.memoryUsage().rss / 2 ** 20))
  }
  const sampler = setInterval(sample, 100)
  const detected: { text: string; type: RedactionKind }[] = []
  const detectOptions = auto ? { subject: { names: subject } } : undefined
  // Stage 1, the preparation job: read, flatten, detect; plus one "find and redact" for all the terms.
  let start = performance.now()
  const prepared: (PreparedDocument & { accepted: Proposal[] })[] = []
  await inOrder(
    inputs,
    pool.concurrency,
    (input) => pool.prepareFile({ bytes: input.bytes, filename: input.name, detectOptions, terms }),
    async (_, file) => {
      for (const d of file.documents) {
        prepared.push({ ...d, accepted: d.proposals })
        for (const a of d.proposals) if (a.recogniser !== 'search') detected.push({ text: a.text, type: a.type })
      }
    },
  )
  timings.prepare = performance.now() - start
  sample()
  stage = 'crossCheck'
  // Then, as the job does, every detected string proposed wherever else it occurs.
  start = performance.now()
  const needles = review.sameTextNeedles(detected, subject)
  await inOrder(
    prepared,
    pool.concurrency,
    (p) => pool.proposeElsewhere({ pdf: p.pdf, needles, existing: p.accepted }),
    async (p, more) => void p.accepted.push(...more),
  )
  timings.crossCheck = performance.now() - start
  sample()
  stage = 'redact'
  // Stage 2, the bundle job: each document redacted on its own, then assembled and verified.
  start = performance.now()
  const parts: { title: string; kind: string; part: RedactedPart }[] = []
  await inOrder(
    prepared,
    pool.concurrency,
    (p) =>
      pool.redact({
        title: p.doc.title,
        kind: p.doc.kind,
        pdf: p.pdf,
        withheldPages: new Map(),
        redactions: p.accepted.map((a) => ({ ...a, exemptionCode: 'S2P3_16_THIRD' })),
      }),
    async (p, part) => {
      parts.push({ title: p.doc.title, kind: p.doc.kind, part })
      // The stored form is not needed once redacted: the job reads it from the blob store item by item.
      p.pdf = new Uint8Array(0)
    },
  )
  timings.redact = performance.now() - start
  sample()
  await pool.close()
  stage = 'assemble'
  start = performance.now()
  const bundle = await review.assembleReviewedBundle(parts, {
    ocr,
    reference: 'BENCH-0001',
    controllerName: 'Benchmark Constabulary',
    date: '1 January 2026',
    needles: buildNeedles(
      terms,
      detected.map((d) => ({ ...d, type: d.type as PiiType, start: 0, end: d.text.length, score: 1, recogniser: '' })),
      subject,
    ),
  })
  timings.assemble = performance.now() - start
  sample()
  clearInterval(sampler)
  return {
    peakMb,
    pageCount: bundle.pageCount,
    redactionCount: bundle.schedule.length,
    documents: parts.length,
    ok: bundle.verification.ok,
    ocrPages: bundle.verification.ocrPages.length,
    timings,
    survivors: bundle.verification.survivors.map((s) => `${s.where} ${s.needle} (${s.extractor})`),
    threads: pool.size,
  }
}
