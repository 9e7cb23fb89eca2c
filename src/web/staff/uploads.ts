import type { FastifyInstance, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { UploadedFile } from '../../application/casework/staff-upload.js'
import { MAX_STAFF_UPLOAD_BYTES } from '../../application/casework/staff-upload.js'
import { httpError } from '../error-status.js'

const LIMITS = {
  fileSize: MAX_STAFF_UPLOAD_BYTES,
  files: 10,
  fields: 60,
  fieldSize: 50_000,
  parts: 80,
  headerPairs: 100,
}

const files = new WeakMap<FastifyRequest, UploadedFile[]>()

/** Multipart parsing for the staff scope only (the portal registers its own, with its own limits). */
export async function registerStaffUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { limits: LIMITS })
}

/**
 * preValidation for upload forms: the text fields (the CSRF token among them) become the body before the CSRF check;
 * files are read as they stream in, stopping at the size limit (a cut-off file is marked truncated and refused).
 */
export async function readStaffUpload(request: FastifyRequest): Promise<void> {
  const received: UploadedFile[] = []
  files.set(request, received)
  if (!request.isMultipart()) return
  const fields: Record<string, string | string[]> = {}
  try {
    await readParts(request, received, fields)
  } catch (error) {
    // A body cut off mid-way (the connection dropped) or malformed by hand: the page says to go back and try again.
    if ((error as { statusCode?: number }).statusCode === 413) throw error
    throw httpError(400, `the form did not arrive whole: ${(error as Error).message}`)
  }
  request.body = fields
}

async function readParts(
  request: FastifyRequest,
  received: UploadedFile[],
  fields: Record<string, string | string[]>,
): Promise<void> {
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const chunks: Buffer[] = []
      for await (const chunk of part.file) chunks.push(chunk as Buffer)
      const bytes = Buffer.concat(chunks)
      // An empty part named "" is what a browser sends when no file was chosen.
      if (part.filename === '' && bytes.byteLength === 0) continue
      received.push({ filename: part.filename, bytes, truncated: part.file.truncated })
    } else if (typeof part.value === 'string') {
      const earlier = fields[part.fieldname]
      fields[part.fieldname] = earlier === undefined ? part.value : [earlier, part.value].flat()
    }
  }
}

export function uploadedFiles(request: FastifyRequest): UploadedFile[] {
  return files.get(request) ?? []
}
