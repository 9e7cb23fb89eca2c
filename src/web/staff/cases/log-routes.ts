import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { logStaffRequest } from '../../../application/casework/log-staff-request.js'
import type { NewRequest } from '../../../application/log-request.js'
import { REQUESTER_TYPES, RIGHTS, isDomainError, localDateInLondon } from '../../../domain/index.js'
import type { Channel, ProcessingRoute, RequesterType, Right } from '../../../domain/index.js'
import { listControllers } from '../../../persistence/repositories/controller-repository.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { dateField, dateItems, formErrors, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { readStaffUpload, uploadedFiles } from '../uploads.js'

const CHANNELS: Channel[] = ['email', 'post', 'phone', 'in-person']
const FIELD_IDS: Record<string, string> = {
  'subject.name': 'subjectName',
  'representative.name': 'repName',
  'representative.relationship': 'repRelationship',
  representative: 'repName',
  'request.description': 'description',
  receivedAt: 'receivedOn-day',
  controllerId: 'controllerId',
  'subject.dateOfBirth': 'dateOfBirth-day',
}

/** Correspondence logs a request received by email, post, phone or in person, with the original attached. */
export const LOG_FIELD_IDS = FIELD_IDS

export function registerLogRequest(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, { method: 'GET', url: '/cases/new', access: 'case:log', handler: (q, r) => form(deps, q, r) })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/new',
    access: 'case:log',
    preValidation: readStaffUpload,
    handler: async (request, reply) => {
      const files = uploadedFiles(request)
      try {
        const input = await toNewRequest(deps, request)
        const { state } = await logStaffRequest(deps, staffOf(request), input, files[0] ?? null)
        return reply.redirect(`/staff/cases/${state.id}?logged=1`, 303)
      } catch (error) {
        if (!isDomainError(error) || !['validation', 'right-not-available'].includes(error.code)) throw error
        return form(deps, request, reply, formErrors(error, FIELD_IDS))
      }
    },
  })
}

export async function toNewRequest(deps: AppDeps, request: FastifyRequest): Promise<NewRequest> {
  const b = request.body
  // A missing date is one of the missing answers the use case names together (issue 14), not a separate stop.
  const received = dateField(b, 'receivedOn')
  const requesterType = (str(b, 'requesterType') || 'self') as RequesterType
  const addressLines = str(b, 'address')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  // Optional (search officers quote it to local systems; intake matches on name and date of birth). A date typed
  // wrongly reaches the decider as it was typed, which names it, rather than being dropped.
  const dob = dateField(b, 'dateOfBirth')
  const dobTyped = ['year', 'month', 'day'].map((p) => str(b, `dateOfBirth-${p}`)).join('-')
  const subject = {
    name: str(b, 'subjectName'),
    ...(dob === '' ? {} : { dateOfBirth: dob ?? dobTyped }),
    ...(str(b, 'subjectEmail') ? { email: str(b, 'subjectEmail') } : {}),
    ...(str(b, 'subjectPhone') ? { phone: str(b, 'subjectPhone') } : {}),
    ...(addressLines.length || str(b, 'postcode')
      ? {
          address: {
            lines: addressLines,
            ...(str(b, 'postcode') ? { postcode: str(b, 'postcode').toUpperCase() } : {}),
          },
        }
      : {}),
  }
  const representative =
    requesterType === 'self'
      ? undefined
      : {
          name: str(b, 'repName'),
          relationship: str(b, 'repRelationship'),
          ...(str(b, 'repEmail') ? { email: str(b, 'repEmail') } : {}),
          ...(str(b, 'repOrganisation') ? { organisation: str(b, 'repOrganisation') } : {}),
        }
  const controllers = await listControllers(deps.pool)
  const controllerId = str(b, 'controllerId') || (controllers.length === 1 ? controllers[0]!.id : '')
  const controller = controllers.find((c) => c.id === controllerId)
  return {
    controllerId,
    caseType: 'rights-request',
    right: str(b, 'right') as Right,
    route: (str(b, 'route') || controller?.defaultRoute || 'UK_GDPR') as ProcessingRoute,
    channel: str(b, 'channel') as Channel,
    // Noon UTC is the same calendar day in London in winter and summer: the received DATE is what the clock uses.
    receivedAt: !received
      ? ''
      : received === localDateInLondon(deps.clock.now())
        ? deps.clock.now().toISOString()
        : `${received}T12:00:00Z`,
    subject,
    requesterType,
    ...(representative ? { representative } : {}),
    request: { description: str(b, 'description'), actionWanted: str(b, 'actionWanted'), reasons: '', details: {} },
  }
}

export async function form(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  errors?: FormErrors,
  mode: 'log' | 'refer' = 'log',
) {
  const actor = staffOf(request)
  const b = request.body ?? {}
  const controllers = (await listControllers(deps.pool)).filter((c) => actor.controllerIds?.includes(c.id) ?? true)
  const radio = (name: string, values: readonly string[], key: string, fallback = '') =>
    values.map((v) => ({ value: v, text: text(`${key}.${v}`), checked: (str(b, name) || fallback) === v }))
  return page(
    deps,
    request,
    reply,
    'staff/cases/log.njk',
    {
      pageTitle: text(mode === 'refer' ? 'casework.refer.title' : 'casework.log.title'),
      intro: text(mode === 'refer' ? 'casework.refer.intro' : 'casework.log.intro'),
      action: mode === 'refer' ? '/staff/refer' : '/staff/cases/new',
      submit: text(mode === 'refer' ? 'casework.refer.submit' : 'casework.log.submit'),
      errors,
      values: b,
      controllers: controllers.map((c) => ({
        value: c.id,
        text: c.name,
        checked: str(b, 'controllerId') === c.id || controllers.length === 1,
      })),
      rights: radio('right', RIGHTS, 'casework.rights', 'access'),
      routes: radio('route', ['UK_GDPR', 'DPA_PART3'], 'casework.routes'),
      channels: radio('channel', CHANNELS, 'casework.channels'),
      requesterTypes: radio('requesterType', REQUESTER_TYPES, 'casework.requesterTypes', 'self'),
      birthItems: dateItems(b, 'dateOfBirth'),
      receivedItems: dateItems(
        b,
        'receivedOn',
        request.method === 'GET' ? localDateInLondon(deps.clock.now()) : undefined,
      ),
    },
    errors ? 400 : 200,
  )
}
