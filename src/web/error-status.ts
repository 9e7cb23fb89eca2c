import type { FastifyError } from 'fastify'

/** How long a client should wait before trying again while the database is unreachable (RFC 9110 §10.2.3). */
export const RETRY_AFTER_SECONDS = 30

export interface ErrorStatus {
  status: number
  /** The database could not be reached: say 503 with Retry-After, not "internal error". */
  unavailable: boolean
}

// Network failures reaching PostgreSQL (node's codes) and the pg driver's words for a connection it lost.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ENOENT',
])
const LOST_CONNECTION =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i

/**
 * The one mapping from an error to an HTTP status, for pages and the API alike:
 * - the status an error carries (Fastify's own 4xx, a body too large, our not-found for a malformed id);
 * - PostgreSQL unreachable or restarting (SQLSTATE class 08, 57P01–57P03 shutting down or starting, 53300 too many
 *   connections; refused or dropped sockets): 503, the service is unavailable for a moment;
 * - a value PostgreSQL could not take (class 22, data exception: invalid text for a uuid, a NUL byte, a number out of
 *   range): 400, the request was bad — a safety net behind the checks at the edge, logged so a gap is seen;
 * - anything else: 500.
 */
export function errorStatus(error: FastifyError): ErrorStatus {
  const carried = error.statusCode
  if (typeof carried === 'number' && carried >= 400 && carried <= 599)
    return { status: carried, unavailable: carried === 503 }
  const code = typeof error.code === 'string' ? error.code : ''
  const connecting = (error as { syscall?: unknown }).syscall === 'connect' // e.g. ENOENT: no socket file
  if (connecting || isDatabaseUnavailable(code, error.message)) return { status: 503, unavailable: true }
  if (/^22[0-9A-Z]{3}$/.test(code)) return { status: 400, unavailable: false }
  return { status: 500, unavailable: false }
}

export function isDatabaseUnavailable(code: string, message: string): boolean {
  if (NETWORK_CODES.has(code)) return true
  if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true
  return LOST_CONNECTION.test(message ?? '')
}

/** An error that carries its HTTP status (a malformed id is a 404, a broken form a 400). */
export function httpError(status: number, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode: status, code: `RIGHTSDESK_${status}`, name: 'HttpError' })
}
