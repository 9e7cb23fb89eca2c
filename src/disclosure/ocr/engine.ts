import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The OCR engine: Tesseract (LSTM, English) compiled to WebAssembly by tesseract.js, with its language data from the
 * @tesseract.js-data/eng package. Everything is read from node_modules: the worker script, the WebAssembly core and
 * the traineddata, so `npm ci` alone gives a machine that reads pages exactly as production does, with no network
 * (tesseract.js fetches from a CDN only when no langPath is given; we always give one, and never cache to disk).
 *
 * One worker serves the whole process (a process-wide singleton), created on first use: commands that never OCR a
 * page never pay for loading it (about 0.7 s and 60 MB). It stops after a while idle, or when asked (the CLI asks
 * before it exits, since the worker thread would otherwise keep the process alive until the idle timer fires).
 */

const require = createRequire(import.meta.url)

/** The "best" LSTM model quantised to integers: what tesseract.js itself uses by default, 2.9 MB compressed. */
const LANG_PATH = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
const IDLE_MS = 30_000

/** One word as read: its text, its box in image pixels, and Tesseract's confidence (0–100). */
export interface OcrWord {
  text: string
  /** x0, y0, x1, y1 in pixels of the image given, origin top-left. */
  box: [number, number, number, number]
  confidence: number
  /** Words with the same line number are on one line (block, paragraph and line numbers combined). */
  line: number
}

interface TesseractWorker {
  recognize(image: Buffer, options: object, output: object): Promise<{ data: { tsv: string | null } }>
  setParameters(params: Record<string, string>): Promise<unknown>
  terminate(): Promise<unknown>
}

let starting: Promise<TesseractWorker> | undefined
let idle: NodeJS.Timeout | undefined
let busy = 0

async function start(): Promise<TesseractWorker> {
  const tesseract = await import('tesseract.js')
  const worker = (await tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    gzip: true,
    cacheMethod: 'none',
    errorHandler: () => undefined,
  })) as unknown as TesseractWorker
  // Keep interword spaces as drawn: a name spaced out letter by letter must still be seen as one run of letters.
  await worker.setParameters({ preserve_interword_spaces: '1' })
  return worker
}

function worker(): Promise<TesseractWorker> {
  clearTimeout(idle)
  starting ??= start().catch((err: unknown) => {
    starting = undefined
    throw err
  })
  return starting
}

/** Reads the words of an image (PNG, JPEG or PNM bytes). Calls are served one at a time, in order. */
export async function recogniseImage(image: Uint8Array): Promise<OcrWord[]> {
  busy++
  try {
    const w = await worker()
    const result = await w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { tsv: true })
    return parseTsv(result.data.tsv ?? '')
  } finally {
    busy--
    if (busy === 0) {
      idle = setTimeout(() => void stopOcr(), IDLE_MS)
      idle.unref()
    }
  }
}

/** Stops the worker (if one was started). The next call starts a fresh one. */
export async function stopOcr(): Promise<void> {
  clearTimeout(idle)
  const current = starting
  starting = undefined
  if (!current) return
  try {
    await (await current).terminate()
  } catch {
    // a worker that failed to start has nothing to stop
  }
}

/** True when the worker has been started and not stopped: for tests that check commands do not load it. */
export function ocrStarted(): boolean {
  return starting !== undefined
}

/** Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, confidence, text. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = []
  for (const row of tsv.split('\n')) {
    const f = row.split('\t')
    if (f[0] !== '5' || f.length < 12) continue
    const text = f.slice(11).join('\t').trim()
    if (!text) continue
    const [left, top, width, height, confidence] = f.slice(6, 11).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ]
    const line = Number(f[2]) * 1_000_000 + Number(f[3]) * 1_000 + Number(f[4])
    words.push({ text, box: [left, top, left + width, top + height], confidence, line })
  }
  return words
}
