import type { FastifyReply, FastifyRequest } from 'fastify'

/** The follow journey's session keys: the reference and email waiting for a code, then the case signed in to. */
export const PENDING_KEY = 'followPending'
export const CASE_KEY = 'followCaseId'

export interface PendingCode {
  reference: string
  email: string
}

/** The case this visitor proved is theirs with a one-time code, or null. Nothing else is ever shown to them. */
export function followedCaseId(request: FastifyRequest): string | null {
  return request.session.get<string>(CASE_KEY) ?? null
}

/** For pages behind sign-in: the case id, or a redirect to the sign-in page. */
export function requireFollowedCase(request: FastifyRequest, reply: FastifyReply): string | null {
  const caseId = followedCaseId(request)
  if (!caseId) void reply.redirect('/follow', 303)
  return caseId
}
