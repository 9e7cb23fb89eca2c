/**
 * Bundle speed: the full disclosure pipeline (ingest + detect + apply + verify + paginate + schedule) on a ~1,000-page
 * mixed bundle, against mupdf's own search → redact → save on the same pages. Target: ours ≥ 0.5× mupdf's speed,
 * peak memory under 1 GB.
 *
 *   npx tsx bench/bundle-speed.ts [--pages 1000] [--auto] [--runs 2] [--workbench] [--ocr-every-page]
 *
 * --workbench measures the staff workbench's path instead of `rightsdesk redact`'s: prepare every document for
 * review, accept every proposal and search hit, redact document by document, assemble and verify (workbench-path.ts).
 *
 * --ocr-every-page makes the verifier read every page of the bundle by OCR (by default it reads only the pages whose ink
 * text extraction cannot vouch for: none of these generated pages), to show what OCR of everything would cost.
 *
 * Runs alternate (mupdf, ours, mupdf, ours…) and the best of each is reported, so a busy machine penalises both.
 * Ours runs in a child process, so its peak memory (maxRSS, worker threads included) is its own; its CPU time
 * (all threads) and the machine's load average are printed too, since wall time on a shared machine means little.
 * The workbench path runs the built product (dist/: `npm run build` first) on its thread pool.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as mupdf from 'mupdf'
import { ingestFile, splitMbox } from '../src/disclosure/ingest/index.js'
import { mergePdfs, renderTextPdf, type TextBlock } from '../src/disclosure/pdf/index.js'
import { stopOcr } from '../src/disclosure/ocr/engine.js'
import { buildBundle, type BundleInput } from '../src/disclosure/pipeline.js'
import { workbenchBundle } from './workbench-path.js'

const MBOX = fileURLToPath(
  new URL('../../shared/eval/enron-mbox-subset/mbox/enron.allen-p.all_documents', import.meta.url),
)
const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    auto: { type: 'boolean' },
    workbench: { type: 'boolean' },
    runs: { type: 'string', default: '2' },
    child: { type: 'string' },
    'ocr-every-page': { type: 'boolean' },
  },
})
const targetPages = Number(values.pages)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

const PEOPLE = ['Jonathan Blackwood', 'Priya Ramanathan', 'Siobhan O’Connell', 'Tomasz Wiśniewski', 'Grace Adeyemi']
const TERMS = ['Phillip K Allen', 'Christi L Nicolay', 'Jane M Tholt', 'Leslie Lawner', ...PEOPLE]

function generatedPdf(n: number, pages: number): BundleInput {
  const blocks: TextBlock[] = [{ text: `Witness statement ${n}`, font: 'bold', size: 13 }]
  const sentence = (i: number) =>
    `On ${1 + (i % 28)} March the witness, ${PEOPLE[i % PEOPLE.length]}, saw the vehicle stop outside number ${i} and ` +
    `spoke to the officer about the incident reported earlier that evening by a neighbour. `
  for (let p = 0; p < pages * 6; p++)
    blocks.push({ text: Array.from({ length: 5 }, (_, i) => sentence(p * 5 + i)).join(''), spaceBefore: 6 })
  return { name: `statement-${n}.pdf`, bytes: renderTextPdf(blocks).pdf }
}

async function buildInputs(): Promise<{ inputs: BundleInput[]; pages: number }> {
  const inputs: BundleInput[] = []
  let pages = 0
  for (let n = 1; pages < targetPages * 0.4; n++) {
    const input = generatedPdf(n, 10)
    inputs.push(input)
    pages += mupdf.Document.openDocument(input.bytes, 'application/pdf').countPages()
  }
  const messages = splitMbox(fs.readFileSync(MBOX, 'utf8'))
  for (const [i, message] of messages.entries()) {
    if (pages >= targetPages) break
    const bytes = new Uint8Array(Buffer.from(message))
    const result = await ingestFile(bytes, `message-${i + 1}.eml`)
    pages += result.documents.reduce((n, d) => n + d.pageCount, 0)
    inputs.push({ name: `message-${i + 1}.eml`, bytes })
  }
  return { inputs, pages }
}

/**
 * mupdf's own path: search every term on every page, mark, apply, save. No ingest, no verification. `perHit` is the
 * usual way (one annotation per search hit); false puts all of a page's hits in one annotation, which is faster.
 */
function mupdfBaseline(pdf: Uint8Array, perHit: boolean): number {
  const start = performance.now()
  const doc = new mupdf.PDFDocument(pdf)
  for (let i = 0; i < doc.countPages(); i++) {
    const page = doc.loadPage(i)
    const hits = TERMS.flatMap((term) => page.search(term, 'ignore-case'))
    if (perHit) for (const quads of hits) page.createAnnotation('Redact').setQuadPoints(quads)
    else if (hits.length > 0) page.createAnnotation('Redact').setQuadPoints(hits.flat())
    if (hits.length > 0) {
      page.applyRedactions(
        true,
        mupdf.PDFPage.REDACT_IMAGE_PIXELS,
        mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED,
        mupdf.PDFPage.REDACT_TEXT_REMOVE,
      )
    }
    page.destroy()
  }
  doc.saveToBuffer('garbage=compact,compress').destroy()
  doc.destroy()
  return performance.now() - start
}

type Detect = NonNullable<Parameters<typeof buildBundle>[1]['detect']>

interface ChildReport {
  ms: number
  maxRssMb: number
  pageCount: number
  redactionCount: number
  documents: number
  ok: boolean
  /** Pages of the bundle the verifier read by OCR. */
  ocrPages: number
  timings: Record<string, number>
  survivors?: string[]
  /** CPU time of the whole bundle process, main thread and worker threads (user + system). */
  cpuMs: number
  threads?: number
  peakMb?: Record<string, number>
}

const OCR = values['ocr-every-page'] ? 'every-page' : 'needed'

/** Child mode: bundle the files in a directory and report time and peak memory as JSON. */
async function child(dir: string): Promise<void> {
  const inputs = fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }))
  const detect: Detect | undefined = values.auto
    ? (await import('../src/disclosure/detect/detect.js')).detect
    : undefined
  const start = performance.now()
  const cpu = process.cpuUsage()
  const cpuMs = () => {
    const c = process.cpuUsage(cpu)
    return (c.user + c.system) / 1000
  }
  if (values.workbench) {
    const result = await workbenchBundle(inputs, TERMS, values.auto ?? false, ['Phillip K Allen', 'Phillip Allen'], OCR)
    const report: ChildReport = {
      ms: performance.now() - start,
      cpuMs: cpuMs(),
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      ...result,
    }
    await stopOcr()
    process.stdout.write(JSON.stringify(report))
    return
  }
  const result = await buildBundle(inputs, {
    reference: 'BENCH-0001',
    controllerName: 'Benchmark Constabulary',
    date: '1 January 2026',
    terms: TERMS,
    auto: detect !== undefined,
    detect,
    subject: detect ? { names: ['Phillip K Allen', 'Phillip Allen'] } : undefined,
    ocr: OCR,
  })
  const report: ChildReport = {
    ms: performance.now() - start,
    cpuMs: cpuMs(),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    pageCount: result.pageCount,
    redactionCount: result.redactionCount,
    documents: result.documents.length,
    ok: result.verification.ok,
    ocrPages: result.verification.ocrPages.length,
    timings: result.timings,
  }
  await stopOcr()
  process.stdout.write(JSON.stringify(report))
}

function ours(dir: string): ChildReport {
  const flags = [
    ...(values.auto ? ['--auto'] : []),
    ...(values.workbench ? ['--workbench'] : []),
    ...(values['ocr-every-page'] ? ['--ocr-every-page'] : []),
  ]
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--child', dir, ...flags]
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (run.status !== 0) throw new Error(`bundle run failed: ${run.stderr}`)
  return JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as ChildReport
}

async function main(): Promise<void> {
  const { inputs, pages } = await buildInputs()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-speed-'))
  inputs.forEach((input, i) =>
    fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${input.name}`), input.bytes),
  )
  // The baseline works on exactly the pages we bundle: every ingested document merged into one PDF.
  const ingested = (await Promise.all(inputs.map((i) => ingestFile(i.bytes, i.name)))).flatMap((r) => r.documents)
  const merged = mergePdfs(ingested.map((d) => d.pdf))
  const best = { baseline: Infinity, onePerPage: Infinity, ours: Infinity, maxRssMb: 0, cpuMs: Infinity }
  const loads: string[] = [load()]
  let last: ChildReport | undefined
  for (let run = 0; run < Number(values.runs); run++) {
    best.baseline = Math.min(best.baseline, mupdfBaseline(merged.pdf, true))
    best.onePerPage = Math.min(best.onePerPage, mupdfBaseline(merged.pdf, false))
    last = ours(dir)
    best.ours = Math.min(best.ours, last.ms)
    best.maxRssMb = Math.max(best.maxRssMb, last.maxRssMb)
    best.cpuMs = Math.min(best.cpuMs, last.cpuMs)
    loads.push(load())
  }
  fs.rmSync(dir, { recursive: true, force: true })
  if (!last) return
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  const rate = (n: number, ms: number) => `${(n / (ms / 1000)).toFixed(0)} pages/s`
  console.log(
    `inputs: ${inputs.length} files → ${last.documents} documents, ${pages} content pages${values.auto ? ', --auto' : ''}${values.workbench ? ', workbench path' : ''}`,
  )
  console.log(
    `bundle: ${last.pageCount} pages, ${last.redactionCount} redactions, verified: ${last.ok} (OCR read ${last.ocrPages} pages)`,
  )
  if (!last.ok && last.survivors) console.log(`not verified: ${last.survivors.slice(0, 10).join('; ')}`)
  console.log(
    `stages (last run): ${Object.entries(last.timings)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}`,
  )
  console.log(`ours:   ${fmt(best.ours)} (${rate(pages, best.ours)}), best of ${values.runs}`)
  console.log(
    `mupdf:  ${fmt(best.baseline)} (${rate(merged.pageCount, best.baseline)}) search + redact (annotation per hit) + save`,
  )
  console.log(
    `mupdf:  ${fmt(best.onePerPage)} (${rate(merged.pageCount, best.onePerPage)}) same, one annotation per page`,
  )
  console.log(
    `ratio:  ${(best.baseline / best.ours).toFixed(2)}× mupdf's speed (target ≥ 0.5×); ${(best.onePerPage / best.ours).toFixed(2)}× the faster variant`,
  )
  console.log(`peak memory of the bundle process: ${best.maxRssMb.toFixed(0)} MB maxRSS (target < 1024 MB)`)
  if (last.peakMb)
    console.log(
      `peak memory by stage (last run, sampled): ${Object.entries(last.peakMb)
        .map(([k, v]) => `${k} ${v} MB`)
        .join(', ')}`,
    )
  console.log(
    `CPU of the bundle process (best run): ${fmt(best.cpuMs)}${last.threads !== undefined ? `, ${last.threads} worker threads` : ''}`,
  )
  console.log(`load average (1, 5, 15 min; 2 cores) before and after each run: ${loads.join(' → ')}`)
}

if (values.child) await child(values.child)
else await main()
