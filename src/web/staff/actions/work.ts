import { DomainError, REDIRECT_TARGETS, exemptionsFor } from '../../../domain/index.js'
import type { CaseState, LinkRelation, RefusalBasis } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { beforeDraft, open, str, strs, type ActionContext, type ActionDef, type Item } from './types.js'

/** The exemptions used most often, offered first; the rest of the catalogue is one click away. */
export const COMMON_EXEMPTIONS = [
  'S2P3_16_THIRD',
  'ART15_4_OTHERS',
  'S2P1_2_CRIME',
  'S2P4_19_LPP',
  'S2P4_24_REFS',
  'S2P2_7_PROTECT',
  'NOT_PD',
  'LE_45_4_A',
  'LE_45_4_B',
  'LE_45_4_E',
  'LE_45A_LPP',
]

export function exemptionItems(ctx: Pick<ActionContext, 'state'>): Item[] {
  const s = ctx.state
  return exemptionsFor(s.right ?? 'access', s.route)
    .filter((e) => !e.scotlandOnly)
    .map((e) => ({ value: e.code, text: `${e.shortName} (${e.citation})`, hint: e.explanation }))
}

const rightsRequest = (s: CaseState) => s.caseType === 'rights-request'
const undecided = (s: CaseState) => !s.refusal && !s.redirect

/** Casework and lifecycle (seed 002 "Extending the response time", exemptions, review, withdrawal). */
export const WORK_ACTIONS: ActionDef[] = [
  {
    slug: 'assign',
    command: 'Assign',
    fields: [
      {
        name: 'assigneeId',
        kind: 'radios',
        items: (ctx) => ctx.colleagues.map((c) => ({ value: c.id, text: c.name })),
      },
    ],
    available: open,
    toCommand: (v) => ({ type: 'Assign', assigneeId: str(v, 'assigneeId') }),
  },
  {
    slug: 'start-work',
    command: 'StartWork',
    fields: [],
    available: (s) => s.status === 'received',
    toCommand: () => ({ type: 'StartWork' }),
  },
  {
    slug: 'extend',
    command: 'Extend',
    fields: [
      {
        name: 'ground',
        kind: 'radios',
        items: () => ['complexity', 'number'].map((g) => ({ value: g, text: text(`casework.extensionGrounds.${g}`) })),
      },
      { name: 'reasons', kind: 'textarea' },
    ],
    available: (s) =>
      rightsRequest(s) && !s.extension && (beforeDraft(s) || s.status === 'in-review' || s.status === 'approved'),
    // Art 12A(4): the notice goes today, with the reasons; decide refuses it after the notice deadline.
    toCommand: (v) => ({
      type: 'Extend',
      ground: str(v, 'ground') as 'complexity' | 'number',
      reasons: str(v, 'reasons'),
    }),
    notice: () => 'extension-notice',
  },
  {
    // A complex appeal: 40 working days instead of 20 (issue 14; local policy after the FOIA s.45 Code, uk-rules §2).
    slug: 'extend-review',
    command: 'Extend',
    fields: [{ name: 'reasons', kind: 'textarea' }],
    available: (s) =>
      s.caseType === 'review' && !s.extension && ['received', 'in-progress', 'in-review'].includes(s.status),
    toCommand: (v) => ({ type: 'Extend', ground: 'complexity', reasons: str(v, 'reasons') }),
  },
  {
    slug: 'refuse',
    command: 'Refuse',
    fields: [
      {
        name: 'basis',
        kind: 'radios',
        items: (ctx) =>
          (['manifestly-unfounded', 'manifestly-excessive', 'exemption', 'no-authority'] as RefusalBasis[])
            .filter((b) => b !== 'no-authority' || ctx.state.requesterType !== 'self')
            .map((b) => ({ value: b, text: text(`casework.refusalBases.${b}`) })),
      },
      { name: 'exemptionCodes', kind: 'checkboxes', items: exemptionItems, optional: true },
      {
        name: 'ncnd',
        kind: 'checkboxes',
        optional: true,
        items: () => [{ value: 'yes', text: text('casework.actions.refuse.ncndItem') }],
        showIf: (s) => s.route === 'DPA_PART3',
      },
      {
        // Issue 14: the linked earlier requests an unfounded or excessive refusal relies on.
        name: 'citedCaseIds',
        kind: 'checkboxes',
        optional: true,
        items: (ctx) => ctx.linkedCases.map((c) => ({ value: c.id, text: c.reference, hint: c.relation })),
        showIf: (s) => s.links.length > 0,
      },
      { name: 'justification', kind: 'textarea' },
    ],
    available: (s) => rightsRequest(s) && beforeDraft(s) && undecided(s),
    toCommand: (v) => ({
      type: 'Refuse',
      basis: str(v, 'basis') as RefusalBasis,
      exemptionCodes: strs(v, 'exemptionCodes'),
      justification: str(v, 'justification'),
      ...(strs(v, 'ncnd').includes('yes') ? { neitherConfirmNorDeny: true } : {}),
      ...(strs(v, 'citedCaseIds').length ? { citedCaseIds: strs(v, 'citedCaseIds') } : {}),
    }),
  },
  {
    // UK GDPR Art 15(3): further copies may carry a reasonable fee; unlike an Art 12(5) fee it never restarts the clock.
    slug: 'further-copy-fee',
    command: 'RecordFurtherCopyFee',
    fields: [
      { name: 'amount', kind: 'text', prefix: '£', width: 'govuk-input--width-5' },
      { name: 'basis', kind: 'textarea' },
    ],
    available: (s) => rightsRequest(s) && s.right === 'access' && s.route === 'UK_GDPR' && open(s),
    fieldMap: { amountPence: 'amount' },
    toCommand: (v) => ({
      type: 'RecordFurtherCopyFee',
      amountPence: Math.round(Number(str(v, 'amount').replace(/[£,]/g, '')) * 100),
      basis: str(v, 'basis'),
    }),
  },
  {
    // DPA 2018 s.45(7): the reasons record for each Part 3 restriction, with the date to review it (s.45(4): only
    // "for so long as" necessary). Kept on the case timeline and exportable for the Information Commissioner.
    slug: 'record-restriction',
    command: 'RecordRestriction',
    fields: [
      {
        name: 'code',
        kind: 'radios',
        items: (ctx) => exemptionItems(ctx).filter((i) => /^LE_(44_4|45_4|45A|48_3)/.test(i.value)),
      },
      {
        name: 'ncnd',
        kind: 'checkboxes',
        optional: true,
        items: () => [{ value: 'yes', text: text('casework.actions.refuse.ncndItem') }],
      },
      { name: 'reasons', kind: 'textarea' },
      { name: 'reviewOn', kind: 'date' },
    ],
    available: (s) => rightsRequest(s) && s.route === 'DPA_PART3' && open(s),
    toCommand: (v) => ({
      type: 'RecordRestriction',
      code: str(v, 'code'),
      reasons: str(v, 'reasons'),
      reviewOn: str(v, 'reviewOn'),
      ...(strs(v, 'ncnd').includes('yes') ? { neitherConfirmNorDeny: true } : {}),
    }),
  },
  {
    slug: 'redirect',
    command: 'Redirect',
    fields: [
      {
        name: 'to',
        kind: 'radios',
        items: () => REDIRECT_TARGETS.map((t) => ({ value: t, text: text(`casework.redirectTargets.${t}`) })),
      },
      { name: 'controllerName', kind: 'text', optional: true },
      { name: 'note', kind: 'textarea' },
    ],
    available: (s) => rightsRequest(s) && beforeDraft(s) && undecided(s),
    toCommand: (v) => ({
      type: 'Redirect',
      to: REDIRECT_TARGETS.find((t) => t === str(v, 'to')) ?? 'other-controller',
      note: str(v, 'note'),
      ...(str(v, 'controllerName') ? { controllerName: str(v, 'controllerName') } : {}),
    }),
  },
  {
    slug: 'approve',
    command: 'Approve',
    fields: [],
    available: (s) => s.status === 'in-review' && s.caseType !== 'review',
    toCommand: () => ({ type: 'Approve' }),
  },
  {
    slug: 'return-draft',
    command: 'ReturnDraft',
    fields: [{ name: 'comments', kind: 'textarea' }],
    available: (s) => s.status === 'in-review' || s.status === 'approved',
    toCommand: (v) => ({ type: 'ReturnDraft', comments: str(v, 'comments') }),
    destructive: true,
  },
  {
    slug: 'complaint-outcome',
    command: 'RecordComplaintOutcome',
    fields: [
      {
        name: 'upheld',
        kind: 'radios',
        items: () =>
          ['yes', 'no'].map((u) => ({ value: u, text: text(`casework.actions.complaint-outcome.upheld-${u}`) })),
      },
      { name: 'summary', kind: 'textarea' },
    ],
    available: (s) => s.caseType === 'complaint' && beforeDraft(s) && !s.complaintOutcome,
    toCommand: (v) => {
      if (!str(v, 'upheld'))
        throw new DomainError('validation', 'upheld?', {
          fields: { upheld: text('casework.actions.complaint-outcome.upheldMissing') },
        })
      return { type: 'RecordComplaintOutcome', upheld: str(v, 'upheld') === 'yes', summary: str(v, 'summary') }
    },
  },
  {
    slug: 'regulator-enquiry',
    command: 'RecordRegulatorEnquiry',
    fields: [
      { name: 'summary', kind: 'textarea' },
      { name: 'regulatorReference', kind: 'text', optional: true, width: 'govuk-input--width-20' },
      { name: 'dueOn', kind: 'date', optional: true },
    ],
    available: (s) => s.caseType === 'regulator-case' && open(s),
    toCommand: (v) => ({
      type: 'RecordRegulatorEnquiry',
      summary: str(v, 'summary'),
      ...(str(v, 'dueOn') ? { dueOn: str(v, 'dueOn') } : {}),
      ...(str(v, 'regulatorReference') ? { regulatorReference: str(v, 'regulatorReference') } : {}),
    }),
  },
  {
    slug: 'link',
    command: 'LinkCase',
    fields: [
      { name: 'otherReference', kind: 'text', width: 'govuk-input--width-20' },
      {
        name: 'relation',
        kind: 'radios',
        items: () =>
          ['related', 'same-requester', 'duplicate'].map((r) => ({
            value: r,
            text: text(`casework.linkRelations.${r}`),
          })),
      },
    ],
    available: () => true,
    toCommand: async (v, ctx) => {
      const other = await ctx.findCaseId(str(v, 'otherReference'))
      if (!other)
        throw new DomainError('validation', 'no such case', {
          fields: { otherReference: text('casework.actions.link.notFound') },
        })
      return { type: 'LinkCase', otherCaseId: other, relation: (str(v, 'relation') || 'related') as LinkRelation }
    },
  },
  {
    slug: 'withdraw',
    command: 'Withdraw',
    fields: [{ name: 'reason', kind: 'textarea' }],
    available: (s) => open(s) && s.status !== 'responded',
    toCommand: (v) => ({ type: 'Withdraw', reason: str(v, 'reason') }),
    destructive: true,
  },
  {
    slug: 'close',
    command: 'Close',
    fields: [],
    available: (s) => s.status === 'responded',
    toCommand: () => ({ type: 'Close' }),
  },
  {
    slug: 'reopen',
    command: 'Reopen',
    fields: [{ name: 'reason', kind: 'textarea' }],
    available: (s) => ['responded', 'closed', 'withdrawn'].includes(s.status),
    toCommand: (v) => ({ type: 'Reopen', reason: str(v, 'reason') }),
  },
]
