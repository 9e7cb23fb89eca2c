import { DEFAULT_REDACTION_EXEMPTION, exemptionByCode, type Exemption } from '../domain/index.js'
import {
  addFrontMatter,
  addSchedule,
  titleNeedles,
  withNeedles,
  portabilityExport,
  protectWording,
  scheduleEntries,
  type ExemptionNote,
  type PlacedDocument,
  type ScheduleEntry,
} from './bundle/index.js'
import type { DetectedSpan, DetectOptions } from './detect/types.js'
import { collapseDuplicates, ingestFile, type IngestedDocument } from './ingest/index.js'
import { BundleWriter, releaseEngineCaches, WorkingPdf } from './pdf/index.js'
import { buildNeedles, redactDocument, verifyPdf, type NeedleSet } from './redact/index.js'
import { redactByOcr } from './redact/ocr-redact.js'
import {
  BundleOptionsError,
  type BundledDocument,
  type BundleInput,
  type BundleOptions,
  type BundleResult,
  type BundleStage,
} from './pipeline-types.js'

export * from './pipeline-types.js'

/** What every stage needs: the options, where to record failures, and how to report progress. */
interface Run {
  options: BundleOptions
  failures: BundleResult['failures']
  progress: (stage: BundleStage, done: number, total: number) => void
}

/** A document's page texts (and detections), read in the first pass when detection needs the whole bundle. */
type Placed = PlacedDocument & { source: IngestedDocument }

interface ReadDocument {
  doc: IngestedDocument
  texts?: string[]
  spans?: DetectedSpan[][]
}

/**
 * Builds a disclosure bundle: ingest every file, read every page (and detect), redact, assemble (cover, contents,
 * documents, schedule, page stamps), save clean (optionally encrypted), then verify the saved file with two
 * extractors and a scan of every object. A file that cannot be used is reported in `failures` and the rest go on.
 * The caller must not release `pdf` unless `verification.ok`.
 */
export async function buildBundle(inputs: BundleInput[], options: BundleOptions): Promise<BundleResult> {
  const exemption = checkOptions(options)
  const timings: Record<BundleStage, number> = { ingest: 0, read: 0, redact: 0, assemble: 0, verify: 0 }
  const timed = async <T>(stage: BundleStage, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now()
    try {
      return await fn()
    } finally {
      timings[stage] += performance.now() - start
    }
  }
  const progress = (stage: BundleStage, done: number, total: number) => options.onProgress?.({ stage, done, total })
  const run: Run = { options, failures: [], progress }

  const ingested = await timed('ingest', () => ingestAll(inputs, run))
  const dedup = collapseDuplicates(ingested)
  const read = await timed('read', () => readAll(dedup.kept, run))
  const needles = needlesFor(options, read)
  const writer = new BundleWriter()
  try {
    const placed = await timed('redact', () => redactAll(read, writer, needles, run))
    releaseEngineCaches()
    // Titles (file names, email subjects) are printed in the contents: a surname alone there is still the person.
    const people = [
      ...new Set(
        read
          .flatMap((r) => r.spans?.flat() ?? [])
          .filter((s) => s.type === 'PERSON')
          .map((s) => s.text),
      ),
    ]
    const titles = titleNeedles(people, options.terms ?? [], options.subject?.names ?? [])
    const assembled = await timed('assemble', () => assemble(writer, placed, needles, options, exemption, titles))
    // Verification reads the saved bytes: the assembled document goes first, so the two never share the engine's
    // memory (destroying again in `finally` is harmless).
    writer.destroy()
    releaseEngineCaches()
    progress('verify', 0, 1)
    const verification = await timed('verify', () =>
      // The cover's and schedule's own wording is not a leak of a detected everyday word (bundle/wording.ts).
      verifyPdf(assembled.pdf, protectWording(needles, [assembled.note], assembled.schedule.length), options.password, {
        ocr: options.ocr,
      }),
    )
    progress('verify', 1, 1)
    const documents = placed.map((d, i) => describe(d, i, assembled.frontPages))
    return {
      pdf: assembled.pdf,
      pageCount: assembled.pageCount,
      redactionCount: assembled.schedule.length,
      schedule: assembled.schedule,
      documents,
      failures: run.failures,
      duplicates: dedup.duplicates,
      nearDuplicates: dedup.nearDuplicates,
      verification,
      exportFiles: options.exportData
        ? portabilityExport({
            reference: options.reference,
            controllerName: options.controllerName,
            date: options.date,
            documents,
            redactions: assembled.schedule,
            needles,
            pageTexts: verification.pageTexts,
          })
        : undefined,
      timings,
    }
  } finally {
    writer.destroy()
  }
}

function checkOptions(options: BundleOptions): Exemption {
  const code = options.exemption ?? DEFAULT_REDACTION_EXEMPTION
  const exemption = exemptionByCode(code)
  if (!exemption) throw new BundleOptionsError(`unknown exemption code ${code}`)
  if (options.auto && !options.detect) throw new BundleOptionsError('automatic redaction needs a detector')
  // mupdf reads save options as a comma-separated list: a comma or equals sign would end the password early.
  if (options.password !== undefined && (options.password.length < 8 || /[,=\s]/.test(options.password))) {
    throw new BundleOptionsError('the password must be at least 8 characters, without commas, "=" or spaces')
  }
  return exemption
}

async function ingestAll(inputs: BundleInput[], run: Run): Promise<IngestedDocument[]> {
  const documents: IngestedDocument[] = []
  for (const [i, input] of inputs.entries()) {
    const result = await ingestFile(input.bytes, input.name, run.options.limits)
    if (result.error !== undefined) run.failures.push({ document: input.name, error: result.error })
    documents.push(...result.documents)
    run.progress('ingest', i + 1, inputs.length)
  }
  return documents
}

/**
 * With detection, every page is read and detected before anything is redacted, so a name detected on page 900 is
 * removed from page 3 too. Documents are closed after reading and reopened for redaction: only one source
 * document is open at a time, which keeps memory flat however large the bundle.
 */
function readAll(documents: IngestedDocument[], run: Run): ReadDocument[] {
  const detect = detectorFor(run.options)
  if (!detect) return documents.map((doc) => ({ doc }))
  const read: ReadDocument[] = []
  documents.forEach((doc, i) => {
    try {
      const texts = withPrepared(doc, (work) => pageTexts(work))
      read.push({ doc, texts, spans: texts.map(detect) })
    } catch (err) {
      run.failures.push({ document: doc.sourceName, error: message(err) })
    }
    run.progress('read', i + 1, documents.length)
  })
  return read
}

function withPrepared<T>(doc: IngestedDocument, fn: (work: WorkingPdf) => T): T {
  const work = WorkingPdf.open(doc.pdf)
  try {
    work.prepare()
    return fn(work)
  } finally {
    work.destroy()
  }
}

function pageTexts(work: WorkingPdf): string[] {
  return Array.from({ length: work.pageCount }, (_, p) => work.pageText(p))
}

function detectorFor(options: BundleOptions): ((text: string) => DetectedSpan[]) | undefined {
  const detect = options.detect
  if (!options.auto || !detect) return undefined
  const detectOptions: DetectOptions = { ...options.detectOptions, subject: options.subject }
  return (text) => detect(text, detectOptions)
}

/**
 * Terms, and every redactable detection (so a name found on one page is removed on every page). Protected from
 * detection-derived removal: the subject's identifiers, and the case reference and controller printed on every
 * page (a detector calling a reference a crime number must not make every page stamp a "survivor").
 */
function needlesFor(options: BundleOptions, read: ReadDocument[]): NeedleSet {
  const spans = read.flatMap((r) => r.spans?.flat() ?? [])
  const s = options.subject
  const identifiers = s ? [s.names, s.emails, s.phones, s.addresses, s.postcodes, s.datesOfBirth] : []
  const protect = [
    ...identifiers.flatMap((list) => list ?? []),
    ...spans.filter((span) => span.type === 'SUBJECT').map((span) => span.text),
    options.reference,
    options.controllerName,
  ]
  return buildNeedles(options.terms ?? [], spans, protect)
}

/**
 * Redacts each document by its text, then by what OCR reads on the pages extraction cannot vouch for (a name drawn as
 * shapes, a picture of it), before copying it into the bundle.
 */
async function redactAll(read: ReadDocument[], writer: BundleWriter, needles: NeedleSet, run: Run): Promise<Placed[]> {
  const redetect = detectorFor(run.options)
  const placed: Placed[] = []
  for (const [i, r] of read.entries()) {
    const work = WorkingPdf.open(r.doc.pdf)
    try {
      work.prepare()
      const redactions = redactDocument(work, r.texts ?? pageTexts(work), needles, r.spans, redetect)
      redactions.push(...(await redactByOcr(work, needles)))
      redactions.sort((a, b) => a.page - b.page)
      const bodyIndex = writer.addDocument(work)
      placed.push({
        title: r.doc.title,
        kind: r.doc.kind,
        bodyIndex,
        pageCount: work.pageCount,
        redactions,
        source: r.doc,
      })
    } catch (err) {
      run.failures.push({ document: r.doc.sourceName, error: message(err) })
    } finally {
      work.destroy()
    }
    run.progress('redact', i + 1, read.length)
  }
  return placed
}

function assemble(
  writer: BundleWriter,
  placed: PlacedDocument[],
  needles: NeedleSet,
  options: BundleOptions,
  exemption: Exemption,
  titles: NeedleSet,
): { pdf: Uint8Array; pageCount: number; frontPages: number; schedule: ScheduleEntry[]; note: ExemptionNote } {
  const facts = { reference: options.reference, controllerName: options.controllerName, dateText: options.date }
  const front = addFrontMatter(writer, facts, placed, withNeedles(needles, titles))
  const schedule = scheduleEntries(front.redactions, front.pageCount, placed, exemption)
  const note = {
    code: exemption.code,
    citation: exemption.citation,
    shortName: exemption.shortName,
    explanation: exemption.explanation,
  }
  addSchedule(writer, schedule, [note])
  writer.stampPages((n, m) => `Page ${n} of ${m} — ${options.reference}`)
  const pdf = writer.save({ password: options.password })
  return { pdf, pageCount: writer.pageCount, frontPages: front.pageCount, schedule, note }
}

function describe(d: Placed, i: number, frontPages: number): BundledDocument {
  return {
    number: i + 1,
    title: d.title,
    kind: d.kind,
    sourceName: d.source.sourceName,
    firstPage: frontPages + d.bodyIndex + 1,
    pageCount: d.pageCount,
    needsManualReview: d.source.needsManualReview,
    warnings: d.source.warnings,
  }
}

function message(err: unknown): string {
  return err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err)
}
