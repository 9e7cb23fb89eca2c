import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import {
  APPLIES_TO,
  METHODS,
  getTrainingType,
  listTrainingTypes,
  saveTrainingType,
  type TrainingTypeInput,
  type TrainingTypeRecord,
} from '../../../../application/governance/training-type-admin.js'
import { isDomainError } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { doneOf } from './view.js'

const TYPES = '/staff/governance/training/types'

function typeInput(body: unknown): TrainingTypeInput {
  return {
    name: str(body, 'name'),
    deliveredBy: str(body, 'deliveredBy'),
    method: str(body, 'method'),
    lengthMinutes: str(body, 'lengthMinutes'),
    frequencyMonths: str(body, 'frequencyMonths'),
    onCommencement: str(body, 'onCommencement'),
    appliesTo: str(body, 'appliesTo'),
    active: str(body, 'retired') !== 'yes',
  }
}

/** How often, in words: "Every year", "Every 24 months", "Once only". */
export function frequencyText(months: number | null): string {
  if (months === null) return text('training.types.onceOnly')
  return months === 12 ? text('training.types.everyYear') : text('training.types.everyMonths', { months })
}

/** The training types (seed 002's table of who needs what training, how often, how long, delivered by whom). */
export function registerTypeRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/types',
    access: 'training:manage',
    handler: async (request, reply) => {
      const types = await listTrainingTypes(deps, staffOf(request))
      return page(deps, request, reply, 'staff/governance/training/types.njk', {
        pageTitle: text('training.types.title'),
        saved: doneOf(request, ['saved']) !== null,
        types: types.map((t) => ({
          ...t,
          methodText: text(`training.types.methods.${t.method}`),
          lengthText: text('training.types.minutes', { minutes: t.lengthMinutes }),
          frequencyText: frequencyText(t.frequencyMonths),
          onCommencementText: text(t.onCommencement ? 'training.types.yes' : 'training.types.no'),
          appliesToText: text(`training.types.appliesTo.${t.appliesTo}`),
        })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/types/new',
    access: 'training:manage',
    handler: (q, r) => typeForm(deps, q, r, null),
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/types/:typeId',
    access: 'training:manage',
    handler: async (q, r) => typeForm(deps, q, r, await getTrainingType(deps, staffOf(q), typeIdOf(q))),
  })
  for (const url of ['/governance/training/types/new', '/governance/training/types/:typeId']) {
    staffRoute(app, {
      method: 'POST',
      url,
      access: 'training:manage',
      handler: async (request, reply) => {
        const existing = url.endsWith('/new') ? null : await getTrainingType(deps, staffOf(request), typeIdOf(request))
        try {
          await saveTrainingType(deps, staffOf(request), existing?.id ?? null, typeInput(request.body))
          return reply.redirect(`${TYPES}?done=saved`, 303)
        } catch (error) {
          if (isDomainError(error) && error.code === 'validation')
            return typeForm(deps, request, reply, existing, formErrors(error))
          throw error
        }
      },
    })
  }
}

const typeIdOf = (request: FastifyRequest) => (request.params as { typeId: string }).typeId

async function typeForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  type: TrainingTypeRecord | null,
  errors?: FormErrors,
) {
  const posted = request.method === 'POST' ? request.body : null
  const v = posted
    ? typeInput(posted)
    : {
        name: type?.name ?? '',
        deliveredBy: type?.deliveredBy ?? '',
        method: type?.method ?? '',
        lengthMinutes: type ? String(type.lengthMinutes) : '',
        frequencyMonths: type?.frequencyMonths ? String(type.frequencyMonths) : '',
        onCommencement: type ? (type.onCommencement ? 'yes' : 'no') : '',
        appliesTo: type?.appliesTo ?? '',
        active: type?.active ?? true,
      }
  const radios = (values: readonly string[], current: string, key: (value: string) => string) =>
    values.map((value) => ({ value, text: text(key(value)), checked: current === value }))
  return page(
    deps,
    request,
    reply,
    'staff/governance/training/type-form.njk',
    {
      pageTitle: type ? type.name : text('training.typeForm.newTitle'),
      type,
      action: type ? `${TYPES}/${encodeURIComponent(type.id)}` : `${TYPES}/new`,
      values: v,
      methodItems: radios(METHODS, v.method, (m) => `training.types.methods.${m}`),
      onCommencementItems: radios(['yes', 'no'], v.onCommencement, (x) => `training.types.${x}`),
      appliesToItems: radios(APPLIES_TO, v.appliesTo, (a) => `training.types.appliesTo.${a}`),
      errors,
    },
    errors ? 422 : 200,
  )
}
