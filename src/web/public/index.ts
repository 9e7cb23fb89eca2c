import type { FastifyError, FastifyInstance } from 'fastify'
import type { AppDeps } from '../../application/deps.js'
import { isDomainError } from '../../domain/index.js'
import { renderErrorFor, renderErrorPage } from '../errors.js'
import { registerComplaint } from './complain/routes.js'
import { registerFeedback } from './feedback/routes.js'
import { registerFollowCase } from './follow/case.js'
import { registerFollowReplies } from './follow/reply.js'
import { registerFollowSignIn } from './follow/routes.js'
import { registerInformationPages } from './information/routes.js'
import { registerRequestCheck } from './request/check.js'
import { registerRequestQuestions } from './request/routes.js'
import { registerRequestUploads } from './request/upload.js'
import { renderPage } from './shared/form.js'
import { registerRateLimits } from './shared/rate-limits.js'
import { registerUploadParsing } from './shared/uploads.js'
import { registerWithdrawConsent } from './withdraw-consent/routes.js'

/**
 * The portal's own error handling: too many tries gets a page that says so (not "problem with the service"), a
 * case that is not there is a 404, and everything else goes to the shell's GOV.UK error pages.
 */
async function portalErrors(
  this: FastifyInstance,
  error: FastifyError,
  request: Parameters<typeof renderErrorPage>[0],
  reply: Parameters<typeof renderErrorPage>[1],
) {
  if (error.statusCode === 429) {
    request.log.info({ url: request.url }, 'rate limited')
    return renderPage(request, reply, 'public/shared/too-many.njk', {}, 429)
  }
  if (isDomainError(error) && error.code === 'not-found') return renderErrorPage(request, reply, 404)
  return renderErrorFor(request, reply, error)
}

/** The public portal's journeys (make, follow, appeal, complain, withdraw consent) and its static pages. */
export async function registerPortal(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // One encapsulated scope, so the rate limiter and multipart parsing never touch staff or API routes.
  await app.register(async (portal) => {
    await registerRateLimits(portal)
    portal.setErrorHandler(portalErrors)
    registerRequestQuestions(portal, deps)
    registerRequestCheck(portal, deps)
    registerFollowSignIn(portal, deps)
    registerFollowCase(portal, deps)
    registerComplaint(portal, deps)
    registerWithdrawConsent(portal, deps)
    registerInformationPages(portal, deps)
    registerFeedback(portal, deps)
    await portal.register(async (uploads) => {
      await registerUploadParsing(uploads)
      registerRequestUploads(uploads, deps)
      registerFollowReplies(uploads, deps)
    })
  })
}
