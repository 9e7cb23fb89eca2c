import { checkUpload, MAX_UPLOAD_BYTES, scanProblem } from '../portal/check-upload.js'
import type { VirusScanner } from '../ports.js'

/** A file a member of staff attached to a form. */
export interface UploadedFile {
  filename: string
  bytes: Uint8Array
  truncated?: boolean
}

/** The same ceiling as the portal: the PDF and image checks parse the whole file in memory. */
export const MAX_STAFF_UPLOAD_BYTES = MAX_UPLOAD_BYTES

export type StaffUploadCheck = { ok: true; contentType: string } | { ok: false; problem: string; message: string }

/** Office documents and emails staff return from searches, besides the PDFs and images the public may send. */
const OFFICE_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/x-cfb', // Outlook .msg and old Office files
])

const MESSAGES: Record<string, string> = {
  empty: 'The selected file is empty',
  'too-large': 'The selected file must be smaller than 10 MB',
  'wrong-type': 'The selected file must be a PDF, an image, a Word or Excel document, an email or a text file',
  corrupt: 'The selected file is damaged and cannot be opened',
  'active-content': 'The selected PDF contains scripts or actions: save it again without them (print to PDF)',
  encrypted: 'The selected PDF is password protected: remove the password and try again',
  infected: 'The selected file contains a virus: it has not been kept',
  unscanned: 'The selected file could not be checked for viruses just now: try again in a few minutes',
}

function refuse(problem: string): StaffUploadCheck {
  return { ok: false, problem, message: MESSAGES[problem] ?? MESSAGES['wrong-type']! }
}

/** Plain text (CSV, .eml, .txt): valid UTF-8 with no NUL bytes; file-type cannot recognise these by content. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Decides from the bytes alone (never the name or the browser's claim) whether a staff upload may be kept. */
export async function checkStaffUpload(
  file: UploadedFile,
  opts: { pdfOnly?: boolean; scanner: VirusScanner | undefined },
): Promise<StaffUploadCheck> {
  if (file.truncated || file.bytes.byteLength > MAX_STAFF_UPLOAD_BYTES) return refuse('too-large')
  if (file.bytes.byteLength === 0) return refuse('empty')
  const { fileTypeFromBuffer } = await import('file-type') // on the first upload, not at start-up (issue 12)
  const detected = await fileTypeFromBuffer(file.bytes)
  const mime = detected?.mime as string | undefined
  if (opts.pdfOnly && mime !== 'application/pdf')
    return { ok: false, problem: 'wrong-type', message: 'The file must be a PDF' }
  if (mime === 'application/pdf' || mime?.startsWith('image/')) {
    // The same checks as the portal: no scripts in PDFs, images must decode (the size limit is ours).
    // Material from searches may be a PDF with attachments (an email saved as PDF): the bundle drops them.
    const check = await checkUpload(file.bytes, { scanner: opts.scanner, embeddedFiles: 'allow' })
    return check.ok ? { ok: true, contentType: check.contentType } : refuse(check.problem)
  }
  const contentType = otherContentType(file.bytes, mime)
  if (!contentType) return refuse('wrong-type')
  const scanned = await scanProblem(opts.scanner, file.bytes)
  return scanned ? refuse(scanned) : { ok: true, contentType }
}

function otherContentType(bytes: Uint8Array, mime: string | undefined): string | null {
  if (mime && OFFICE_TYPES.has(mime)) return mime
  if (mime || !isText(bytes)) return null
  const eml = /^(From|Received|Return-Path|Message-ID|Date):/im.test(new TextDecoder().decode(bytes.slice(0, 2000)))
  return eml ? 'message/rfc822' : 'text/plain'
}
