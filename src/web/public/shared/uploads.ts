import type { FastifyInstance, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import { MAX_UPLOAD_BYTES } from '../../../application/portal/check-upload.js'
import type { ReceivedFile } from '../../../application/portal/store-upload.js'

/**
 * Upload forms (multipart). The file is read as it streams in and reading stops at the size limit (busboy's
 * fileSize limit truncates the stream, and we mark it), so an oversized file is never held in full. The form's
 * text fields, the CSRF token among them, become the request body before the CSRF check runs: register upload routes
 * with `preValidation: readUploadForm, preHandler: csrfProtected`. Nothing is stored here; the use case checks the
 * bytes first.
 */
export interface UploadForm {
  file: ReceivedFile | null
  /** The form was malformed or had more parts than a real one can (a hand-made request). */
  broken: boolean
}

const forms = new WeakMap<FastifyRequest, UploadForm>()

const LIMITS = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 20_000, parts: 25, headerPairs: 100 }

/** Registers multipart parsing in the caller's (encapsulated) scope only: other routes keep refusing multipart. */
export async function registerUploadParsing(scope: FastifyInstance): Promise<void> {
  // A file over the limit is reported as too large (truncated), not thrown as a broken request.
  await scope.register(multipart, { limits: LIMITS, throwFileSizeLimit: false })
}

export async function readUploadForm(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) {
    forms.set(request, { file: null, broken: false })
    return
  }
  const fields: Record<string, string | string[]> = {}
  let file: ReceivedFile | null = null
  let broken = false
  try {
    for await (const part of request.parts({ limits: LIMITS })) {
      if (part.type === 'file') {
        const received = await readFile(part.filename, part.file)
        // A browser sends an empty part named "" when no file was chosen: that is "no file", not an empty file.
        if (file === null && !(received.filename === '' && received.bytes.byteLength === 0)) file = received
      } else if (typeof part.value === 'string') {
        const earlier = fields[part.fieldname]
        fields[part.fieldname] = earlier === undefined ? part.value : [earlier, part.value].flat()
      }
    }
  } catch {
    broken = true
  }
  request.body = fields
  forms.set(request, { file, broken })
}

async function readFile(
  filename: string,
  stream: NodeJS.ReadableStream & { truncated?: boolean },
): Promise<ReceivedFile> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    size += buffer.byteLength
    if (size <= MAX_UPLOAD_BYTES) chunks.push(buffer)
  }
  const truncated = stream.truncated === true || size > MAX_UPLOAD_BYTES
  return { filename, bytes: truncated ? new Uint8Array(0) : Buffer.concat(chunks), truncated }
}

export function uploadFormOf(request: FastifyRequest): UploadForm {
  return forms.get(request) ?? { file: null, broken: false }
}
