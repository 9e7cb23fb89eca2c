import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { loadActivities, saveActivity } from '../../../../application/governance/register.js'
import { DomainError, isDomainError, type ProcessingActivity } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { formErrors, page, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import {
  activityFrom,
  activityProblems,
  basisItems,
  emptyValues,
  transferRows,
  valuesFromActivity,
  valuesFromBody,
  type ActivityValues,
} from './activity-form.js'
import { controllerFor, registerUrl } from './shared.js'

type Params = { controllerId: string; activityId?: string }

/** The activity being changed, found within the controller in the address (another controller's: not found). */
async function activityOf(deps: AppDeps, controllerId: string, activityId: string): Promise<ProcessingActivity> {
  const found = (await loadActivities(deps.pool, controllerId)).find((a) => a.id === activityId)
  if (!found) throw new DomainError('not-found', `activity ${activityId}`)
  return found
}

async function activityForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  values: ActivityValues | null,
  errors?: FormErrors,
) {
  const { controllerId, activityId } = request.params as Params
  const controller = await controllerFor(deps, staffOf(request), controllerId)
  const existing = activityId ? await activityOf(deps, controller.id, activityId) : null
  const v = values ?? (existing ? valuesFromActivity(existing) : emptyValues())
  return page(
    deps,
    request,
    reply,
    'staff/governance/register/activity.njk',
    {
      pageTitle: text(existing ? 'register.activity.editTitle' : 'register.activity.newTitle'),
      controllerId: controller.id,
      controller,
      action: `/staff/governance/register/${controller.id}/activities/${existing ? existing.id : 'new'}`,
      back: registerUrl(controller.id),
      values: v,
      bases: basisItems(v.lawfulBases),
      transfers: transferRows(v),
      errors,
    },
    errors ? 422 : 200,
  )
}

async function saveForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const { controllerId, activityId } = request.params as Params
  const actor = staffOf(request)
  const controller = await controllerFor(deps, actor, controllerId)
  if (activityId) await activityOf(deps, controller.id, activityId)
  const values = valuesFromBody(request.body)
  // All problems are shown together, and nothing is stored until there are none (saveActivity checks again).
  const problems = activityProblems(values, controller.id)
  if (Object.keys(problems.fields).length) {
    const error = new DomainError('validation', 'invalid activity', { fields: problems.fields })
    return activityForm(deps, request, reply, values, formErrors(error, problems.ids))
  }
  try {
    const { id: _unset, ...activity } = activityFrom(values, controller.id, activityId)
    await saveActivity(deps, actor, activityId ? { ...activity, id: activityId } : activity)
  } catch (error) {
    if (isDomainError(error) && error.code === 'validation')
      return activityForm(deps, request, reply, values, formErrors(error, problems.ids))
    throw error
  }
  return reply.redirect(registerUrl(controller.id, 'activity'), 303)
}

/** Adding and changing the activities in a controller's register (Art 30(1)(a)–(g)). */
export function registerActivityRoutes(app: FastifyInstance, deps: AppDeps): void {
  for (const url of [
    '/governance/register/:controllerId/activities/new',
    '/governance/register/:controllerId/activities/:activityId',
  ]) {
    staffRoute(app, {
      method: 'GET',
      url,
      access: 'register:manage',
      handler: (request, reply) => activityForm(deps, request, reply, null),
    })
    staffRoute(app, {
      method: 'POST',
      url,
      access: 'register:manage',
      handler: (request, reply) => saveForm(deps, request, reply),
    })
  }
}
