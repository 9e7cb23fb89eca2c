import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { removeUpload } from '../../../application/portal/remove-upload.js'
import { storeUpload } from '../../../application/portal/store-upload.js'
import type { EvidenceParty } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { csrfProtected } from '../../security.js'
import { Form, renderErrors, renderPage, type FieldErrors } from '../shared/form.js'
import { journeyActor } from '../shared/journey.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'
import { uploadFormOf, readUploadForm } from '../shared/uploads.js'
import { uploadProblemKey } from '../shared/upload-words.js'
import { SESSION_KEY, type RequestAnswers, type UploadAnswer } from './answers.js'
import { evidenceSections } from './evidence.js'
import type { StepContext } from './page-types.js'
import { journeyData, redirectToGap, stepContext } from './routes.js'
import { nextAfter, pathOf, reachable } from './steps.js'

/** Enough for the largest evidence set (2 + 2 + 1) with room for a retake; more is not identity evidence. */
export const MAX_UPLOADS = 10

const TEMPLATE = 'public/request/views/upload.njk'
const U = 'portal.request.upload'

function uploadPage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, errors?: FieldErrors, values = {}) {
  const data = {
    ...journeyData(request, ctx, null),
    backLink: pathOf('evidence'),
    sections: evidenceSections(ctx.answers),
    values,
    maxUploads: MAX_UPLOADS,
  }
  if (errors) return renderErrors(request, reply, TEMPLATE, data, errors)
  return renderPage(request, reply, TEMPLATE, data)
}

function saveUploads(request: FastifyRequest, answers: RequestAnswers, uploads: UploadAnswer[]) {
  request.session.set(SESSION_KEY, { ...answers, uploads })
}

async function receiveUpload(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, ctx: StepContext) {
  const form = new Form(request.body)
  const sections = evidenceSections(ctx.answers)
  const party = form.choice<EvidenceParty>(
    'party',
    sections.map((s) => s.party),
    `${U}.broken`,
  )
  const section = sections.find((s) => s.party === party)
  const { file, broken } = uploadFormOf(request)
  if (!section || broken) return uploadPage(request, reply, ctx, { 'file-subject': text(`${U}.broken`) })
  const typeField = `documentType-${section.party}`
  const fileField = `file-${section.party}`
  const documentType = form.choice(
    typeField,
    section.options.map((o) => o.value),
    `${U}.typeRequired`,
  )
  if (!file) form.fail(fileField, `${U}.fileRequired`)
  else if ((ctx.answers.uploads ?? []).length >= MAX_UPLOADS) form.fail(fileField, `${U}.tooMany`, { max: MAX_UPLOADS })
  if (!form.ok || !file || !documentType) return uploadPage(request, reply, ctx, form.errors, form.values)
  const kind = section.party === 'authority' ? 'authority' : 'identity'
  const stored = await storeUpload(deps, journeyActor(request), file, { caseId: null, kind })
  if (!stored.ok) {
    form.fail(fileField, uploadProblemKey(stored.problem))
    return uploadPage(request, reply, ctx, form.errors, form.values)
  }
  const upload = {
    documentId: stored.documentId,
    filename: stored.filename,
    party: section.party,
    documentType,
    size: stored.size,
  }
  saveUploads(request, ctx.answers, [...(ctx.answers.uploads ?? []), upload])
  return reply.redirect(`${pathOf('upload')}#${section.party}`, 303)
}

/**
 * The upload page: one section per party in seed 002's evidence table, each with its own small form (document
 * type + file), the files uploaded so far with a Remove button, and Continue. Works the same without JavaScript.
 */
export function registerRequestUploads(scope: FastifyInstance, deps: AppDeps): void {
  const guarded =
    (handler: (request: FastifyRequest, reply: FastifyReply, ctx: StepContext) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const ctx = await stepContext(request, deps)
      if (!reachable('upload', ctx.answers, ctx.today)) return redirectToGap(reply, ctx)
      return handler(request, reply, ctx)
    }

  scope.get(
    '/request/upload',
    guarded(async (request, reply, ctx) => uploadPage(request, reply, ctx)),
  )

  scope.post(
    '/request/upload',
    { ...limited(RATE_LIMITS.upload), preValidation: readUploadForm, preHandler: csrfProtected },
    guarded((request, reply, ctx) => receiveUpload(request, reply, deps, ctx)),
  )

  scope.post(
    '/request/upload/remove',
    { preHandler: csrfProtected },
    guarded(async (request, reply, ctx) => {
      const id = new Form(request.body).text('documentId', { max: 36, tooLong: `${U}.broken` })
      await removeUpload(deps, journeyActor(request), id)
      saveUploads(
        request,
        ctx.answers,
        (ctx.answers.uploads ?? []).filter((u) => u.documentId !== id),
      )
      return reply.redirect(pathOf('upload'), 303)
    }),
  )

  scope.post(
    '/request/upload/continue',
    { preHandler: csrfProtected },
    guarded(async (request, reply, ctx) => {
      if ((ctx.answers.uploads ?? []).length === 0) {
        return uploadPage(request, reply, ctx, { 'file-subject': text(`${U}.noneYet`) })
      }
      return reply.redirect(pathOf(nextAfter('upload', ctx.answers, ctx.today, false)), 303)
    }),
  )
}
