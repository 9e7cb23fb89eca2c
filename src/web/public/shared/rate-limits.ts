import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'

/**
 * Per-route limits for the forms that send email or create cases (issue: rate limits on submit and on code
 * requests), counted per client address by @fastify/rate-limit. Generous enough for a household sharing one
 * connection; tight enough that nobody can guess codes or flood an office's casework.
 */
export const RATE_LIMITS = {
  /** Asking for a one-time code (sends an email). */
  codeRequest: { max: 10, timeWindow: '15 minutes' },
  /** Trying a one-time code: together with 5 tries per code, guessing six digits is hopeless. */
  codeEntry: { max: 15, timeWindow: '15 minutes' },
  /** Sending a request, complaint, appeal, consent withdrawal or message (creates records, sends email). */
  submit: { max: 20, timeWindow: '1 hour' },
  /** Uploading a file (content checks cost CPU). */
  upload: { max: 60, timeWindow: '1 hour' },
} as const

export function limited(limit: { max: number; timeWindow: string }) {
  return { config: { rateLimit: limit } }
}

/**
 * Registers the limiter in the portal's own scope (not globally, so staff and API routes are unaffected), counting
 * only routes that name a limit. Counts are kept in memory per process.
 */
export async function registerRateLimits(scope: FastifyInstance): Promise<void> {
  await scope.register(rateLimit, { global: false })
}
