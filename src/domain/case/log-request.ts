import { isValidLocalDate, localDateInLondon } from '../clock/index.js'
import { fail, type Result } from '../errors.js'
import { isRequesterType } from '../requester/evidence-rules.js'
import { isRight, rightAvailable, rightDefinition } from '../rights/rights.js'
import type { LogRequest } from './commands.js'
import { emit, requireText, type Check, type DecideContext, type EventBody } from './decide-support.js'
import type { CaseEvent } from './events.js'
import type { CaseType, Channel } from './types.js'

const CASE_TYPES: readonly CaseType[] = ['rights-request', 'review', 'complaint', 'regulator-case']
const CHANNELS: readonly Channel[] = ['email', 'post', 'phone', 'in-person', 'portal', 'api']

function invalid(field: string, message: string): Check {
  return fail('validation', `${field}: ${message}`, { fields: { [field]: message } })
}

function rightProblem(cmd: LogRequest): Check {
  if (cmd.caseType !== 'rights-request')
    return cmd.right === undefined ? null : invalid('right', 'Only a rights request names a right')
  if (!isRight(cmd.right)) return invalid('right', 'Choose which right the request is about')
  // DPA 2018 Part 3 has no right to portability or to object (uk-rules §9).
  if (!rightAvailable(cmd.right, cmd.route)) {
    return fail('right-not-available', `${cmd.right} is not available under ${cmd.route}`, {
      userMessage: `${rightDefinition(cmd.right).title} is not a right under the law-enforcement rules (DPA 2018 Part 3).`,
    })
  }
  return null
}

function partiesProblem(cmd: LogRequest): Check {
  if (!isRequesterType(cmd.requesterType)) return invalid('requesterType', 'Choose who is making the request')
  if (cmd.requesterType === 'self')
    return cmd.representative ? invalid('representative', 'A person asking for themselves has no representative') : null
  if (!cmd.representative) return invalid('representative', 'Enter the representative’s details')
  return (
    requireText(cmd.representative.name, 'representative.name') ??
    requireText(cmd.representative.relationship, 'representative.relationship')
  )
}

function shapeProblem(cmd: LogRequest): Check {
  if (!CASE_TYPES.includes(cmd.caseType)) return invalid('caseType', 'Choose the type of case')
  if (cmd.route !== 'UK_GDPR' && cmd.route !== 'DPA_PART3') return invalid('route', 'Choose UK GDPR or DPA 2018 Part 3')
  if (!CHANNELS.includes(cmd.channel)) return invalid('channel', 'Choose how the request arrived')
  // Seed 002: an appeal is against an earlier decision, so a review always points at the case it concerns.
  if (cmd.caseType === 'review' && !cmd.parentCaseId)
    return invalid('parentCaseId', 'Choose the case this review is about')
  if (cmd.parentCaseId === cmd.id) return invalid('parentCaseId', 'A case cannot concern itself')
  if (cmd.caseType !== 'regulator-case' && (cmd.regulatorDueOn || cmd.regulatorReference)) {
    return invalid('regulatorDueOn', 'Only a regulator case has a regulator’s date or reference')
  }
  if (cmd.regulatorDueOn !== undefined && !isValidLocalDate(cmd.regulatorDueOn))
    return invalid('regulatorDueOn', 'Enter a real date')
  return null
}

const blank = (v: string | undefined) => (v ?? '').trim().length === 0

/**
 * Every required answer that is missing from a new request, each with the words the GOV.UK error summary shows
 * (issue 14: a form that names one generic problem at a time, "Enter some text", loses people). Adapters call this
 * before anything else so the whole list comes back at once; logRequest applies the same rules.
 */
export function missingRequestFields(cmd: Partial<Omit<LogRequest, 'type'>>): Record<string, string> {
  const fields: Record<string, string> = {}
  if (blank(cmd.controllerId)) fields.controllerId = 'Choose the organisation the request is for'
  if (blank(cmd.subject?.name)) fields['subject.name'] = 'Enter the requester’s name'
  if (cmd.requesterType && cmd.requesterType !== 'self' && cmd.representative) {
    if (blank(cmd.representative.name)) fields['representative.name'] = 'Enter the representative’s name'
    if (blank(cmd.representative.relationship))
      fields['representative.relationship'] = 'Enter how the representative is connected to the person'
  }
  if (blank(cmd.request?.description)) fields['request.description'] = 'Describe the request'
  if (blank(cmd.receivedAt)) fields.receivedAt = 'Enter the date the request arrived'
  return fields
}

function missingProblem(cmd: LogRequest): Check {
  const fields = missingRequestFields(cmd)
  const keys = Object.keys(fields)
  return keys.length ? fail('validation', `missing: ${keys.join(', ')}`, { fields }) : null
}

/**
 * The day the UK GDPR and the DPA 2018 began to apply (DPA 2018 s.212; UK GDPR Art 99 as retained): no request under
 * them can have arrived earlier, and a received date before it is a typing error (issue 11 found year 1 accepted).
 */
export const EARLIEST_RECEIVED_ON = '2018-05-25'

/**
 * A date of birth, when given, is a real day in the past: search officers quote it to local systems, and intake matches
 * people on name and date of birth (issue 14), so a typing slip must not be stored as if it were a date.
 */
function birthDateProblem(cmd: LogRequest, ctx: DecideContext): Check {
  const dob = cmd.subject.dateOfBirth
  if (dob === undefined) return null
  if (!isValidLocalDate(dob)) return invalid('subject.dateOfBirth', 'Enter a real date of birth')
  return dob > ctx.today ? invalid('subject.dateOfBirth', 'The date of birth must be in the past') : null
}

/** Opens a case. The received date is the Europe/London date of receipt, whatever the hour (uk-rules §1.3). */
export function logRequest(cmd: LogRequest, ctx: DecideContext): Result<CaseEvent[]> {
  const receivedAt = new Date(cmd.receivedAt)
  const problem =
    requireText(cmd.id, 'id') ??
    requireText(cmd.reference, 'reference') ??
    missingProblem(cmd) ??
    shapeProblem(cmd) ??
    rightProblem(cmd) ??
    partiesProblem(cmd) ??
    birthDateProblem(cmd, ctx) ??
    (Number.isNaN(receivedAt.getTime()) ? invalid('receivedAt', 'Enter when the request arrived') : null) ??
    (receivedAt > ctx.now ? invalid('receivedAt', 'The request cannot have arrived in the future') : null) ??
    (localDateInLondon(receivedAt) < EARLIEST_RECEIVED_ON
      ? invalid('receivedAt', 'The request must have arrived on or after 25 May 2018')
      : null)
  if (problem) return problem
  return emit(ctx, requestLogged(cmd, receivedAt))
}

/** The event, built field by field so nothing the adapter added beyond the command reaches the audit trail. */
function requestLogged(cmd: LogRequest, receivedAt: Date): EventBody {
  const optional = {
    right: cmd.right,
    representative: cmd.representative,
    parentCaseId: cmd.parentCaseId,
    regulatorReference: cmd.regulatorReference,
    regulatorDueOn: cmd.regulatorDueOn,
  }
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined))
  return {
    type: 'RequestLogged',
    caseId: cmd.id,
    reference: cmd.reference,
    controllerId: cmd.controllerId,
    caseType: cmd.caseType,
    route: cmd.route,
    channel: cmd.channel,
    receivedAt: receivedAt.toISOString(),
    receivedOn: localDateInLondon(receivedAt),
    subject: cmd.subject,
    requesterType: cmd.requesterType,
    request: { ...cmd.request, details: { ...cmd.request.details } },
    ...present,
  }
}
