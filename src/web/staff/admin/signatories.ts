import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import {
  letterSigningOf,
  updateLetterSigning,
  type LetterSigningChange,
} from '../../../application/staff/update-letter-signing.js'
import { DEFAULT_REVIEW_POLICY, isDomainError } from '../../../domain/index.js'
import type { Controller, Signatory } from '../../../domain/index.js'
import { LETTER_TEMPLATE_IDS } from '../../../notifications/letters.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'

const controllerIdOf = (request: FastifyRequest) => (request.params as { controllerId: string }).controllerId

/** "letter | name | role | office" per line: the per-letter signatories as an administrator types them. */
function parseByLetter(raw: string): Record<string, Signatory> {
  const rows = raw
    .split('\n')
    .map((l) => l.split('|').map((p) => p.trim()))
    .filter((p) => p.some(Boolean))
  return Object.fromEntries(rows.map(([id = '', name = '', role = '', office = '']) => [id, { name, role, office }]))
}

const byLetterText = (c: Controller) =>
  Object.entries(c.signing?.byLetter ?? {})
    .map(([id, s]) => `${id} | ${s.name} | ${s.role} | ${s.office}`)
    .join('\n')

function parse(body: unknown): LetterSigningChange {
  const d = { name: str(body, 'defaultName'), role: str(body, 'defaultRole'), office: str(body, 'defaultOffice') }
  const anyDefault = d.name || d.role || d.office
  return {
    signing: { ...(anyDefault ? { default: d } : {}), byLetter: parseByLetter(str(body, 'byLetter')) },
    review: {
      reviewer: str(body, 'reviewer'),
      askWithinWorkingDays: Number(str(body, 'askWithinWorkingDays')),
      replyWithinWorkingDays: Number(str(body, 'replyWithinWorkingDays')),
    },
  }
}

/** Issue 13: who signs each controller's letters, per letter type, and the review policy its letters state. */
export function registerSignatoryRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/admin/signatories',
    access: 'settings:admin',
    handler: async (request, reply) => {
      const actor = staffOf(request)
      const controllers = (await listControllers(deps.pool)).filter((c) => actor.controllerIds?.includes(c.id) ?? true)
      return page(deps, request, reply, 'staff/admin/signatories.njk', {
        pageTitle: text('casework.signing.title'),
        rows: controllers.map((c) => ({
          id: c.id,
          name: c.name,
          signedBy: c.signing?.default
            ? `${c.signing.default.name}, ${c.signing.default.role}`
            : text('casework.signing.authorSigns'),
          reviewer: (c.review ?? DEFAULT_REVIEW_POLICY).reviewer,
        })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/admin/signatories/:controllerId',
    access: 'settings:admin',
    handler: (q, r) => form(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/admin/signatories/:controllerId',
    access: 'settings:admin',
    handler: async (request, reply) => {
      const id = controllerIdOf(request)
      await letterSigningOf(deps, staffOf(request), id)
      try {
        await updateLetterSigning(deps, staffOf(request), id, parse(request.body))
        return reply.redirect(`/staff/admin/signatories/${id}?saved=1`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation') return form(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
}

async function form(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const c = await letterSigningOf(deps, staffOf(request), controllerIdOf(request))
  const b = errors ? request.body : null
  const review = c.review ?? DEFAULT_REVIEW_POLICY
  const value = (field: string, saved: string | number | undefined) => (b ? str(b, field) : String(saved ?? ''))
  return page(
    deps,
    request,
    reply,
    'staff/admin/signatories-form.njk',
    {
      pageTitle: c.name,
      controllerId: c.id,
      values: {
        defaultName: value('defaultName', c.signing?.default?.name),
        defaultRole: value('defaultRole', c.signing?.default?.role),
        defaultOffice: value('defaultOffice', c.signing?.default?.office),
        byLetter: b ? str(b, 'byLetter') : byLetterText(c),
        reviewer: value('reviewer', review.reviewer),
        askWithinWorkingDays: value('askWithinWorkingDays', review.askWithinWorkingDays),
        replyWithinWorkingDays: value('replyWithinWorkingDays', review.replyWithinWorkingDays),
      },
      letters: LETTER_TEMPLATE_IDS.join(', '),
      saved: (request.query as Record<string, unknown>).saved === '1',
      errors,
    },
    errors ? 400 : 200,
  )
}
