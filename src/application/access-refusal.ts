import { DomainError, isDomainError } from '../domain/index.js'

/**
 * Why authorisation refused an actor (issue 11: refused access attempts are audited). `permission`: the role does
 * not allow it (403); `controller`: the thing belongs to a controller the actor does not work for, and `not-copied`:
 * a copy recipient asked for a case they were not copied on — both answered as not found (404), so that the refusal
 * does not disclose that the thing exists.
 */
export type RefusalReason = 'permission' | 'controller' | 'not-copied'

const reasons = new WeakMap<DomainError, RefusalReason>()

/** The error authorise.ts throws: marked, so the web layer can tell a refusal from a case that does not exist. */
export function accessRefused(code: 'not-permitted' | 'not-found', message: string, reason: RefusalReason) {
  const error = new DomainError(code, message)
  reasons.set(error, reason)
  return error
}

/**
 * The reason, when the error is an authorisation refusal; null for everything else (a genuinely unknown id, a
 * validation error). Every `not-permitted` is a refusal: only authorisation says it.
 */
export function refusalReasonOf(error: unknown): RefusalReason | null {
  if (!isDomainError(error)) return null
  return reasons.get(error) ?? (error.code === 'not-permitted' ? 'permission' : null)
}
