import type * as Mupdf from 'mupdf'
import type { ActiveContentOptions } from '../../disclosure/pdf/active-content.js'
import type { VirusScanner } from '../ports.js'
import { decodesAsImage, heicDecodes, jpegIsWhole, pngIsWhole } from './image-proof.js'

export { jpegIsWhole, pngIsWhole } from './image-proof.js'

/** Largest file a member of the public may upload; the web layer stops reading at this size. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export type UploadProblem =
  | 'empty'
  | 'too-large'
  | 'wrong-type'
  | 'corrupt'
  | 'active-content'
  | 'encrypted'
  | 'infected'
  /** A virus scanner is configured but could not be asked: try again later (the file is not kept). */
  | 'unscanned'

export type UploadCheck = { ok: true; contentType: string; extension: string } | { ok: false; problem: UploadProblem }

export interface UploadCheckOptions {
  truncated?: boolean
  /** deps.virusScanner: undefined only where no clamd is configured. Required, so no caller forgets it. */
  scanner: VirusScanner | undefined
  /** Identity evidence never needs attachments; staff material may carry them (the bundle drops them). */
  embeddedFiles?: ActiveContentOptions['embeddedFiles']
}

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
 * for scripts and actions, images are decoded to prove they are images, and a configured virus scanner sees it.
 */
export async function checkUpload(bytes: Uint8Array, opts: UploadCheckOptions): Promise<UploadCheck> {
  if (opts.truncated || bytes.byteLength > MAX_UPLOAD_BYTES) return { ok: false, problem: 'too-large' }
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' }
  // file-type and MuPDF load with the first upload, not with the web server (issue 12: start-up).
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = await fileTypeFromBuffer(bytes)
  const contentType = detected ? (detected.mime as string) : null
  const extension = contentType ? ACCEPTED[contentType] : undefined
  if (!contentType || !extension) return { ok: false, problem: 'wrong-type' }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const problem =
    (await structureProblem(contentType, buffer, opts.embeddedFiles ?? 'refuse')) ??
    (await scanProblem(opts.scanner, bytes))
  if (problem) return { ok: false, problem }
  return { ok: true, contentType: contentType === 'image/heif' ? 'image/heic' : contentType, extension }
}

/** The virus scanner's word on a file (none configured: nothing to say). Shared with staff uploads. */
export async function scanProblem(
  scanner: VirusScanner | undefined,
  bytes: Uint8Array,
): Promise<'infected' | 'unscanned' | null> {
  if (!scanner) return null
  const result = await scanner.scan(bytes)
  return result.verdict === 'clean' ? null : result.verdict === 'infected' ? 'infected' : 'unscanned'
}

async function structureProblem(
  contentType: string,
  bytes: Buffer,
  embeddedFiles: ActiveContentOptions['embeddedFiles'],
): Promise<UploadProblem | null> {
  switch (contentType) {
    case 'application/pdf':
      return pdfProblem(bytes, embeddedFiles)
    case 'image/png':
      return pngIsWhole(bytes) && (await decodesAsImage(bytes)) ? null : 'corrupt'
    case 'image/jpeg':
      return jpegIsWhole(bytes) && (await decodesAsImage(bytes)) ? null : 'corrupt'
    default:
      return (await heicDecodes(bytes)) ? null : 'corrupt'
  }
}

/** Opens the PDF with MuPDF and walks its objects for scripts and actions (disclosure/pdf/active-content). */
async function pdfProblem(
  bytes: Buffer,
  embeddedFiles: ActiveContentOptions['embeddedFiles'],
): Promise<UploadProblem | null> {
  const mupdf = await import('mupdf')
  const { findActiveContent } = await import('../../disclosure/pdf/active-content.js')
  let doc: Mupdf.Document
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  } catch {
    return 'corrupt'
  }
  try {
    if (doc.needsPassword()) return 'encrypted'
    const pdf = doc.asPDF()
    if (!pdf || doc.countPages() < 1) return 'corrupt'
    return findActiveContent(pdf, { embeddedFiles }) ? 'active-content' : null
  } catch {
    return 'corrupt'
  } finally {
    doc.destroy()
  }
}
