import { crc32 } from 'node:zlib'
import { fileTypeFromBuffer } from 'file-type'
import * as mupdf from 'mupdf'

/** Largest file a member of the public may upload; the web layer stops reading at this size. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** Images bigger than this many pixels are refused before decoding, so a tiny file cannot claim gigabytes. */
const MAX_IMAGE_PIXELS = 60_000_000

export type UploadProblem = 'empty' | 'too-large' | 'wrong-type' | 'corrupt' | 'active-content' | 'encrypted'

export type UploadCheck = { ok: true; contentType: string; extension: string } | { ok: false; problem: UploadProblem }

const ACCEPTED: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heic',
}

/**
 * Decides whether an uploaded file may be kept, from its bytes alone: the name and the browser's content type are
 * ignored, because both are chosen by the sender. Nothing in the file is ever run; PDFs are only parsed to look
 * for scripts and actions, images are decoded to prove they are images.
 */
export async function checkUpload(bytes: Uint8Array, opts: { truncated?: boolean } = {}): Promise<UploadCheck> {
  if (opts.truncated || bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, problem: 'too-large' }
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' }
  const detected = await fileTypeFromBuffer(bytes)
  const contentType = detected ? (detected.mime as string) : null
  const extension = contentType ? ACCEPTED[contentType] : undefined
  if (!contentType || !extension) return { ok: false, problem: 'wrong-type' }
  const problem = structureProblem(contentType, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  if (problem) return { ok: false, problem }
  return { ok: true, contentType: contentType === 'image/heif' ? 'image/heic' : contentType, extension }
}

function structureProblem(contentType: string, bytes: Buffer): UploadProblem | null {
  switch (contentType) {
    case 'application/pdf':
      return pdfProblem(bytes)
    case 'image/png':
      return pngIsWhole(bytes) && decodes(bytes) ? null : 'corrupt'
    case 'image/jpeg':
      return jpegIsWhole(bytes) && decodes(bytes) ? null : 'corrupt'
    default:
      // HEIC: no decoder here. file-type has read its ftyp box; the caseworker's viewer decodes it, never a script.
      return bytes.byteLength >= 32 ? null : 'corrupt'
  }
}

/** PNG: signature, then chunks each with a correct CRC, IHDR first and IEND last (a cut-off upload fails here). */
export function pngIsWhole(bytes: Buffer): boolean {
  let at = 8
  let first = true
  while (at + 12 <= bytes.byteLength) {
    const length = bytes.readUInt32BE(at)
    const end = at + 12 + length
    if (end > bytes.byteLength) return false
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (first && type !== 'IHDR') return false
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) return false
    if (type === 'IEND') return true
    first = false
    at = end
  }
  return false
}

/** JPEG: start-of-image, well-formed segments up to the scan, and an end-of-image marker at the end. */
export function jpegIsWhole(bytes: Buffer): boolean {
  if (bytes.byteLength < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false
  let at = 2
  for (;;) {
    if (at + 4 > bytes.byteLength || bytes[at] !== 0xff) return false
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xd9) return false // end of image before any scan
    const length = bytes.readUInt16BE(at + 2)
    if (length < 2) return false
    if (marker === 0xda) break // start of scan: entropy-coded data follows
    at += 2 + length
  }
  // Trailing padding after EOI is common (cameras, some editors); the marker must still be there.
  const tail = bytes.subarray(Math.max(0, bytes.byteLength - 4096))
  return tail.lastIndexOf(Buffer.from([0xff, 0xd9])) !== -1
}

function decodes(bytes: Buffer): boolean {
  try {
    const image = new mupdf.Image(bytes)
    const pixels = image.getWidth() * image.getHeight()
    if (!(pixels > 0) || pixels > MAX_IMAGE_PIXELS) return false
    image.toPixmap()
    return true
  } catch {
    return false
  }
}

// Keys that make a PDF do something by itself: scripts, actions on open or on events, launching programs.
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'AA', 'Launch', 'RichMedia', 'XFA'])
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'ImportData', 'SubmitForm', 'Rendition', 'GoToE'])
// Only long names: two-letter ones (/JS, /AA) turn up by chance inside compressed image data.
const RAW_ACTIVE = /\/(?:JavaScript|Launch)\b/

function pdfProblem(bytes: Buffer): UploadProblem | null {
  // Quick look at the raw bytes first: catches scripts in uncompressed objects even if the file will not parse.
  if (RAW_ACTIVE.test(bytes.toString('latin1'))) return 'active-content'
  let doc: mupdf.Document
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  } catch {
    return 'corrupt'
  }
  try {
    if (doc.needsPassword()) return 'encrypted'
    const pdf = doc.asPDF()
    if (!pdf || doc.countPages() < 1) return 'corrupt'
    // Every object, including those inside compressed object streams, where names are already decoded (#4A#53 → JS).
    for (let n = 1; n < pdf.countObjects(); n++) {
      if (isActive(pdf.newIndirect(n).resolve(), 0)) return 'active-content'
    }
    return isActive(pdf.getTrailer(), 0) ? 'active-content' : null
  } catch {
    return 'corrupt'
  } finally {
    doc.destroy()
  }
}

function isActive(obj: mupdf.PDFObject, depth: number): boolean {
  if (depth > 8 || obj.isIndirect()) return false
  if (obj.isArray()) {
    let found = false
    obj.forEach((value) => {
      found ||= isActive(value, depth + 1)
    })
    return found
  }
  if (!obj.isDictionary()) return false
  const action = obj.get('S')
  if (action.isName() && ACTIVE_ACTIONS.has(action.asName())) return true
  let found = false
  obj.forEach((value, key) => {
    if (typeof key === 'string' && ACTIVE_KEYS.has(key)) found = true
    else if (key === 'OpenAction' && isActive(value.resolve(), depth + 1)) found = true
    else found ||= isActive(value, depth + 1)
  })
  return found
}
