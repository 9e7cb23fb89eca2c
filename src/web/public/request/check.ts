import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { submitRequest } from '../../../application/portal/submit-request.js'
import { formatLongDate, isDomainError } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { csrfProtected } from '../../security.js'
import { caseTitle } from '../shared/case-words.js'
import { renderErrors, renderPage } from '../shared/form.js'
import { endJourney, journeyActor } from '../shared/journey.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'
import { SESSION_KEY, SUBMITTED_KEY } from './answers.js'
import { checkSections } from './check-rows.js'
import type { StepContext } from './page-types.js'
import { journeyData, redirectToGap, stepContext } from './routes.js'
import { applicableSteps, firstIncomplete, pathOf } from './steps.js'
import { submittedFrom, toSubmission, type Submitted } from './submission.js'

function checkPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, error?: string) {
  const controller = ctx.controllers.find((c) => c.id === ctx.answers.controllerId)
  const steps = applicableSteps(ctx.answers)
  const last = steps[steps.length - 1]
  const data = {
    ...journeyData(request, ctx, null),
    backLink: last ? pathOf(last) : '/',
    sections: checkSections(ctx.answers, controller),
    representative: ctx.answers.requesterType !== 'self',
  }
  if (error) return renderErrors(request, reply, 'public/request/views/check.njk', data, { submit: error })
  return renderPage(request, reply, 'public/request/views/check.njk', data)
}

async function submit(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, ctx: StepContext) {
  const controller = ctx.controllers.find((c) => c.id === ctx.answers.controllerId)
  if (!controller) return redirectToGap(reply, ctx)
  try {
    const receipts = await submitRequest(
      deps,
      journeyActor(request),
      toSubmission(ctx.answers, controller, deps.baseUrl),
    )
    request.session.set(SUBMITTED_KEY, submittedFrom(ctx.answers, controller, receipts))
  } catch (err) {
    if (!isDomainError(err)) throw err
    request.log.info({ code: err.code, msg: err.message }, 'request not accepted')
    return checkPage(request, reply, ctx, text('portal.request.check.notSent'))
  }
  request.session.unset(SESSION_KEY)
  endJourney(request)
  return reply.redirect('/request/confirmation', 303)
}

/** Check your answers, send, and the confirmation page (GOV.UK check answers and confirmation patterns). */
export function registerRequestCheck(app: FastifyInstance, deps: AppDeps): void {
  app.get('/request/check', async (request, reply) => {
    const ctx = await stepContext(request, deps)
    if (firstIncomplete(ctx.answers, ctx.today) !== 'check') return redirectToGap(reply, ctx)
    return checkPage(request, reply, ctx)
  })

  app.post('/request/check', { ...limited(RATE_LIMITS.submit), preHandler: csrfProtected }, async (request, reply) => {
    const ctx = await stepContext(request, deps)
    if (firstIncomplete(ctx.answers, ctx.today) !== 'check') {
      // Sent twice (double click, Back then send): the first one went, so show what it created.
      if (request.session.get(SUBMITTED_KEY)) return reply.redirect('/request/confirmation', 303)
      return redirectToGap(reply, ctx)
    }
    return submit(request, reply, deps, ctx)
  })

  app.get('/request/confirmation', async (request, reply) => {
    const submitted = request.session.get<Submitted>(SUBMITTED_KEY)
    if (!submitted) return reply.redirect('/request', 303)
    const ctx = await stepContext(request, deps)
    const controller = ctx.controllers.find((c) => c.id === submitted.controllerId) ?? null
    return renderPage(request, reply, 'public/request/views/confirmation.njk', {
      controller,
      submitted,
      cases: submitted.receipts.map((r) => ({
        reference: r.reference,
        title: caseTitle(r),
        due: r.due ? formatLongDate(r.due) : null,
        awaitingEvidence: r.awaitingEvidence,
      })),
    })
  })
}
