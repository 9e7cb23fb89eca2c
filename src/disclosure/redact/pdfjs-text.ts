import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * PDF.js, the second extractor: an independent implementation (Mozilla's, in Firefox) reading the same bytes. A
 * string that mupdf removed but PDF.js still finds is a leak mupdf cannot see.
 *
 * It runs in a worker thread: in parallel with mupdf's own read-back on the main thread, and under a heap limit,
 * so a hostile or huge file can only kill the worker (reported as a verification failure), never the process.
 */

const require = createRequire(import.meta.url)
const PDFJS_URL = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href
const STANDARD_FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep
const HEAP_LIMIT_MB = 256

/** One text item as PDF.js reports it: text, origin x and y, font size, advance width, end of line. */
export type PdfjsItem = [str: string, x: number, y: number, size: number, width: number, eol: boolean]

export interface PdfjsReading {
  /** Text of each page, then any text in that page's annotations. */
  pages: string[]
  metadata: string
  attachments: string
  outline: string
}

interface WorkerReply {
  pages?: { items: PdfjsItem[]; annotations: string }[]
  metadata?: string
  attachments?: string
  outline?: string
  error?: string
}

// Plain JavaScript: a worker does not inherit the TypeScript loader. Only PDF.js calls; the logic stays below.
// Requests are served one at a time, so one document's memory is released before the next is read.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const pdfjs = import(workerData.pdfjsUrl)
// PDF.js keeps something of every page it has read until the document is destroyed (about 0.25 MB a page
// measured), so long bundles are read in chunks, each with a freshly opened document.
const CHUNK = 100
async function open(bytes, password) {
  const { getDocument } = await pdfjs
  return getDocument({ data: bytes.slice(), password, isEvalSupported: false, disableFontFace: true,
    useSystemFonts: false, standardFontDataUrl: workerData.standardFonts, verbosity: 0 })
}
async function readPages(bytes, password, from, pages) {
  const task = await open(bytes, password)
  try {
    const pdf = await task.promise
    const to = Math.min(pdf.numPages, from + CHUNK - 1)
    for (let n = from; n <= to; n++) {
      const page = await pdf.getPage(n)
      // Our matcher folds compatibility forms itself (NFKD per character), so PDF.js's own pass is skipped: -35%.
      const content = await page.getTextContent({ disableNormalization: true })
      const items = content.items.filter((i) => 'str' in i).map((i) =>
        [i.str, i.transform[4], i.transform[5], Math.hypot(i.transform[2], i.transform[3]) || i.height || 1, i.width, i.hasEOL])
      pages.push({ items, annotations: JSON.stringify(await page.getAnnotations()) })
      page.cleanup()
    }
    return pdf.numPages
  } finally {
    await task.destroy()
  }
}
async function read({ bytes, password }) {
  const pages = []
  for (let from = 1, total = 1; from <= total; from += CHUNK) total = await readPages(bytes, password, from, pages)
  const task = await open(bytes, password)
  try {
    const pdf = await task.promise
    const meta = await pdf.getMetadata()
    const metadata = JSON.stringify(meta.info || {}) + '\\n' + (meta.metadata ? String(meta.metadata.getRaw()) : '')
    const files = (await pdf.getAttachments()) || {}
    const attachments = Object.entries(files).map(([k, a]) =>
      k + '\\n' + (a.filename || '') + '\\n' + (a.content ? Buffer.from(a.content).toString('latin1') : '')).join('\\n')
    const outline = JSON.stringify(await pdf.getOutline())
    return { pages, metadata, attachments, outline }
  } finally {
    await task.destroy()
  }
}
let queue = Promise.resolve()
parentPort.on('message', (request) => {
  queue = queue.then(() => read(request)
    .then((reply) => parentPort.postMessage({ id: request.id, ...reply }))
    .catch((err) => parentPort.postMessage({ id: request.id, error: String((err && err.message) || err) })))
})
`

export async function readWithPdfjs(bytes: Uint8Array, password?: string): Promise<PdfjsReading> {
  const reply = await pdfjsWorker().request({ bytes: bytes.slice(), password })
  if (reply.error !== undefined || !reply.pages) throw new Error(`PDF.js could not read the bundle: ${reply.error}`)
  return {
    pages: reply.pages.map((p) => joinItems(p.items) + '\n' + p.annotations),
    metadata: reply.metadata ?? '',
    attachments: reply.attachments ?? '',
    outline: reply.outline ?? '',
  }
}

/** Starting PDF.js costs about half a second, so one worker serves every request and leaves when idle. */
const IDLE_MS = 10_000

class PdfjsWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, (reply: WorkerReply) => void>()
  private nextId = 1
  private idle: NodeJS.Timeout | undefined
  dead = false

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfjsUrl: PDFJS_URL, standardFonts: STANDARD_FONTS },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    })
    this.worker.on('message', (reply: WorkerReply & { id: number }) => this.settle(reply.id, reply))
    this.worker.on('error', (err) => this.fail(err.message))
    this.worker.on('exit', (code) => this.fail(`worker stopped (exit code ${code})`))
  }

  request(data: { bytes: Uint8Array; password?: string }): Promise<WorkerReply> {
    clearTimeout(this.idle)
    this.worker.ref() // keep the process alive while a reply is owed
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.worker.postMessage({ id, ...data }, [data.bytes.buffer as ArrayBuffer])
    })
  }

  private settle(id: number, reply: WorkerReply): void {
    this.pending.get(id)?.(reply)
    this.pending.delete(id)
    if (this.pending.size > 0) return
    this.worker.unref()
    this.idle = setTimeout(() => void this.worker.terminate(), IDLE_MS)
    this.idle.unref()
  }

  /** A crash or a heap limit hit fails what was asked of it; the next request starts a fresh worker. */
  private fail(error: string): void {
    this.dead = true
    clearTimeout(this.idle)
    for (const resolve of this.pending.values()) resolve({ error })
    this.pending.clear()
  }
}

let shared: PdfjsWorker | undefined

function pdfjsWorker(): PdfjsWorker {
  if (!shared || shared.dead) shared = new PdfjsWorker()
  return shared
}

/**
 * Rebuilds lines from PDF.js's text items: a new line when the item says so or the baseline moves, a space when
 * there is a visible gap. Getting gaps right matters: a false space would split a word and hide a short name.
 */
export function joinItems(items: readonly PdfjsItem[]): string {
  let out = ''
  let prev: PdfjsItem | undefined
  for (const item of items) {
    const [str, x, y, size] = item
    if (prev) {
      const [, px, py, , pwidth, peol] = prev
      if (peol || Math.abs(y - py) > size * 0.5) out += '\n'
      else if (x - (px + pwidth) > size * 0.15) out += ' '
    }
    out += str
    prev = item
  }
  return out
}
