import { describe, expect, it } from 'vitest'
import type { DomainErrorCode } from '../errors.js'
import { harness, logCommand, verifiedAccessRequest, type Harness } from './case-fixtures.js'
import { COMMAND_TYPES, type Command, type CommandType } from './commands.js'
import type { CaseStatus } from './types.js'

// For each status: which commands are refused, and with which error; and which must still be accepted.
// Every attempt is made the next day by the reviewer, who did not draft anything, so four-eyes never interferes.

const DAY = '2026-03-03'
type CaseCommand = Exclude<CommandType, 'LogRequest'>

const sample: Record<CaseCommand, Command> = {
  Acknowledge: { type: 'Acknowledge' },
  RequestIdentity: { type: 'RequestIdentity' },
  RequestAuthority: { type: 'RequestAuthority' },
  RequestFee: {
    type: 'RequestFee',
    amountPence: 2500,
    basis: 'Repeat request',
    breakdown: { hours: 1, ratePence: 2500, disbursementsPence: 0 },
  },
  RequestClarification: { type: 'RequestClarification', question: 'Which years?' },
  RecordIdentityVerified: {
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: DAY,
    verifierId: 'corr',
    receivedOn: DAY,
  },
  RecordAuthorityReceived: {
    type: 'RecordAuthorityReceived',
    documentType: 'signed-written-authority',
    receivedOn: DAY,
  },
  RecordFeePaid: { type: 'RecordFeePaid', paidOn: DAY },
  RecordClarificationReceived: { type: 'RecordClarificationReceived', receivedOn: DAY },
  RecordClarificationDeclined: { type: 'RecordClarificationDeclined', on: DAY },
  Extend: { type: 'Extend', ground: 'complexity', reasons: 'Several archived systems to search' },
  Assign: { type: 'Assign', assigneeId: 'dp2' },
  StartWork: { type: 'StartWork' },
  Refuse: { type: 'Refuse', basis: 'manifestly-excessive', justification: 'Fifth identical request in a month' },
  Redirect: { type: 'Redirect', to: 'deceased-foi', note: 'About a late relative' },
  SubmitDraft: { type: 'SubmitDraft', version: 9, summary: 'Draft' },
  Approve: { type: 'Approve' },
  ReturnDraft: { type: 'ReturnDraft', comments: 'Check page 2' },
  RecordResponseSent: { type: 'RecordResponseSent', channel: 'email', outcome: 'disclosed-in-full', sentOn: DAY },
  RecordPasswordReleased: {
    type: 'RecordPasswordReleased',
    via: 'phone-call',
    identityConfirmedHow: 'Called the number on file and checked date of birth',
  },
  Withdraw: { type: 'Withdraw', reason: 'No longer needed' },
  Close: { type: 'Close' },
  Reopen: { type: 'Reopen', reason: 'Requester came back' },
  LinkCase: { type: 'LinkCase', otherCaseId: 'case-2', relation: 'related' },
  DecideReview: { type: 'DecideReview', upheld: true, reasons: 'Disclose' },
  RecordComplaintOutcome: { type: 'RecordComplaintOutcome', upheld: true, summary: 'Upheld' },
  RecordRegulatorEnquiry: { type: 'RecordRegulatorEnquiry', summary: 'ICO asks for our search record' },
  FlagDeadline: { type: 'FlagDeadline', kind: 'due-soon', forDate: '2026-04-02' },
  RecordFurtherCopyFee: { type: 'RecordFurtherCopyFee', amountPence: 1000, basis: 'A second paper copy' },
  RecordRestriction: {
    type: 'RecordRestriction',
    code: 'LE_45_4_B',
    reasons: 'Disclosure would alert a suspect to an open investigation',
    reviewOn: '2026-09-01',
  },
  SeekThirdPartyConsent: {
    type: 'SeekThirdPartyConsent',
    whoAsked: 'The neighbour named in the log',
    how: 'by letter',
    askedOn: '2026-03-02',
  },
  RecordThirdPartyConsent: {
    type: 'RecordThirdPartyConsent',
    number: 1,
    answer: 'refused',
    answeredOn: '2026-03-02',
    disclosure: 'withhold',
    reasons: 'They refused',
  },
  RecordChildCompetence: { type: 'RecordChildCompetence', competent: true, consulted: false, reasons: 'Aged 15' },
  LogCompensationClaim: { type: 'LogCompensationClaim', receivedOn: '2026-03-02', summary: 'Distress at the delay' },
  RecordCompensationOutcome: { type: 'RecordCompensationOutcome', number: 1, outcome: 'rejected' },
  DecideRight: { type: 'DecideRight', result: 'in-full', summary: 'We corrected your address' },
  NotifyRecipient: {
    type: 'NotifyRecipient',
    recipient: 'Northshire Council',
    status: 'notified',
    on: DAY,
    method: 'email',
  },
  GiveRestrictionLiftNotice: { type: 'GiveRestrictionLiftNotice', reason: 'Accuracy now checked' },
  LiftProcessingRestriction: { type: 'LiftProcessingRestriction', reason: 'Accuracy now checked' },
}

// Steps that follow a decision on another right, and may come after the case closes (Art 19, Art 18(3)); on an
// access request there is nothing to notify or lift, whatever the status.
const AFTER_DECISION: CaseCommand[] = ['NotifyRecipient', 'GiveRestrictionLiftNotice', 'LiftProcessingRestriction']
const noDecisionStep = Object.fromEntries([
  ['DecideRight', 'wrong-case-type'],
  ...AFTER_DECISION.map((t) => [t, 'invalid-transition']),
]) as Partial<Record<CaseCommand, DomainErrorCode>>

function agentRequest(): Harness {
  const h = harness('2026-03-02')
  h.run(
    logCommand({ requesterType: 'solicitor-or-agent', representative: { name: 'Sam Law', relationship: 'solicitor' } }),
  )
  return h
}

function then(h: Harness, ...commands: [Command, string?][]): Harness {
  for (const [command, actor] of commands) h.run(command, '2026-03-02', actor ?? 'dp')
  return h
}

const reach: Record<CaseStatus, () => Harness> = {
  received: () => verifiedAccessRequest(),
  'awaiting-identity': () => then(harness('2026-03-02'), [logCommand()], [{ type: 'RequestIdentity' }]),
  'awaiting-authority': () => then(agentRequest(), [{ type: 'RequestAuthority' }]),
  'awaiting-fee': () => then(verifiedAccessRequest(), [sample.RequestFee]),
  'awaiting-clarification': () => then(verifiedAccessRequest(), [sample.RequestClarification]),
  'in-progress': () => then(verifiedAccessRequest(), [sample.StartWork]),
  'in-review': () => then(reach['in-progress'](), [{ type: 'SubmitDraft', version: 1, summary: 'Draft' }]),
  approved: () => then(reach['in-review'](), [sample.Approve, 'reviewer']),
  responded: () => then(reach.approved(), [{ ...sample.RecordResponseSent, sentOn: '2026-03-02' } as Command]),
  closed: () => then(reach.responded(), [sample.Close]),
  withdrawn: () => then(verifiedAccessRequest(), [sample.Withdraw]),
}

const finishedRefusals = Object.fromEntries(
  COMMAND_TYPES.filter(
    (t) =>
      ![
        'LogRequest',
        'Reopen',
        'LinkCase',
        'LogCompensationClaim',
        'RecordCompensationOutcome',
        ...AFTER_DECISION,
      ].includes(t),
  ).map((t) => [t, 'case-closed']),
) as Partial<Record<CaseCommand, DomainErrorCode>>

const refused: Record<CaseStatus, Partial<Record<CaseCommand, DomainErrorCode>>> = {
  received: {
    Approve: 'invalid-transition',
    ReturnDraft: 'invalid-transition',
    SubmitDraft: 'invalid-transition',
    RecordResponseSent: 'approval-required',
    Close: 'invalid-transition',
    Reopen: 'invalid-transition',
    RecordFeePaid: 'invalid-transition',
    RecordClarificationReceived: 'invalid-transition',
    RequestAuthority: 'validation',
    DecideReview: 'wrong-case-type',
    RecordComplaintOutcome: 'wrong-case-type',
    RecordRegulatorEnquiry: 'wrong-case-type',
    ...noDecisionStep,
  },
  'awaiting-identity': {
    StartWork: 'invalid-transition',
    SubmitDraft: 'invalid-transition',
    Approve: 'invalid-transition',
    Close: 'invalid-transition',
    Reopen: 'invalid-transition',
    RequestIdentity: 'conflict',
    RecordResponseSent: 'approval-required',
  },
  'awaiting-authority': {
    StartWork: 'invalid-transition',
    SubmitDraft: 'invalid-transition',
    RequestAuthority: 'conflict',
  },
  'awaiting-fee': { StartWork: 'invalid-transition', SubmitDraft: 'invalid-transition', RequestFee: 'conflict' },
  'awaiting-clarification': {
    StartWork: 'invalid-transition',
    SubmitDraft: 'invalid-transition',
    RequestClarification: 'conflict',
  },
  'in-progress': {
    StartWork: 'invalid-transition',
    Approve: 'invalid-transition',
    ReturnDraft: 'invalid-transition',
    Close: 'invalid-transition',
    Reopen: 'invalid-transition',
    RecordResponseSent: 'approval-required',
  },
  'in-review': {
    SubmitDraft: 'invalid-transition',
    StartWork: 'invalid-transition',
    Refuse: 'invalid-transition',
    Redirect: 'invalid-transition',
    RequestIdentity: 'invalid-transition',
    RequestClarification: 'invalid-transition',
    RequestFee: 'invalid-transition',
    Close: 'invalid-transition',
    Reopen: 'invalid-transition',
    RecordResponseSent: 'approval-required',
  },
  approved: {
    Approve: 'invalid-transition',
    StartWork: 'invalid-transition',
    Refuse: 'invalid-transition',
    RequestIdentity: 'invalid-transition',
    Close: 'invalid-transition',
    Reopen: 'invalid-transition',
  },
  responded: {
    Withdraw: 'invalid-transition',
    Extend: 'invalid-transition',
    SubmitDraft: 'invalid-transition',
    Approve: 'invalid-transition',
    RecordResponseSent: 'invalid-transition',
    RequestIdentity: 'invalid-transition',
    StartWork: 'invalid-transition',
    Refuse: 'invalid-transition',
    FlagDeadline: 'invalid-transition',
  },
  closed: { ...finishedRefusals, ...Object.fromEntries(AFTER_DECISION.map((t) => [t, 'invalid-transition'])) },
  withdrawn: { ...finishedRefusals, ...Object.fromEntries(AFTER_DECISION.map((t) => [t, 'invalid-transition'])) },
}

const accepted: Record<CaseStatus, Command[]> = {
  received: [
    sample.Acknowledge,
    sample.RequestIdentity,
    sample.RequestClarification,
    sample.RequestFee,
    sample.Extend,
    sample.StartWork,
    sample.Refuse,
    sample.Redirect,
    sample.Withdraw,
    sample.LinkCase,
    sample.FlagDeadline,
    sample.SeekThirdPartyConsent,
  ],
  'awaiting-identity': [sample.RecordIdentityVerified, sample.Withdraw, sample.Extend, sample.Refuse, sample.Redirect],
  'awaiting-authority': [sample.RecordAuthorityReceived, { ...sample.Refuse, basis: 'no-authority' } as Command],
  'awaiting-fee': [sample.RecordFeePaid, sample.Refuse],
  'awaiting-clarification': [sample.RecordClarificationReceived, sample.RecordClarificationDeclined],
  'in-progress': [
    sample.SubmitDraft,
    sample.RequestIdentity,
    sample.RequestClarification,
    sample.Refuse,
    sample.Redirect,
    sample.Withdraw,
    sample.Extend,
  ],
  'in-review': [sample.Approve, sample.ReturnDraft, sample.Withdraw, sample.Extend, sample.Assign],
  // A newer version may replace an approved draft; it then needs approving again (issue 10).
  approved: [sample.RecordResponseSent, sample.ReturnDraft, sample.Withdraw, sample.Extend, sample.SubmitDraft],
  responded: [sample.Close, sample.Reopen, sample.LinkCase],
  // A compensation claim usually arrives after the response (UK GDPR Art 82): it is logged on the closed case.
  closed: [sample.Reopen, sample.LinkCase, sample.LogCompensationClaim],
  withdrawn: [sample.Reopen, sample.LinkCase],
}

describe('which commands each status refuses', () => {
  for (const [status, table] of Object.entries(refused) as [
    CaseStatus,
    Partial<Record<CaseCommand, DomainErrorCode>>,
  ][]) {
    it.each(Object.entries(table))(`${status}: %s is refused with %s`, (type, code) => {
      const h = reach[status]()
      expect(h.state.status).toBe(status)
      const result = h.attempt(sample[type as CaseCommand], DAY, 'reviewer')
      expect(result.ok ? 'accepted' : result.error.code).toBe(code)
    })
  }
})

describe('which commands each status accepts', () => {
  for (const [status, commands] of Object.entries(accepted) as [CaseStatus, Command[]][]) {
    it.each(commands.map((c) => [c.type, c] as const))(`${status}: %s is accepted`, (_type, command) => {
      const result = reach[status]().attempt(command, DAY, 'reviewer')
      expect(result.ok ? 'accepted' : `${result.error.code}: ${result.error.message}`).toBe('accepted')
    })
  }
})
