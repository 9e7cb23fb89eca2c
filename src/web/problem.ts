import type { FastifyReply } from 'fastify'

/**
 * RFC 9457 problem details. `code` is stable (clients branch on it); `detail` is for people.
 * One place maps every error the API can give to a status and a code (DESIGN.md §3).
 */
export interface Problem {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  errors?: { path: string; message: string }[]
}

const STATUS_BY_CODE: Record<string, number> = {
  validation: 422,
  'not-releasable': 422,
  'redacted-text': 422,
  'nothing-enclosed': 422,
  'bad-request': 400,
  unauthenticated: 401,
  'not-permitted': 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
}

export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 409 // every other domain error is a refused state transition
}

export function sendProblem(reply: FastifyReply, p: Omit<Problem, 'type' | 'status'> & { status?: number }) {
  const status = p.status ?? statusForCode(p.code)
  const body: Problem = { type: `https://rightsdesk.invalid/problems/${p.code}`, status, ...p }
  return reply.code(status).type('application/problem+json').send(body)
}
