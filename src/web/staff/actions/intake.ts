import {
  AUTHORITY_DOCUMENT_LABELS,
  DomainError,
  IDENTITY_DOCUMENT_TYPES,
  evidenceRuleFor,
  rightDefinition,
} from '../../../domain/index.js'
import type { CaseState, DocumentSeen } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { beforeDraft, open, pence, str, strs, type ActionDef, type Item } from './types.js'

const identityItems = (): Item[] => IDENTITY_DOCUMENT_TYPES.map((d) => ({ value: d.type, text: d.label }))
const openRestart = (s: CaseState, kind: string) => s.restarts.some((r) => r.kind === kind && r.resolvedOn === null)
const representedBy = (s: CaseState) => evidenceRuleFor(s.requesterType).representative !== null

function acknowledgementFor(s: CaseState) {
  if (s.caseType === 'review') return 'appeal-acknowledgement' as const
  if (s.caseType === 'complaint') return 'complaint-acknowledgement' as const
  if (s.caseType === 'regulator-case') return null
  return 'acknowledgement' as const
}

/** Intake (seed 002 "Process on receipt", "Verifying identities", "Fees", "Clarification of requests"). */
export const INTAKE_ACTIONS: ActionDef[] = [
  {
    slug: 'acknowledge',
    command: 'Acknowledge',
    fields: [],
    available: (s) => open(s) && !s.acknowledgedOn,
    toCommand: () => ({ type: 'Acknowledge' }),
    notice: acknowledgementFor,
  },
  {
    slug: 'request-identity',
    command: 'RequestIdentity',
    fields: [{ name: 'rationale', kind: 'textarea', optional: true }],
    available: (s) => s.caseType === 'rights-request' && beforeDraft(s) && !s.identity && !openRestart(s, 'identity'),
    toCommand: (v) => ({ type: 'RequestIdentity', ...(str(v, 'rationale') ? { rationale: str(v, 'rationale') } : {}) }),
    notice: () => 'identity-request',
    extras: (v) => ({ rationale: str(v, 'rationale') }),
  },
  {
    slug: 'request-authority',
    command: 'RequestAuthority',
    fields: [{ name: 'note', kind: 'textarea', optional: true }],
    available: (s) => s.caseType === 'rights-request' && beforeDraft(s) && representedBy(s) && !s.authority,
    toCommand: (v) => ({ type: 'RequestAuthority', ...(str(v, 'note') ? { note: str(v, 'note') } : {}) }),
    notice: () => 'authority-request',
    extras: (v) => ({ note: str(v, 'note') }),
  },
  {
    slug: 'verify-identity',
    command: 'RecordIdentityVerified',
    fields: [
      { name: 'subjectDocuments', kind: 'checkboxes', items: identityItems, optional: true },
      {
        name: 'representativeDocuments',
        kind: 'checkboxes',
        items: identityItems,
        optional: true,
        showIf: representedBy,
      },
      { name: 'otherEvidence', kind: 'textarea', optional: true },
      { name: 'otherEvidenceReason', kind: 'textarea', optional: true },
      { name: 'receivedOn', kind: 'date', defaultToday: true },
      { name: 'verifiedOn', kind: 'date', defaultToday: true },
    ],
    available: (s) => s.caseType === 'rights-request' && beforeDraft(s) && !s.identity,
    fieldMap: { documentsSeen: 'subjectDocuments' },
    toCommand: (v, ctx) => {
      // Seed 002: record which documents were seen, when and by whom; the copies themselves are then deleted.
      const seen: DocumentSeen[] = [
        ...strs(v, 'subjectDocuments').map((documentType) => ({ party: 'subject' as const, documentType })),
        ...strs(v, 'representativeDocuments').map((documentType) => ({
          party: 'representative' as const,
          documentType,
        })),
      ]
      return {
        type: 'RecordIdentityVerified',
        documentsSeen: seen,
        receivedOn: str(v, 'receivedOn'),
        verifiedOn: str(v, 'verifiedOn'),
        verifierId: ctx.actor.id,
        ...(str(v, 'otherEvidence') || str(v, 'otherEvidenceReason')
          ? { otherEvidence: { description: str(v, 'otherEvidence'), reason: str(v, 'otherEvidenceReason') } }
          : {}),
      }
    },
  },
  {
    slug: 'authority-received',
    command: 'RecordAuthorityReceived',
    fields: [
      {
        name: 'documentType',
        kind: 'radios',
        items: (ctx) =>
          (evidenceRuleFor(ctx.state.requesterType).authority?.documentTypes ?? []).map((d) => ({
            value: d,
            text: AUTHORITY_DOCUMENT_LABELS[d],
          })),
      },
      { name: 'receivedOn', kind: 'date', defaultToday: true },
    ],
    available: (s) => s.caseType === 'rights-request' && beforeDraft(s) && representedBy(s) && !s.authority,
    toCommand: (v) => ({
      type: 'RecordAuthorityReceived',
      documentType: str(v, 'documentType'),
      receivedOn: str(v, 'receivedOn'),
    }),
  },
  {
    slug: 'request-fee',
    command: 'RequestFee',
    fields: [
      {
        name: 'feeBasis',
        kind: 'radios',
        items: () =>
          ['manifestly-unfounded', 'manifestly-excessive'].map((b) => ({
            value: b,
            text: text(`casework.refusalBases.${b}`),
          })),
      },
      { name: 'reasons', kind: 'textarea' },
      { name: 'hours', kind: 'number', width: 'govuk-input--width-4' },
      {
        name: 'rate',
        kind: 'text',
        width: 'govuk-input--width-5',
        initial: (ctx) => (ctx.feeRatePence / 100).toFixed(2),
      },
      { name: 'disbursements', kind: 'text', width: 'govuk-input--width-5', prefix: '£', initial: () => '0.00' },
    ],
    available: (s) => s.caseType === 'rights-request' && beforeDraft(s) && !s.fee,
    fieldMap: { amountPence: 'hours', basis: 'reasons' },
    toCommand: (v) => {
      // Art 12(5): a reasonable fee from administrative costs: staff time at a rate, plus copying and postage.
      const hours = Number(str(v, 'hours'))
      const ratePence = pence(str(v, 'rate'))
      const disbursementsPence = pence(str(v, 'disbursements') || '0')
      const fields: Record<string, string> = {}
      if (!Number.isFinite(hours) || hours <= 0 || hours > 200)
        fields.hours = text('casework.actions.request-fee.hoursInvalid')
      if (!Number.isFinite(ratePence)) fields.rate = text('casework.actions.request-fee.moneyInvalid')
      if (!Number.isFinite(disbursementsPence)) fields.disbursements = text('casework.actions.request-fee.moneyInvalid')
      if (!str(v, 'feeBasis')) fields.feeBasis = text('casework.actions.request-fee.basisMissing')
      if (Object.keys(fields).length) throw new DomainError('validation', 'invalid fee', { fields })
      const basisWords = text(`casework.refusalBases.${str(v, 'feeBasis')}`)
      return {
        type: 'RequestFee',
        amountPence: Math.round(hours * ratePence) + disbursementsPence,
        basis: str(v, 'reasons') ? `${basisWords}: ${str(v, 'reasons')}` : '',
        breakdown: { hours, ratePence, disbursementsPence },
      }
    },
    notice: () => 'fee-request',
    extras: (v) => ({
      feeBasis: str(v, 'feeBasis') === 'manifestly-unfounded' ? 'manifestly-unfounded' : 'manifestly-excessive',
    }),
  },
  {
    slug: 'fee-paid',
    command: 'RecordFeePaid',
    fields: [{ name: 'paidOn', kind: 'date', defaultToday: true }],
    available: (s) => openRestart(s, 'fee'),
    toCommand: (v) => ({ type: 'RecordFeePaid', paidOn: str(v, 'paidOn') }),
  },
  {
    slug: 'request-clarification',
    command: 'RequestClarification',
    fields: [{ name: 'question', kind: 'textarea' }],
    // UK GDPR Art 12A(5): the clarification pause exists for access requests only.
    available: (s) =>
      s.caseType === 'rights-request' &&
      !!s.right &&
      rightDefinition(s.right).clarificationPauseApplies &&
      beforeDraft(s) &&
      !s.pauses.some((p) => p.resolvedOn === null),
    toCommand: (v) => ({ type: 'RequestClarification', question: str(v, 'question') }),
    notice: () => 'clarification-request',
    extras: (v) => ({ question: str(v, 'question') }),
  },
  {
    slug: 'clarification-received',
    command: 'RecordClarificationReceived',
    fields: [
      { name: 'receivedOn', kind: 'date', defaultToday: true },
      { name: 'summary', kind: 'textarea', optional: true },
    ],
    available: (s) => s.pauses.some((p) => p.resolvedOn === null),
    toCommand: (v) => ({
      type: 'RecordClarificationReceived',
      receivedOn: str(v, 'receivedOn'),
      ...(str(v, 'summary') ? { summary: str(v, 'summary') } : {}),
    }),
  },
  {
    slug: 'clarification-declined',
    command: 'RecordClarificationDeclined',
    fields: [{ name: 'on', kind: 'date', defaultToday: true }],
    available: (s) => s.pauses.some((p) => p.resolvedOn === null),
    toCommand: (v) => ({ type: 'RecordClarificationDeclined', on: str(v, 'on') }),
  },
]
