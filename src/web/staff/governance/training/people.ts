import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import {
  addPerson,
  getTrainingPerson,
  updatePerson,
  type TrainingPersonInput,
  type TrainingPersonRecord,
} from '../../../../application/governance/training-people.js'
import { formatLongDate, isDomainError } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { dateField, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { dateInput, doneOf, personPath, statusCells } from './view.js'

const personIdOf = (request: FastifyRequest) => (request.params as { personId: string }).personId

/** The form's fields as the application layer takes them; an unreadable date is passed on to be refused there. */
function personInput(body: unknown, withLeftOn: boolean): TrainingPersonInput {
  return {
    name: str(body, 'name'),
    email: str(body, 'email'),
    kind: str(body, 'kind'),
    startedOn: dateField(body, 'startedOn') ?? 'not-a-date',
    ...(withLeftOn ? { leftOn: dateField(body, 'leftOn') ?? 'not-a-date' } : {}),
  }
}

const FIELD_IDS = { startedOn: 'startedOn-day', leftOn: 'leftOn-day' }

/** Adding someone to the training records, their record, and correcting it (or recording that they left). */
export function registerPeopleRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/people/new',
    access: 'training:manage',
    handler: (q, r) => personForm(deps, q, r, null),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/training/people/new',
    access: 'training:manage',
    handler: async (request, reply) => {
      try {
        const id = await addPerson(deps, staffOf(request), personInput(request.body, false))
        return reply.redirect(`${personPath(id)}?done=added`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return personForm(deps, request, reply, null, formErrors(error, FIELD_IDS))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/people/:personId',
    access: 'training:manage',
    handler: async (request, reply) => {
      const view = await getTrainingPerson(deps, staffOf(request), personIdOf(request))
      const { person } = view
      const done = doneOf(request, ['added', 'saved', 'recorded'])
      return page(deps, request, reply, 'staff/governance/training/person.njk', {
        pageTitle: person.name,
        view,
        done: done ? text(`training.person.${done}`, { name: person.name }) : null,
        kindText: text(`training.kinds.${person.kind}`),
        startedText: formatLongDate(person.startedOn),
        leftText: person.leftOn ? formatLongDate(person.leftOn) : null,
        statuses: view.statuses.map((s) => ({ ...s, ...statusCells(s) })),
        completions: view.completions.map((c) => ({
          ...c,
          completedText: formatLongDate(c.completedOn),
          certificateSize: c.certificate ? fileSize(c.certificate.contentType, c.certificate.size) : '',
        })),
      })
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/people/:personId/edit',
    access: 'training:manage',
    handler: async (request, reply) => personForm(deps, request, reply, await personOr404(deps, request)),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/training/people/:personId/edit',
    access: 'training:manage',
    handler: async (request, reply) => {
      const person = await personOr404(deps, request)
      try {
        await updatePerson(deps, staffOf(request), person.id, personInput(request.body, true))
        return reply.redirect(`${personPath(person.id)}?done=saved`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return personForm(deps, request, reply, person, formErrors(error, FIELD_IDS))
        throw error
      }
    },
  })
}

async function personOr404(deps: AppDeps, request: FastifyRequest): Promise<TrainingPersonRecord> {
  return (await getTrainingPerson(deps, staffOf(request), personIdOf(request))).person
}

function fileSize(contentType: string, bytes: number): string {
  const type = contentType === 'application/pdf' ? 'PDF' : contentType.replace('image/', '').toUpperCase()
  const size =
    bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`
  return text('training.person.fileSize', { type, size })
}

async function personForm(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  person: TrainingPersonRecord | null,
  errors?: FormErrors,
) {
  const posted = request.method === 'POST' ? request.body : null
  const value = (name: 'name' | 'email' | 'kind', fallback: string | null | undefined) =>
    posted ? str(posted, name) : (fallback ?? '')
  const kind = value('kind', person?.kind)
  return page(
    deps,
    request,
    reply,
    'staff/governance/training/person-form.njk',
    {
      pageTitle: person ? text('training.form.editTitle', { name: person.name }) : text('training.form.newTitle'),
      person,
      action: person ? `${personPath(person.id)}/edit` : '/staff/governance/training/people/new',
      values: { name: value('name', person?.name), email: value('email', person?.email) },
      kindItems: (['staff', 'volunteer'] as const).map((k) => ({
        value: k,
        text: text(`training.kinds.${k}`),
        hint: { text: text(`training.form.${k}Hint`) },
        checked: kind === k,
      })),
      startedItems: dateInput(posted, 'startedOn', posted ? null : person?.startedOn, errors),
      leftItems: dateInput(posted, 'leftOn', posted ? null : person?.leftOn, errors),
      errors,
    },
    errors ? 422 : 200,
  )
}
