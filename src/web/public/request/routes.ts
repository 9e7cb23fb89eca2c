import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { isRight } from '../../../domain/index.js'
import { csrfProtected } from '../../security.js'
import { Form, isChanging, renderErrors, renderPage } from '../shared/form.js'
import { today } from '../shared/journey.js'
import { SESSION_KEY, isRepresentative, type RequestAnswers } from './answers.js'
import type { StepContext, StepPage } from './page-types.js'
import {
  alivePage,
  dobPage,
  namePage,
  organisationPage,
  representativePage,
  rightsPage,
  whoPage,
} from './pages-about.js'
import { DETAILS_PAGES, contactPage, evidencePage, noDocumentsPage, responseFormatPage } from './pages-request.js'
import { firstIncomplete, nextAfter, pathOf, previousOf, reachable } from './steps.js'

const QUESTION_PAGES: readonly StepPage[] = [
  organisationPage,
  whoPage,
  alivePage,
  rightsPage,
  namePage,
  dobPage,
  representativePage,
  contactPage,
  responseFormatPage,
  evidencePage,
  noDocumentsPage,
]

export function answersOf(request: FastifyRequest): RequestAnswers {
  return request.session.get<RequestAnswers>(SESSION_KEY) ?? {}
}

export async function stepContext(request: FastifyRequest, deps: AppDeps): Promise<StepContext> {
  const { controllers } = await portalDirectory(deps)
  return { answers: answersOf(request), controllers, today: today(deps) }
}

/** Data every journey page shares: the organisation chosen (named in the header), back link and form address. */
export function journeyData(request: FastifyRequest, ctx: StepContext, page: StepPage | null) {
  const changing = isChanging(request)
  const path = page ? pathOf(page.step) : new URL(request.url, 'http://x.invalid').pathname
  return {
    controller: ctx.controllers.find((c) => c.id === ctx.answers.controllerId) ?? null,
    backLink: changing ? '/request/check' : page ? previousOf(page.step, ctx.answers) : '/',
    formAction: changing ? `${path}?change=1` : path,
    changing,
  }
}

/** Sends someone who skipped ahead (or came back to a page that no longer applies) to where they should be. */
export function redirectToGap(reply: FastifyReply, ctx: StepContext) {
  return reply.redirect(pathOf(firstIncomplete(ctx.answers, ctx.today)), 303)
}

function showStep(request: FastifyRequest, reply: FastifyReply, page: StepPage, ctx: StepContext) {
  return renderPage(request, reply, page.template, {
    ...journeyData(request, ctx, page),
    ...(page.data?.(ctx) ?? {}),
    values: page.values(ctx),
  })
}

async function saveStep(request: FastifyRequest, reply: FastifyReply, page: StepPage, ctx: StepContext) {
  const form = new Form(request.body)
  const answers = page.save(form, ctx)
  if (!form.ok) {
    const data = { ...journeyData(request, ctx, page), ...(page.data?.(ctx) ?? {}), values: form.values }
    return renderErrors(request, reply, page.template, data, form.errors, page.fields)
  }
  request.session.set(SESSION_KEY, answers)
  const changing = isChanging(request)
  const next = nextAfter(page.step, answers, ctx.today, changing)
  const keepChanging = changing && next !== 'check' && next !== 'deceased'
  return reply.redirect(`${pathOf(next)}${keepChanging ? '?change=1' : ''}`, 303)
}

function registerStep(
  app: FastifyInstance,
  deps: AppDeps,
  path: string,
  pageFor: (r: FastifyRequest) => StepPage | null,
) {
  app.get(path, async (request, reply) => {
    const page = pageFor(request)
    const ctx = await stepContext(request, deps)
    if (!page || !reachable(page.step, ctx.answers, ctx.today)) return redirectToGap(reply, ctx)
    return showStep(request, reply, page, ctx)
  })
  app.post(path, { preHandler: csrfProtected }, async (request, reply) => {
    const page = pageFor(request)
    const ctx = await stepContext(request, deps)
    if (!page || !reachable(page.step, ctx.answers, ctx.today)) return redirectToGap(reply, ctx)
    return saveStep(request, reply, page, ctx)
  })
}

function detailsPageFor(request: FastifyRequest): StepPage | null {
  const right = (request.params as { right?: string }).right
  return isRight(right) ? (DETAILS_PAGES.get(right) ?? null) : null
}

/** GET/POST for every question page of the make-a-request journey, plus its entry point and the FOI signpost. */
export function registerRequestQuestions(app: FastifyInstance, deps: AppDeps): void {
  app.get('/request', async (request, reply) => redirectToGap(reply, await stepContext(request, deps)))
  for (const page of QUESTION_PAGES) registerStep(app, deps, pathOf(page.step), () => page)
  registerStep(app, deps, '/request/details/:right', detailsPageFor)

  // Data about people who have died is not personal data (uk-rules §7): the request is one for FOI instead.
  app.get('/request/deceased', async (request, reply) => {
    const ctx = await stepContext(request, deps)
    if (!isRepresentative(ctx.answers) || ctx.answers.alive !== 'no') return redirectToGap(reply, ctx)
    return renderPage(request, reply, 'public/request/views/deceased.njk', {
      ...journeyData(request, ctx, null),
      backLink: pathOf('alive'),
    })
  })
}
