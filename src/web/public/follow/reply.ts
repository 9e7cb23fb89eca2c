import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { appeal } from '../../../application/portal/appeal.js'
import { followCase } from '../../../application/portal/follow-case.js'
import { portalDirectory } from '../../../application/portal/organisations.js'
import { sendRequesterMessage, type ReplyFileKind } from '../../../application/portal/requester-message.js'
import { formatLongDate } from '../../../domain/index.js'
import { csrfProtected } from '../../security.js'
import { acknowledgementEmail, messageNotificationEmail } from '../shared/emails.js'
import { Form, LIMITS, renderErrors, renderPage } from '../shared/form.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'
import { uploadProblemKey } from '../shared/upload-words.js'
import { readUploadForm, uploadFormOf } from '../shared/uploads.js'
import { requireFollowedCase } from './session.js'

const F = 'portal.follow'
const FILE_KINDS: readonly ReplyFileKind[] = ['identity', 'authority', 'correspondence']
const APPEAL_SENT_KEY = 'appealSent'

async function caseData(deps: AppDeps, caseId: string) {
  const [view, directory] = await Promise.all([followCase(deps, caseId), portalDirectory(deps)])
  const controller = directory.controllers.find((c) => c.id === view.state.controllerId) ?? null
  return { view, controller, regulator: directory.regulator, backLink: '/follow/case', values: {} }
}

async function sendReply(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, caseId: string) {
  const form = new Form(request.body)
  const { file, broken } = uploadFormOf(request)
  const message = form.text('message', { max: LIMITS.long, tooLong: 'portal.request.tooLong', multiline: true })
  const kind = file ? form.choice('fileKind', FILE_KINDS, `${F}.reply.kindRequired`) : undefined
  if (broken) form.fail('file', 'portal.request.upload.broken')
  if (message === '' && !file && form.ok) form.fail('message', `${F}.reply.empty`)
  const result = form.ok
    ? await sendRequesterMessage(deps, {
        caseId,
        body: message,
        ...(file && kind ? { file: { ...file, kind } } : {}),
        composeNotification: messageNotificationEmail,
      })
    : null
  if (result && !result.ok) form.fail('file', uploadProblemKey(result.problem))
  if (!result || !result.ok) {
    const data = { ...(await caseData(deps, caseId)), values: form.values }
    return renderErrors(request, reply, 'public/follow/views/reply.njk', data, form.errors, [
      'message',
      'fileKind',
      'file',
    ])
  }
  return reply.redirect('/follow/case?sent=1', 303)
}

async function sendAppeal(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, caseId: string) {
  const form = new Form(request.body)
  const { file, broken } = uploadFormOf(request)
  const reasons = form.text('reasons', {
    required: `${F}.appeal.required`,
    max: LIMITS.long,
    tooLong: 'portal.request.tooLong',
    multiline: true,
  })
  if (broken) form.fail('file', 'portal.request.upload.broken')
  const data = await caseData(deps, caseId)
  if (!data.view.canAppeal) return reply.redirect('/follow/case', 303)
  const organisation = data.controller?.name ?? ''
  const result = form.ok
    ? await appeal(deps, {
        parentCaseId: caseId,
        reasons,
        ...(file ? { file } : {}),
        composeAcknowledgement: acknowledgementEmail('review', {
          organisation,
          baseUrl: deps.baseUrl,
          ...(data.controller ? { controllerId: data.controller.id } : {}),
        }),
      })
    : null
  if (result && !result.ok) {
    if (result.problem === 'not-open') return reply.redirect('/follow/case', 303)
    form.fail('file', uploadProblemKey(result.problem))
  }
  if (!result || !result.ok) {
    return renderErrors(
      request,
      reply,
      'public/follow/views/appeal.njk',
      { ...data, values: form.values },
      form.errors,
      ['reasons', 'file'],
    )
  }
  request.session.set(APPEAL_SENT_KEY, result.review)
  return reply.redirect('/follow/case/appeal/sent', 303)
}

/** Replying to the office (message and/or file) and asking for a review; both accept an optional upload. */
export function registerFollowReplies(scope: FastifyInstance, deps: AppDeps): void {
  const submit = { ...limited(RATE_LIMITS.submit), preValidation: readUploadForm, preHandler: csrfProtected }

  scope.get('/follow/case/reply', async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    if (!caseId) return reply
    return renderPage(request, reply, 'public/follow/views/reply.njk', await caseData(deps, caseId))
  })
  scope.post('/follow/case/reply', submit, async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    return caseId ? sendReply(request, reply, deps, caseId) : reply
  })

  scope.get('/follow/case/appeal', async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    if (!caseId) return reply
    const data = await caseData(deps, caseId)
    if (!data.view.canAppeal) return reply.redirect('/follow/case', 303)
    return renderPage(request, reply, 'public/follow/views/appeal.njk', data)
  })
  scope.post('/follow/case/appeal', submit, async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    return caseId ? sendAppeal(request, reply, deps, caseId) : reply
  })

  scope.get('/follow/case/appeal/sent', async (request, reply) => {
    const caseId = requireFollowedCase(request, reply)
    if (!caseId) return reply
    const review = request.session.get<{ reference: string; due: string | null }>(APPEAL_SENT_KEY)
    if (!review) return reply.redirect('/follow/case', 303)
    const { regulator } = await portalDirectory(deps)
    return renderPage(request, reply, 'public/follow/views/appeal-sent.njk', {
      review,
      due: review.due ? formatLongDate(review.due) : null,
      regulator,
    })
  })
}
