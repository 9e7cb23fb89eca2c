import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { liftLegalHold, placeLegalHold } from '../../../../application/governance/legal-hold.js'
import { getCase } from '../../../../application/get-case.js'
import { actorName, userDirectory } from '../../../../application/staff/user-directory.js'
import { isDomainError, localDateInLondon } from '../../../../domain/index.js'
import type { Queryable } from '../../../../persistence/db.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { FORMAT, fieldError, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { caseSummary } from '../../case/summary.js'
import { activeHoldOn, activeHolds } from './queries.js'

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/**
 * Legal holds: while a claim, an investigation or a regulator's enquiry may need a case, it is kept whatever the
 * retention schedule says (the disposal job skips it). Placing and lifting both need a reason and are audited.
 */
export function registerLegalHoldRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/legal-holds',
    access: 'legal-hold:manage',
    handler: async (request, reply) => {
      const [holds, directory] = await Promise.all([
        activeHolds(deps.pool, staffOf(request).controllerIds),
        userDirectory(deps.pool),
      ])
      return page(deps, request, reply, 'staff/governance/retention/legal-holds.njk', {
        pageTitle: text('retention.holds.title'),
        holds: holds.map((h) => ({ ...h, placedByName: actorName(directory, h.placedBy) })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/legal-hold',
    access: 'legal-hold:manage',
    handler: (q, r) => holdForm(deps, q, r, 'place'),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/legal-hold',
    access: 'legal-hold:manage',
    handler: async (request, reply) => {
      try {
        await placeLegalHold(deps, staffOf(request), idOf(request), str(request.body, 'reason'))
        return reply.redirect(`/staff/cases/${idOf(request)}?done=legal-hold`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return holdForm(deps, request, reply, 'place', formErrors(error), 422)
        if (isDomainError(error) && error.code === 'conflict')
          return holdForm(deps, request, reply, 'place', formErrors(error), 409)
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/legal-hold/lift',
    access: 'legal-hold:manage',
    handler: (q, r) => holdForm(deps, q, r, 'lift'),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/legal-hold/lift',
    access: 'legal-hold:manage',
    handler: async (request, reply) => {
      // The application layer records whatever reason it is given; the form insists there is one worth keeping.
      const reason = str(request.body, 'reason')
      if (reason.length < 5)
        return holdForm(deps, request, reply, 'lift', fieldError('reason', 'retention.hold.liftReasonMissing'), 422)
      try {
        await liftLegalHold(deps, staffOf(request), idOf(request), reason)
        return reply.redirect(`/staff/cases/${idOf(request)}?done=legal-hold-lifted`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'conflict')
          return holdForm(deps, request, reply, 'lift', formErrors(error), 409)
        throw error
      }
    },
  })
}

async function holdForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  mode: 'place' | 'lift',
  errors?: FormErrors,
  status?: number,
) {
  const view = await getCase(deps, staffOf(request), idOf(request))
  const [hold, directory] = await Promise.all([activeHoldOn(deps.pool, view.state.id), userDirectory(deps.pool)])
  return page(
    deps,
    request,
    reply,
    'staff/governance/retention/hold-form.njk',
    {
      pageTitle: text(mode === 'place' ? 'retention.hold.placeTitle' : 'retention.hold.liftTitle'),
      mode,
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      hold: hold ? holdText(hold, directory) : null,
      reason: request.method === 'POST' ? str(request.body, 'reason') : '',
      errors,
    },
    status ?? 200,
  )
}

function holdText(
  hold: { reason: string; placedBy: string; placedAt: Date },
  directory: Awaited<ReturnType<typeof userDirectory>>,
) {
  return {
    reason: hold.reason,
    reasonText: text('retention.hold.banner.reason', { reason: hold.reason }),
    placedText: text('retention.hold.banner.placed', {
      who: actorName(directory, hold.placedBy),
      date: FORMAT.date(hold.placedAt),
    }),
  }
}

/**
 * What the staff case page shows about a legal hold (the banner and the place/lift link): the hold standing on the
 * case, in words, or null.
 */
export async function caseLegalHold(db: Queryable, caseId: string) {
  const hold = await activeHoldOn(db, caseId)
  if (!hold) return null
  return holdText(hold, await userDirectory(db))
}
