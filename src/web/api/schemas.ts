import { z } from 'zod'
import {
  AUTHORITY_DOCUMENT_LABELS,
  CASE_STATUSES,
  IDENTITY_DOCUMENT_TYPES,
  REQUESTER_TYPES,
  RIGHTS,
} from '../../domain/index.js'
import { safeguardCommandSchemas } from './safeguard-schemas.js'
import { rightsCommandSchemas } from './rights-schemas.js'
import { localDate, requiredText, text } from './schemas-text.js'

export { localDate, requiredText, text } from './schemas-text.js'

const email = z.email().max(254)

const address = z.object({ lines: z.array(requiredText(200)).min(1).max(6), postcode: text(10).optional() })

export const personSchema = z.object({
  name: requiredText(200),
  email: email.optional(),
  phone: text(40).optional(),
  address: address.optional(),
  dateOfBirth: localDate.optional(),
  otherNames: z.array(requiredText(200)).max(10).optional(),
})

export const newRequestSchema = z
  .object({
    controllerId: requiredText(64),
    caseType: z.enum(['rights-request', 'review', 'complaint', 'regulator-case']).default('rights-request'),
    right: z.enum(RIGHTS as unknown as [string, ...string[]]).optional(),
    route: z.enum(['UK_GDPR', 'DPA_PART3']).default('UK_GDPR'),
    channel: z.enum(['email', 'post', 'phone', 'in-person', 'api']).default('api'),
    receivedAt: z.iso.datetime({ offset: true }),
    subject: personSchema,
    requesterType: z.enum(REQUESTER_TYPES as unknown as [string, ...string[]]).default('self'),
    representative: personSchema
      .extend({ relationship: requiredText(100), organisation: text(200).optional() })
      .optional(),
    request: z.object({
      description: requiredText(10_000),
      actionWanted: requiredText(5_000),
      reasons: text(5_000).default(''),
      preferredFormat: text(100).optional(),
      details: z.record(z.string().max(64), text(5_000)).default({}),
    }),
    parentCaseId: z.uuid().optional(),
    regulatorReference: text(100).optional(),
    regulatorDueOn: localDate.optional(),
  })
  .meta({ id: 'NewRequest' })

const documentSeen = z.object({
  party: z.enum(['subject', 'representative', 'authority']),
  documentType: z.enum([
    ...IDENTITY_DOCUMENT_TYPES.map((d) => d.type),
    ...(Object.keys(AUTHORITY_DOCUMENT_LABELS) as string[]),
  ] as unknown as [string, ...string[]]),
})

const outcome = z.enum([
  'disclosed-in-full',
  'disclosed-in-part',
  'no-data-held',
  'refused-manifestly-unfounded',
  'refused-manifestly-excessive',
  'refused-exemption',
  'neither-confirm-nor-deny',
  'not-valid-no-authority',
  'redirected-other-controller',
  'redirected-deceased-foi',
  'redirected-acro',
  'not-personal-data',
  'action-taken',
  'action-declined',
  'review-upheld',
  'review-partly-upheld',
  'review-not-upheld',
  'complaint-upheld',
  'complaint-not-upheld',
  'regulator-answered',
  'withdrawn',
])
const codes = z.array(requiredText(40)).max(50)
const pence = z.number().int().min(0).max(100_000_00)

/** Every command a person or client may issue to an existing case (the system's FlagDeadline is not one). */
export const commandSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Acknowledge'), on: localDate.optional() }),
    z.object({ type: z.literal('RequestIdentity'), rationale: text(2000).optional() }),
    z.object({ type: z.literal('RequestAuthority'), note: text(2000).optional() }),
    z.object({
      type: z.literal('RequestFee'),
      amountPence: pence,
      basis: requiredText(2000),
      breakdown: z.object({ hours: z.number().min(0).max(1000), ratePence: pence, disbursementsPence: pence }),
    }),
    z.object({ type: z.literal('RequestClarification'), question: requiredText(5000) }),
    z.object({
      type: z.literal('RecordIdentityVerified'),
      documentsSeen: z.array(documentSeen).min(1).max(10),
      verifiedOn: localDate,
      verifierId: requiredText(100),
      receivedOn: localDate,
    }),
    z.object({ type: z.literal('RecordAuthorityReceived'), documentType: requiredText(60), receivedOn: localDate }),
    z.object({ type: z.literal('RecordFeePaid'), paidOn: localDate }),
    z.object({ type: z.literal('RecordClarificationReceived'), receivedOn: localDate, summary: text(5000).optional() }),
    z.object({ type: z.literal('RecordClarificationDeclined'), on: localDate }),
    z.object({
      type: z.literal('Extend'),
      ground: z.enum(['complexity', 'number']),
      reasons: requiredText(5000),
      noticeGivenOn: localDate.optional(),
    }),
    z.object({ type: z.literal('Assign'), assigneeId: z.uuid() }),
    z.object({ type: z.literal('StartWork') }),
    z.object({
      type: z.literal('Refuse'),
      basis: z.enum(['manifestly-unfounded', 'manifestly-excessive', 'no-authority', 'exemption']),
      exemptionCodes: codes.optional(),
      justification: requiredText(10_000),
      neitherConfirmNorDeny: z.boolean().optional(),
      citedCaseIds: z.array(z.string().uuid()).max(50).optional(),
    }),
    z.object({
      type: z.literal('Redirect'),
      to: z.enum(['other-controller', 'deceased-foi', 'acro', 'not-personal-data']),
      controllerName: text(200).optional(),
      note: requiredText(5000),
    }),
    z.object({
      type: z.literal('SubmitDraft'),
      version: z.number().int().min(1),
      summary: requiredText(5000),
      letterId: text(100).optional(),
    }),
    z.object({ type: z.literal('Approve') }),
    z.object({ type: z.literal('ReturnDraft'), comments: requiredText(10_000) }),
    z.object({
      type: z.literal('RecordResponseSent'),
      channel: z.enum(['email', 'post', 'portal']),
      outcome,
      sentOn: localDate,
      exemptionCodes: codes.optional(),
    }),
    z.object({ type: z.literal('Withdraw'), reason: requiredText(2000) }),
    z.object({ type: z.literal('Close') }),
    z.object({ type: z.literal('Reopen'), reason: requiredText(2000) }),
    z.object({
      type: z.literal('LinkCase'),
      otherCaseId: z.uuid(),
      relation: z.enum([
        'related',
        'same-requester',
        'duplicate',
        'concerns',
        'review',
        'complaint',
        'regulator-case',
        'other-route-part',
      ]),
    }),
    z.object({
      type: z.literal('DecideReview'),
      upheld: z.boolean(),
      partly: z.boolean().optional(),
      reasons: requiredText(10_000),
      senderId: z.string().uuid().optional(),
    }),
    z.object({ type: z.literal('RecordComplaintOutcome'), upheld: z.boolean(), summary: requiredText(10_000) }),
    z.object({
      type: z.literal('RecordRegulatorEnquiry'),
      summary: requiredText(5000),
      dueOn: localDate.optional(),
      regulatorReference: text(100).optional(),
    }),
    // UK GDPR Art 15(3): a fee for further copies; it never restarts the clock.
    z.object({
      type: z.literal('RecordFurtherCopyFee'),
      amountPence: z.number().int().positive().max(100_000),
      basis: requiredText(2000),
    }),
    // DPA 2018 s.45(7): the reasons record for a Part 3 restriction, with its review date.
    z.object({
      type: z.literal('RecordRestriction'),
      code: text(40),
      reasons: requiredText(5000),
      reviewOn: localDate,
      neitherConfirmNorDeny: z.boolean().optional(),
    }),
    ...safeguardCommandSchemas(text, requiredText, localDate),
    ...rightsCommandSchemas,
  ])
  .meta({ id: 'Command' })

const csv = (values?: readonly string[]) =>
  z
    .string()
    .max(500)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => !values || list.every((v) => values.includes(v)),
      `must be a comma-separated list of: ${values?.join(', ')}`,
    )

export const listQuerySchema = z.object({
  status: csv(CASE_STATUSES).optional(),
  right: csv(RIGHTS).optional(),
  caseType: csv(['rights-request', 'review', 'complaint', 'regulator-case']).optional(),
  controller: text(64).optional(),
  dueBefore: localDate.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  search: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
