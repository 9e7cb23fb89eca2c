import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../application/deps.js'
import { openCertificate, recordCompletion } from '../../../../application/governance/training-certificates.js'
import { getTrainingPerson } from '../../../../application/governance/training-people.js'
import { loadTrainingTypes } from '../../../../application/governance/training.js'
import { applies, isDomainError } from '../../../../domain/index.js'
import { contentDisposition } from '../../../downloads.js'
import { text } from '../../../nunjucks.js'
import { staffOf } from '../../access.js'
import { dateField, formErrors, page, str, type FormErrors } from '../../render.js'
import { staffRoute } from '../../route.js'
import { readStaffUpload, uploadedFiles } from '../../uploads.js'
import { dateInput, personPath } from './view.js'

const personIdOf = (request: FastifyRequest) => (request.params as { personId: string }).personId

/** Recording a completed training with its certificate, and downloading a certificate again. */
export function registerCompletionRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/people/:personId/completions/new',
    access: 'training:manage',
    handler: (q, r) => completionForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/governance/training/people/:personId/completions/new',
    access: 'training:manage',
    preValidation: readStaffUpload,
    handler: async (request, reply) => {
      const b = request.body
      const certificate = uploadedFiles(request)[0]
      try {
        await recordCompletion(deps, staffOf(request), {
          personId: personIdOf(request),
          typeId: str(b, 'typeId'),
          completedOn: dateField(b, 'completedOn') ?? 'not-a-date',
          ...(certificate ? { certificate } : {}),
        })
        return reply.redirect(`${personPath(personIdOf(request))}?done=recorded`, 303)
      } catch (error) {
        if (isDomainError(error) && error.code === 'validation')
          return completionForm(deps, request, reply, formErrors(error, { completedOn: 'completedOn-day' }))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/governance/training/people/:personId/certificates/:certificateId',
    access: 'training:manage',
    handler: async (request, reply) => {
      const { certificateId } = request.params as { certificateId: string }
      const doc = await openCertificate(deps, staffOf(request), personIdOf(request), certificateId)
      // Always a download, never shown inline: an uploaded file must not run in our origin.
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', contentDisposition(doc.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(doc.bytes)
    },
  })
}

async function completionForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const view = await getTrainingPerson(deps, staffOf(request), personIdOf(request))
  const types = (await loadTrainingTypes(deps.pool)).filter((t) => applies(t, view.person))
  const posted = request.method === 'POST' ? request.body : null
  // The status list links here for one training: that one is chosen already.
  const chosen = posted ? str(posted, 'typeId') : str(request.query, 'typeId')
  return page(
    deps,
    request,
    reply,
    'staff/governance/training/completion-form.njk',
    {
      pageTitle: text('training.completion.title'),
      person: view.person,
      typeItems: types.map((t) => ({
        value: t.id,
        text: t.name,
        hint: {
          text: text('training.completion.frequencyHint', {
            by: t.deliveredBy,
            length: t.lengthMinutes,
            frequency:
              t.frequencyMonths === null
                ? text('training.completion.once')
                : text('training.completion.every', { months: t.frequencyMonths }),
          }),
        },
        checked: chosen === t.id || types.length === 1,
      })),
      completedItems: dateInput(posted, 'completedOn', null, errors),
      errors,
    },
    errors ? 422 : 200,
  )
}
