import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { ACCESS_CODE_TTL_MINUTES } from '../../../application/portal/access-code.js'
import { requestAccessCode } from '../../../application/portal/request-access-code.js'
import { verifyAccessCode } from '../../../application/portal/verify-access-code.js'
import { csrfProtected } from '../../security.js'
import { accessCodeEmail } from '../shared/emails.js'
import { Form, LIMITS, renderErrors, renderPage } from '../shared/form.js'
import { normaliseReference, isReferenceFormat } from '../shared/case-reference.js'
import { limited, RATE_LIMITS } from '../shared/rate-limits.js'
import { CASE_KEY, PENDING_KEY, type PendingCode } from './session.js'

const F = 'portal.follow'

function startPage(request: FastifyRequest, reply: FastifyReply, form?: Form) {
  const data = { values: form?.values ?? {} }
  if (form)
    return renderErrors(request, reply, 'public/follow/views/start.njk', data, form.errors, ['reference', 'email'])
  return renderPage(request, reply, 'public/follow/views/start.njk', data)
}

function codePage(request: FastifyRequest, reply: FastifyReply, pending: PendingCode, errors?: Record<string, string>) {
  const data = { email: pending.email, minutes: ACCESS_CODE_TTL_MINUTES, values: {} }
  if (errors) return renderErrors(request, reply, 'public/follow/views/code.njk', data, errors)
  return renderPage(request, reply, 'public/follow/views/code.njk', data)
}

/**
 * Signing in to follow a request: reference + email, then a six-digit code sent to that email. The answer to the
 * first step is the same whether or not the reference exists, and every failure of the second looks alike.
 */
export function registerFollowSignIn(app: FastifyInstance, deps: AppDeps): void {
  app.get('/follow', async (request, reply) => {
    if (request.session.get(CASE_KEY)) return reply.redirect('/follow/case', 303)
    return startPage(request, reply)
  })

  app.post('/follow', { ...limited(RATE_LIMITS.codeRequest), preHandler: csrfProtected }, async (request, reply) => {
    const form = new Form(request.body)
    const reference = form.text('reference', {
      required: `${F}.referenceRequired`,
      max: 40,
      tooLong: `${F}.referenceInvalid`,
    })
    if (reference !== '' && !('reference' in form.errors) && !isReferenceFormat(reference))
      form.fail('reference', `${F}.referenceInvalid`)
    const email = form.email('email', {
      required: `${F}.emailRequired`,
      invalid: `${F}.emailInvalid`,
      tooLong: `${F}.emailInvalid`,
    })
    if (!form.ok) return startPage(request, reply, form)
    const normalised = normaliseReference(reference)
    await requestAccessCode(deps, { reference: normalised, email, compose: accessCodeEmail })
    request.session.set(PENDING_KEY, { reference: normalised, email } satisfies PendingCode)
    return reply.redirect('/follow/code', 303)
  })

  app.get('/follow/code', async (request, reply) => {
    const pending = request.session.get<PendingCode>(PENDING_KEY)
    if (!pending) return reply.redirect('/follow', 303)
    return codePage(request, reply, pending)
  })

  app.post('/follow/code', { ...limited(RATE_LIMITS.codeEntry), preHandler: csrfProtected }, async (request, reply) => {
    const pending = request.session.get<PendingCode>(PENDING_KEY)
    if (!pending) return reply.redirect('/follow', 303)
    const form = new Form(request.body)
    const code = form.text('code', { required: `${F}.codeRequired`, max: LIMITS.phone, tooLong: `${F}.codeFormat` })
    if (form.ok && !/^\d{6}$/.test(code.replace(/[\s-]/g, ''))) form.fail('code', `${F}.codeFormat`)
    const caseId = form.ok ? await verifyAccessCode(deps, { ...pending, code }) : null
    if (form.ok && !caseId) form.fail('code', `${F}.codeWrong`)
    if (!caseId) return codePage(request, reply, pending, form.errors)
    // A new session on sign-in, so a session id planted before it (session fixation) is worthless afterwards.
    await request.session.regenerate('public', null)
    request.session.unset(PENDING_KEY)
    request.session.set(CASE_KEY, caseId)
    return reply.redirect('/follow/case', 303)
  })

  app.post('/follow/sign-out', { preHandler: csrfProtected }, async (request, reply) => {
    await request.session.destroy(reply)
    return reply.redirect('/follow/signed-out', 303)
  })

  app.get('/follow/signed-out', async (request, reply) =>
    renderPage(request, reply, 'public/follow/views/signed-out.njk', {}),
  )
}
