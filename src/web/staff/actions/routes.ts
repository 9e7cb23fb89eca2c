import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { actOnCase, draftNotice, tryOnCase } from '../../../application/casework/act-on-case.js'
import { readSettings } from '../../../application/casework/settings.js'
import { relatedCases } from '../../../application/casework/case-workspace.js'
import { getCase } from '../../../application/get-case.js'
import { DomainError, isDomainError, localDateInLondon, permissionForCommand } from '../../../domain/index.js'
import type { CaseState } from '../../../domain/index.js'
import { ASSIGNABLE, caseInScope, colleaguesOf } from '../../../application/boundary.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page, str, textOr, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from '../case/summary.js'
import { ACTIONS } from './catalogue.js'
import { actionErrors, fieldViews, readValues } from './form-model.js'
import type { ActionContext, ActionDef, Values } from './types.js'

/** One GET (the form) and one POST (check, then do) per action in the catalogue, under /staff/cases/:id/<slug>. */
export function registerActionRoutes(app: FastifyInstance, deps: AppDeps): void {
  for (const action of ACTIONS) {
    const access = permissionForCommand(action.command)
    const url = `/cases/:id/${action.slug}`
    staffRoute(app, { method: 'GET', url, access, handler: (q, r) => showForm(deps, action, q, r) })
    staffRoute(app, { method: 'POST', url, access, handler: (q, r) => submit(deps, action, q, r) })
  }
}

const caseIdOf = (request: FastifyRequest) => (request.params as { id: string }).id

async function contextFor(deps: AppDeps, request: FastifyRequest, state: CaseState): Promise<ActionContext> {
  // Who may be assigned: the same list the application accepts (boundary.ts), so the form offers nobody it would refuse.
  const [people, settings, related] = await Promise.all([
    colleaguesOf(deps.pool, state.controllerId, ASSIGNABLE),
    readSettings(deps.pool),
    relatedCases(deps.pool, state),
  ])
  const colleagues = people.map((u) => ({ id: u.id, name: u.name }))
  return {
    state,
    actor: staffOf(request),
    today: localDateInLondon(deps.clock.now()),
    colleagues,
    feeRatePence: settings.feeHourlyRatePence,
    linkedCases: related
      .filter((r) => state.links.some((l) => l.caseId === r.id))
      .map((r) => ({
        id: r.id,
        reference: r.reference,
        relation: textOr(`casework.linkRelations.${r.relation}`, r.relation),
      })),
    // The application refuses a link to another controller's case (boundary.ts); asking here puts the message on the
    // reference the officer typed.
    findCaseId: async (reference) => {
      const found = reference ? await caseInScope(deps.pool, staffOf(request), reference).catch(() => null) : null
      return found && found.controllerId === state.controllerId ? found.id : null
    },
  }
}

async function showForm(
  deps: AppDeps,
  action: ActionDef,
  request: FastifyRequest,
  reply: FastifyReply,
  errors?: FormErrors,
  extra: Record<string, unknown> = {},
) {
  const view = await getCase(deps, staffOf(request), caseIdOf(request))
  const ctx = await contextFor(deps, request, view.state)
  return page(
    deps,
    request,
    reply,
    'staff/actions/form.njk',
    {
      pageTitle: text(`casework.actions.${action.slug}.title`),
      action,
      fields: fieldViews(action, ctx, request, errors),
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      controllerId: view.state.controllerId,
      caseId: view.state.id,
      sendsLetter: Boolean(action.notice?.(view.state)),
      errors,
      ...extra,
    },
    errors ? 400 : 200,
  )
}

async function submit(deps: AppDeps, action: ActionDef, request: FastifyRequest, reply: FastifyReply) {
  const actor = staffOf(request)
  const caseId = caseIdOf(request)
  const state = await caseInScope(deps.pool, actor, caseId)
  const ctx = await contextFor(deps, request, state)
  const step = str(request.body, 'step')
  const template = action.notice?.(state) ?? null
  try {
    // The letter step: the values come back from the check page as they were checked.
    const values =
      step === 'send'
        ? (JSON.parse(str(request.body, 'values') || '{}') as Values)
        : readValues(action, ctx, request.body)
    const command = await action.toCommand(values, ctx)
    if (step === 'calculate') return showForm(deps, action, request, reply, undefined, { fee: feeShown(command) })
    if (template && step !== 'send') {
      const after = await tryOnCase(deps, actor, caseId, command)
      const letter = await draftNotice(deps.pool, deps, actor, after, template, action.extras?.(values))
      return page(deps, request, reply, 'staff/actions/check.njk', {
        pageTitle: text('casework.check.title'),
        action,
        letter,
        values: JSON.stringify(values),
        caseId,
        controllerId: state.controllerId,
        reference: state.reference,
      })
    }
    const edited = template ? { subject: str(request.body, 'subject'), body: str(request.body, 'body') } : undefined
    if (edited && (!edited.subject || edited.body.length < 20))
      throw new DomainError('validation', 'empty letter', { fields: { body: text('casework.check.bodyMissing') } })
    await actOnCase(
      deps,
      actor,
      caseId,
      command,
      template ? { template, extras: action.extras?.(values), ...(edited ? { edited } : {}) } : undefined,
    )
    return reply.redirect(`/staff/cases/${caseId}?done=${action.slug}`, 303)
  } catch (error) {
    if (!isDomainError(error) || error.code === 'not-permitted' || error.code === 'not-found') throw error
    return showForm(deps, action, request, reply, actionErrors(action, error))
  }
}

function feeShown(command: { type: string } & Partial<{ amountPence: number }>) {
  return command.amountPence === undefined ? null : `£${(command.amountPence / 100).toFixed(2)}`
}
