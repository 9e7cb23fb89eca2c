import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fail, wantsHelp, type CliCommand } from '../command.js'
import { generatePassword } from '../../disclosure/bundle/index.js'
import type { DetectedSpan, DetectOptions } from '../../disclosure/detect/types.js'
import { readInputFile } from '../../disclosure/ingest/index.js'
import { stopOcr } from '../../disclosure/ocr/engine.js'
import { buildBundle, BundleOptionsError, type BundleInput, type BundleResult } from '../../disclosure/pipeline.js'

const usage = `Usage: rightsdesk redact FILE... --out BUNDLE.pdf [options]

Builds one disclosure bundle from the files (PDF, Word, Excel, CSV, text, email .eml/.msg/mbox, JPEG/PNG):
cover sheet, contents, every page redacted and stamped "Page N of M — REF", and a redaction schedule. The
saved file is then read back four ways (PDF.js, MuPDF, a scan of every object, and OCR of every page whose ink
text extraction cannot vouch for); if any redacted string survives anywhere, nothing is written. Scans, photographs
and letters drawn as shapes are read by OCR when the files are ingested (English; nothing to install).

Options:
  --out FILE          where to write the bundle (required)
  --term TEXT         remove every occurrence of TEXT (repeatable; case- and spacing-insensitive)
  --auto              also remove everything the detector finds that is not the subject's own data
  --subject NAME      the data subject's name, never removed by --auto (repeatable)
  --exemption CODE    exemption cited in the schedule (default S2P3_16_THIRD)
  --password PW       encrypt the bundle (AES-256) with PW
  --encrypt           encrypt with a generated password, printed once
  --reference REF     case reference for the cover and page stamps (default: the output file's name)
  --controller NAME   the disclosing organisation (default: "Data controller")
  --date TEXT         date printed on the cover (default: today)
  --export DIR        also write the machine-readable export (JSON, CSV, schema) into DIR
  --ocr-every-page    read every page of the bundle by OCR when verifying, not only those that need it

Exit 0: bundle written and verified. Exit 1: a redacted string survived, still readable (the page is named;
nothing written).
Exit 2: bad usage, or a file is unreadable or damaged (named; nothing written).
`

type Detect = (text: string, options: DetectOptions) => DetectedSpan[]

export const redactCommand: CliCommand = {
  name: 'redact',
  usage,
  async run(argv) {
    if (wantsHelp(argv)) {
      process.stdout.write(usage)
      return 0
    }
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          out: { type: 'string' },
          term: { type: 'string', multiple: true },
          auto: { type: 'boolean' },
          subject: { type: 'string', multiple: true },
          exemption: { type: 'string' },
          password: { type: 'string' },
          encrypt: { type: 'boolean' },
          reference: { type: 'string' },
          controller: { type: 'string' },
          date: { type: 'string' },
          export: { type: 'string' },
          'ocr-every-page': { type: 'boolean' },
        },
      })
    } catch (err) {
      return fail('redact', err instanceof Error ? err.message : String(err), 2)
    }
    const { values, positionals } = parsed
    if (!values.out) return fail('redact', 'missing --out BUNDLE.pdf', 2)
    if (positionals.length === 0) return fail('redact', 'no input files', 2)
    if (values.password && values.encrypt) return fail('redact', 'use --password or --encrypt, not both', 2)

    const inputs: BundleInput[] = []
    for (const file of positionals) {
      const read = await readInputFile(file)
      if (read.error !== undefined) return fail('redact', `${file}: ${read.error}. Nothing written.`, 2)
      inputs.push({ name: path.basename(file), bytes: read.bytes })
    }
    const detect = values.auto ? await loadDetector() : undefined
    const password = values.encrypt ? generatePassword() : values.password

    let result: BundleResult
    try {
      result = await buildBundle(inputs, {
        reference: values.reference ?? path.basename(values.out, path.extname(values.out)),
        controllerName: values.controller ?? 'Data controller',
        date: values.date ?? todayInLondon(),
        terms: values.term ?? [],
        auto: values.auto ?? false,
        subject: values.subject ? { names: values.subject } : undefined,
        detect,
        exemption: values.exemption,
        password,
        exportData: values.export !== undefined,
        ocr: values['ocr-every-page'] ? 'every-page' : 'needed',
      })
    } catch (err) {
      if (err instanceof BundleOptionsError) return fail('redact', err.message, 2)
      throw err
    } finally {
      // The OCR worker thread would keep the process alive until it idles out.
      await stopOcr()
    }
    return report(result, values.out, values.export, values.encrypt ? password : undefined)
  },
}

async function report(result: BundleResult, out: string, exportDir?: string, generated?: string): Promise<number> {
  if (result.failures.length > 0) {
    for (const f of result.failures) process.stderr.write(`rightsdesk redact: ${f.document}: ${f.error}\n`)
    process.stderr.write('rightsdesk redact: nothing written.\n')
    return 2
  }
  if (!result.verification.ok) {
    for (const s of result.verification.survivors) {
      const how = s.extractor === 'ocr' ? 'still readable on the rendered page (OCR)' : `found by ${s.extractor}`
      process.stderr.write(`rightsdesk redact: ${s.needle} survives on ${s.where} (${how})\n`)
    }
    process.stderr.write('rightsdesk redact: verification failed; nothing written.\n')
    return 1
  }
  await writeAtomically(out, result.pdf)
  if (exportDir && result.exportFiles) {
    await fs.mkdir(exportDir, { recursive: true })
    for (const file of result.exportFiles) await fs.writeFile(path.join(exportDir, file.name), file.content)
  }
  for (const d of result.documents.filter((doc) => doc.needsManualReview)) {
    process.stdout.write(
      `Needs manual review: ${d.sourceName} (pages ${d.firstPage}–${d.firstPage + d.pageCount - 1}): ${d.warnings.join('; ')}\n`,
    )
  }
  for (const d of result.duplicates)
    process.stdout.write(
      `Duplicate left out: ${d.sourceName} (same as ${d.sourceName === d.sameAs ? 'an earlier copy' : d.sameAs})\n`,
    )
  for (const g of result.nearDuplicates)
    process.stdout.write(`Possible duplicates (${g.reason}): ${g.sourceNames.join(', ')}\n`)
  const ocr = result.verification.ocrPages
  process.stdout.write(
    `Wrote ${out}: ${result.pageCount} pages, ${result.redactionCount} redactions, ` +
      `verified by ${result.verification.extractors.join(', ')}` +
      (ocr.length > 0 ? ` (OCR read ${ocr.length === 1 ? 'page' : 'pages'} ${ocr.join(', ')})` : '') +
      '.\n',
  )
  if (generated) process.stdout.write(`Password: ${generated}\n`)
  return 0
}

/** Written beside the target and renamed into place, so a reader never sees half a bundle. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await fs.writeFile(temp, bytes)
  await fs.rename(temp, file)
}

/** Loaded only for --auto: the detector's word lists take a moment to load. */
async function loadDetector(): Promise<Detect> {
  const { detect } = await import('../../disclosure/detect/detect.js')
  return detect
}

function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date())
}
