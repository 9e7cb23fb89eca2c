import { RedactionNotAppliedError } from '../review/redact-item.js'

/** Shared values a thread keeps (the oldest is forgotten first, by the thread and by the pool's record of it). */
export const MAX_SHARED = 4

/** What the pool posts to a worker thread: a task, or a value later tasks refer to by key. */
export type ToWorker = TaskRequest | { type: 'share'; key: number; value: unknown }

export interface TaskRequest {
  type: 'task'
  id: number
  task: string
  args: unknown
  /** Set `args[field]` to the value shared under `key` before running. */
  shared?: { field: string; key: number }
}

export interface TaskReply {
  id: number
  result?: unknown
  error?: SerialisedError
}

export interface SerialisedError {
  name: string
  message: string
  stack?: string
  /** RedactionNotAppliedError's item title and page. */
  title?: string
  page?: number
}

export function serialiseError(err: unknown): SerialisedError {
  if (err instanceof RedactionNotAppliedError)
    return { name: err.name, message: err.message, title: err.title, page: err.page, stack: err.stack }
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack }
  return { name: 'Error', message: String(err) }
}

/** The error as the caller would have met it without a thread: the bundle job tells RedactionNotAppliedError apart. */
export function revive(e: SerialisedError): Error {
  if (e.name === 'RedactionNotAppliedError' && e.title !== undefined && e.page !== undefined)
    return new RedactionNotAppliedError(e.title, e.page)
  const err = new Error(e.message)
  err.name = e.name
  if (e.stack) err.stack = e.stack
  return err
}

/**
 * The whole buffers behind every byte array in a value (PDF bytes in a result or a task's input), to transfer
 * rather than copy. A view into a larger buffer is left to be copied: transferring it would take its neighbours.
 */
export function bufferList(value: unknown, out: ArrayBuffer[] = [], depth = 0): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out
  if (value instanceof Uint8Array) {
    const b = value.buffer
    if (b instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === b.byteLength && !out.includes(b))
      out.push(b)
    return out
  }
  if (Array.isArray(value)) for (const v of value) bufferList(v, out, depth + 1)
  else if (!(value instanceof Map) && !ArrayBuffer.isView(value))
    for (const v of Object.values(value)) bufferList(v, out, depth + 1)
  return out
}
