import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  FEEDBACK_JOURNEYS,
  SATISFACTION,
  giveFeedback,
  type FeedbackJourney,
} from '../../../application/portal/give-feedback.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { text } from '../../nunjucks.js'
import { csrfProtected } from '../../security.js'
import { Form, LIMITS, renderErrors, renderPage } from '../shared/form.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'

const F = 'portal.feedback'
const TEMPLATE = 'public/feedback/view.njk'
const ORDER = ['satisfaction', 'improvement']

/** Which journey and organisation the link came from (?from=request&org=…), checked against the known lists. */
async function origin(request: FastifyRequest, deps: AppDeps) {
  const q = (request.query ?? {}) as Record<string, unknown>
  const body = (request.body ?? {}) as Record<string, unknown>
  const from = String(body.from ?? q.from ?? '')
  const org = String(body.org ?? q.org ?? '')
  const journey: FeedbackJourney = (FEEDBACK_JOURNEYS as readonly string[]).includes(from)
    ? (from as FeedbackJourney)
    : 'general'
  const { controllers } = await portalDirectory(deps)
  return { journey, controllerId: controllers.some((c) => c.id === org) ? org : null }
}

function pageData(o: { journey: FeedbackJourney; controllerId: string | null }, values: Record<string, unknown>) {
  return {
    values,
    from: o.journey,
    org: o.controllerId ?? '',
    maxLength: LIMITS.long,
    satisfactionItems: SATISFACTION.map((s) => ({ value: s, text: text(`${F}.scale.${s}`) })),
  }
}

/**
 * GOV.UK's feedback page, linked from the end of every journey and from the phase banner: how satisfied, and how
 * we could improve. It asks for nothing that identifies anyone, and says so.
 */
export function registerFeedback(app: FastifyInstance, deps: AppDeps): void {
  app.get('/feedback', async (request, reply) =>
    renderPage(request, reply, TEMPLATE, pageData(await origin(request, deps), {})),
  )

  app.post('/feedback', { ...limited(RATE_LIMITS.submit), preHandler: csrfProtected }, async (request, reply) => {
    const o = await origin(request, deps)
    const form = new Form(request.body)
    const satisfaction = form.choice('satisfaction', SATISFACTION, `${F}.satisfactionRequired`)
    const improvement = form.text('improvement', {
      max: LIMITS.long,
      tooLong: 'portal.request.tooLong',
      multiline: true,
    })
    if (!form.ok || !satisfaction)
      return renderErrors(request, reply, TEMPLATE, pageData(o, form.values), form.errors, ORDER)
    await giveFeedback(deps, { ...o, satisfaction, improvement })
    return reply.redirect('/feedback/sent', 303)
  })

  app.get('/feedback/sent', async (request, reply) => renderPage(request, reply, 'public/feedback/sent.njk', {}))
}
