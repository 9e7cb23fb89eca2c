import type { ClockRestart } from '../clock/index.js'
import { settledStatus } from './case-status.js'
import type { CaseEvent, CaseEventType, EventOf, RequestLogged } from './events.js'
import type { CaseState } from './types.js'
import { safeguardEvolvers } from './evolve-safeguards.js'

/** Drops keys from a copy of the state, so the snapshot never carries `undefined` values. */
function without<K extends keyof CaseState>(state: CaseState, ...keys: K[]): CaseState {
  const copy = { ...state }
  for (const key of keys) delete copy[key]
  return copy
}

function settle(state: CaseState): CaseState {
  return { ...state, status: settledStatus(state) }
}

function resolveRestart(state: CaseState, kind: ClockRestart['kind'], on: string): ClockRestart[] {
  return state.restarts.map((r) => (r.kind === kind && r.resolvedOn === null ? { ...r, resolvedOn: on } : r))
}

function resolvePause(state: CaseState, on: string): CaseState {
  return settle({ ...state, pauses: state.pauses.map((p) => (p.resolvedOn === null ? { ...p, resolvedOn: on } : p)) })
}

function logged(e: RequestLogged): CaseState {
  const state: CaseState = {
    id: e.caseId,
    reference: e.reference,
    controllerId: e.controllerId,
    caseType: e.caseType,
    route: e.route,
    status: 'received',
    channel: e.channel,
    receivedOn: e.receivedOn,
    receivedAt: e.receivedAt,
    subject: e.subject,
    requesterType: e.requesterType,
    request: e.request,
    restarts: [],
    pauses: [],
    clarificationQuestions: [],
    links: e.parentCaseId ? [{ caseId: e.parentCaseId, relation: 'concerns' }] : [],
    deadlineFlags: {},
    version: 0,
  }
  if (e.right) state.right = e.right
  if (e.representative) state.representative = e.representative
  if (e.parentCaseId) state.parentCaseId = e.parentCaseId
  if (e.caseType === 'regulator-case') {
    state.regulator = { enquiries: [] }
    if (e.regulatorReference) state.regulator.reference = e.regulatorReference
    if (e.regulatorDueOn) state.regulator.dueOn = e.regulatorDueOn
  }
  return state
}

type Evolvers = { [K in Exclude<CaseEventType, 'RequestLogged'>]: (state: CaseState, event: EventOf<K>) => CaseState }

const evolvers: Evolvers = {
  Acknowledged: (s, e) => ({ ...s, acknowledgedOn: e.on }),
  IdentityRequested: (s, e) =>
    settle({ ...s, restarts: [...s.restarts, { kind: 'identity', requestedOn: e.requestedOn, resolvedOn: null }] }),
  AuthorityRequested: (s, e) =>
    settle({ ...s, restarts: [...s.restarts, { kind: 'authority', requestedOn: e.requestedOn, resolvedOn: null }] }),
  FeeRequested: (s, e) =>
    settle({
      ...s,
      restarts: [...s.restarts, { kind: 'fee', requestedOn: e.requestedOn, resolvedOn: null }],
      fee: { amountPence: e.amountPence, basis: e.basis, breakdown: e.breakdown, requestedOn: e.requestedOn },
    }),
  ClarificationRequested: (s, e) =>
    settle({
      ...s,
      pauses: [...s.pauses, { requestedOn: e.requestedOn, resolvedOn: null }],
      clarificationQuestions: [...s.clarificationQuestions, e.question],
    }),
  IdentityVerified: (s, e) =>
    settle({
      ...s,
      restarts: e.endsRestart ? resolveRestart(s, 'identity', e.receivedOn) : s.restarts,
      identity: {
        documentsSeen: e.documentsSeen,
        verifiedOn: e.verifiedOn,
        verifierId: e.verifierId,
        ...(e.otherEvidence ? { otherEvidence: e.otherEvidence } : {}),
      },
    }),
  AuthorityReceived: (s, e) =>
    settle({
      ...s,
      restarts: e.endsRestart ? resolveRestart(s, 'authority', e.receivedOn) : s.restarts,
      authority: { documentType: e.documentType, receivedOn: e.receivedOn, recordedBy: e.actorId },
    }),
  FeePaid: (s, e) =>
    settle({
      ...s,
      restarts: resolveRestart(s, 'fee', e.paidOn),
      ...(s.fee ? { fee: { ...s.fee, paidOn: e.paidOn } } : {}),
    }),
  ClarificationReceived: (s, e) => resolvePause(s, e.receivedOn),
  ClarificationDeclined: (s, e) => resolvePause(s, e.on),
  DeadlineExtended: (s, e) => ({
    ...s,
    extension: { ground: e.ground, reasons: e.reasons, noticeGivenOn: e.noticeGivenOn },
  }),
  CaseAssigned: (s, e) => ({ ...s, assigneeId: e.assigneeId }),
  WorkStarted: (s, e) => ({ ...s, status: 'in-progress', workStartedOn: e.on }),
  RequestRefused: (s, e) => ({
    ...s,
    status: 'in-progress',
    outcome: e.outcome,
    refusal: {
      basis: e.basis,
      exemptionCodes: e.exemptionCodes,
      justification: e.justification,
      decidedBy: e.actorId,
      decidedOn: e.on,
      ...(e.citedCaseIds?.length ? { citedCaseIds: e.citedCaseIds } : {}),
    },
  }),
  RequestRedirected: (s, e) => ({
    ...s,
    status: 'in-progress',
    outcome: e.outcome,
    redirect: {
      to: e.to,
      note: e.note,
      decidedOn: e.on,
      ...(e.controllerName ? { controllerName: e.controllerName } : {}),
    },
  }),
  DraftSubmitted: (s, e) => ({
    ...without(s, 'approval'),
    status: 'in-review',
    draft: {
      version: e.version,
      drafterId: e.actorId,
      submittedAt: e.at,
      summary: e.summary,
      ...(e.letterId ? { letterId: e.letterId } : {}),
      ...(e.letterSha256 ? { letterSha256: e.letterSha256 } : {}),
      ...(e.files ? { files: e.files } : {}),
    },
  }),
  DraftApproved: (s, e) => ({
    ...s,
    status: 'approved',
    approval: {
      approverId: e.actorId,
      approvedAt: e.at,
      version: e.version,
      ...(e.letterId ? { letterId: e.letterId } : {}),
      ...(e.letterSha256 ? { letterSha256: e.letterSha256 } : {}),
      ...(e.files ? { files: e.files } : {}),
    },
  }),
  DraftReturned: (s, e) => ({
    ...without(s, 'approval'),
    status: 'in-progress',
    ...(s.draft ? { draft: { ...s.draft, comments: [...(s.draft.comments ?? []), e.comments] } } : {}),
  }),
  ResponseSent: (s, e) => ({
    ...s,
    status: 'responded',
    outcome: e.outcome,
    response: {
      channel: e.channel,
      outcome: e.outcome,
      sentOn: e.sentOn,
      exemptionCodes: e.exemptionCodes,
      ...(e.delivery ? { delivery: e.delivery } : {}),
    },
  }),
  ResponsePasswordReleased: (s, e) =>
    s.response
      ? {
          ...s,
          response: {
            ...s.response,
            passwordRelease: {
              via: e.via,
              identityConfirmedHow: e.identityConfirmedHow,
              releasedBy: e.actorId,
              releasedOn: e.on,
            },
          },
        }
      : s,
  RequestWithdrawn: (s, e) => ({
    ...s,
    status: 'withdrawn',
    outcome: 'withdrawn',
    withdrawal: { reason: e.reason, on: e.on },
    closedOn: e.on,
  }),
  CaseClosed: (s, e) => ({ ...s, status: 'closed', closedOn: e.on }),
  CaseReopened: (s) =>
    settle({
      ...without(
        s,
        'outcome',
        'response',
        'approval',
        'refusal',
        'redirect',
        'reviewDecision',
        'complaintOutcome',
        'withdrawal',
        'closedOn',
        'rightDecision',
      ),
      status: 'in-progress',
    }),
  CaseLinked: (s, e) => ({ ...s, links: [...s.links, { caseId: e.otherCaseId, relation: e.relation }] }),
  ReviewDecided: (s, e) => ({
    ...s,
    status: 'approved',
    outcome: e.outcome,
    reviewDecision: {
      upheld: e.upheld,
      ...(e.partly ? { partly: true } : {}),
      reasons: e.reasons,
      decidedBy: e.actorId,
      decidedOn: e.on,
      ...(e.senderId ? { senderId: e.senderId } : {}),
    },
    // The send step is the sender's work: the case is theirs until the outcome goes (issue 14).
    ...(e.senderId ? { assigneeId: e.senderId } : {}),
    // An appeal's outcome letter is written with the decision (its version is in the event); an appeal decided
    // without one approves whatever draft was submitted, if any. Never "version 0".
    approval: {
      approverId: e.actorId,
      approvedAt: e.at,
      ...(e.letterVersion !== undefined
        ? { version: e.letterVersion, ...(e.letterId ? { letterId: e.letterId } : {}) }
        : s.draft
          ? { version: s.draft.version, ...(s.draft.letterId ? { letterId: s.draft.letterId } : {}) }
          : {}),
    },
  }),
  ComplaintOutcomeRecorded: (s, e) => ({
    ...s,
    outcome: e.outcome,
    complaintOutcome: { upheld: e.upheld, summary: e.summary, recordedBy: e.actorId, recordedOn: e.on },
  }),
  RegulatorEnquiryRecorded: (s, e) => {
    const regulator = { ...(s.regulator ?? { enquiries: [] }) }
    regulator.enquiries = [...regulator.enquiries, { on: e.on, summary: e.summary }]
    if (e.dueOn) regulator.dueOn = e.dueOn
    if (e.regulatorReference) regulator.reference = e.regulatorReference
    return { ...s, regulator }
  },
  DeadlineFlagged: (s, e) => ({ ...s, deadlineFlags: { ...s.deadlineFlags, [e.kind]: e.forDate } }),
  FurtherCopyFeeRecorded: (s, e) => ({
    ...s,
    furtherCopyFees: [...(s.furtherCopyFees ?? []), { amountPence: e.amountPence, basis: e.basis, recordedOn: e.on }],
  }),
  RestrictionRecorded: (s, e) => ({
    ...s,
    restrictions: [
      ...(s.restrictions ?? []),
      {
        code: e.code,
        reasons: e.reasons,
        reviewOn: e.reviewOn,
        neitherConfirmNorDeny: e.neitherConfirmNorDeny,
        recordedBy: e.actorId,
        recordedOn: e.on,
      },
    ],
  }),
  ...safeguardEvolvers,
  RightDecided: (s, e) => {
    const { type: _t, actorId, at: _at, outcome, on, restrictionStarts, ...decision } = e
    return {
      ...s,
      status: 'in-progress',
      outcome,
      rightDecision: { ...decision, decidedBy: actorId, decidedOn: on },
      ...(restrictionStarts ? { processingRestriction: { ground: restrictionStarts, since: on } } : {}),
    }
  },
  RecipientNotified: (s, e) => ({
    ...s,
    recipientNotices: [
      ...(s.recipientNotices ?? []),
      {
        recipient: e.recipient,
        status: e.status,
        on: e.on,
        ...(e.method ? { method: e.method } : {}),
        ...(e.reason ? { reason: e.reason } : {}),
        recordedBy: e.actorId,
      },
    ],
  }),
  RestrictionLiftNoticeGiven: (s, e) =>
    s.processingRestriction
      ? {
          ...s,
          processingRestriction: {
            ...s.processingRestriction,
            liftNotice: { on: e.on, reason: e.reason, by: e.actorId },
          },
        }
      : s,
  ProcessingRestrictionLifted: (s, e) =>
    s.processingRestriction
      ? {
          ...s,
          processingRestriction: { ...s.processingRestriction, lifted: { on: e.on, reason: e.reason, by: e.actorId } },
        }
      : s,
}

/**
 * Applies one event to the snapshot. Pure; `decide` has already checked the event is allowed, so evolve only
 * records it. Folding a case's events from null rebuilds its state.
 */
export function evolve(state: CaseState | null, event: CaseEvent): CaseState {
  // A stream that breaks these two rules was not produced by decide: stop rather than guess.
  if (event.type === 'RequestLogged') {
    if (state !== null) throw new Error(`evolve: case ${state.id} was already logged (the event stream is corrupt)`)
    return { ...logged(event), version: 1 }
  }
  if (state === null) throw new Error(`evolve: ${event.type} before RequestLogged (the event stream is corrupt)`)
  const apply = evolvers[event.type] as (s: CaseState, e: CaseEvent) => CaseState
  return { ...apply(state, event), version: state.version + 1 }
}

/** Rebuilds a case from its whole event stream. */
export function replay(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(evolve, null)
}
