import { inkOf, needsOcrToVerify, openForReading } from '../pdf/index.js'
import { readPage } from '../ocr/read-page.js'

/** 'needed': pages whose ink extraction cannot vouch for (pdf/page-ink.ts); 'every-page': all; 'off': none. */
export type OcrMode = 'needed' | 'every-page' | 'off'

/**
 * The verifier's fourth reader: renders each page as a person sees it and reads it with OCR, handing the text read
 * to `check`. A page drawn only in the standard fonts, in reading order, with nothing else on it but boxes and rules
 * is skipped under 'needed': its shapes follow from its character codes, so extraction has already read exactly what
 * a person sees. Returns the pages read (1-based).
 */
export async function readPagesByOcr(
  bytes: Uint8Array,
  password: string | undefined,
  mode: OcrMode,
  check: (text: string, page: number) => void,
): Promise<number[]> {
  if (mode === 'off') return []
  const doc = openForReading(bytes, password)
  const read: number[] = []
  try {
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i)
      try {
        const ink = inkOf(doc, page, i)
        if (mode === 'needed' && !needsOcrToVerify(ink)) continue
        const reading = await readPage(page, { angles: ink.angles, mirrored: ink.mirrored })
        check(reading.text, i + 1)
        read.push(i + 1)
      } finally {
        page.destroy()
      }
    }
  } finally {
    doc.destroy()
  }
  return read
}
