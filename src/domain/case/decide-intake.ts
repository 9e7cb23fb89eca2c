import { fail } from '../errors.js'
import { checkIdentityEvidence, evidenceRuleFor } from '../requester/evidence-rules.js'
import { rightDefinition } from '../rights/rights.js'
import { isBeforeDraft } from './case-status.js'
import type { Command } from './commands.js'
import {
  emit,
  openPause,
  openRestart,
  policyOf,
  requireCaseType,
  requireDay,
  requireNotBefore,
  requireStatusWhere,
  requireText,
  type Check,
  type DecideContext,
} from './decide-support.js'
import type { CaseEvent } from './events.js'
import type { CaseState } from './types.js'
import type { Result } from '../errors.js'

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>
type Decision = Result<CaseEvent[]>

// Asking the requester for something, and recording that it arrived. Identity, authority and a fee restart the
// clock when they arrive (UK GDPR Art 12A(2)); clarification pauses it (Art 12A(5)).

function beforeDraft(state: CaseState, action: string): Check {
  return requireCaseType(state, ['rights-request'], action) ?? requireStatusWhere(state, isBeforeDraft, action)
}

export function acknowledge(state: CaseState, cmd: Cmd<'Acknowledge'>, ctx: DecideContext): Decision {
  const on = cmd.on ?? ctx.today
  if (state.acknowledgedOn)
    return fail('conflict', `case ${state.id} was already acknowledged on ${state.acknowledgedOn}`)
  return requireDay(state, on, 'on', ctx) ?? emit(ctx, { type: 'Acknowledged', on })
}

export function requestIdentity(state: CaseState, cmd: Cmd<'RequestIdentity'>, ctx: DecideContext): Decision {
  const problem = beforeDraft(state, 'ask for proof of identity')
  if (problem) return problem
  if (openRestart(state, 'identity')) return fail('conflict', 'proof of identity has already been asked for')
  return emit(ctx, {
    type: 'IdentityRequested',
    requestedOn: ctx.today,
    ...(cmd.rationale ? { rationale: cmd.rationale } : {}),
  })
}

export function requestAuthority(state: CaseState, cmd: Cmd<'RequestAuthority'>, ctx: DecideContext): Decision {
  const problem = beforeDraft(state, 'ask for proof of authority')
  if (problem) return problem
  if (state.requesterType === 'self')
    return fail('validation', 'a person asking for their own information needs no authority')
  if (openRestart(state, 'authority')) return fail('conflict', 'proof of authority has already been asked for')
  return emit(ctx, { type: 'AuthorityRequested', requestedOn: ctx.today, ...(cmd.note ? { note: cmd.note } : {}) })
}

function feeProblem(cmd: Cmd<'RequestFee'>): Check {
  const { hours, ratePence, disbursementsPence } = cmd.breakdown
  const whole = (n: number) => Number.isInteger(n) && n >= 0
  if (
    !whole(cmd.amountPence) ||
    cmd.amountPence === 0 ||
    !whole(ratePence) ||
    !whole(disbursementsPence) ||
    !(hours >= 0)
  ) {
    return fail('validation', 'fee amounts must be whole pence and hours must not be negative', {
      fields: { amountPence: 'Enter the fee in pounds and pence' },
    })
  }
  // Art 12(5): a reasonable fee based on administrative costs; the breakdown must add up to what we ask for.
  const expected = Math.round(hours * ratePence) + disbursementsPence
  if (expected !== cmd.amountPence) {
    return fail('validation', `fee ${cmd.amountPence}p does not match its breakdown (${expected}p)`, {
      fields: { amountPence: 'The fee must equal staff time at the hourly rate plus other costs' },
    })
  }
  return requireText(cmd.basis, 'basis')
}

export function requestFee(state: CaseState, cmd: Cmd<'RequestFee'>, ctx: DecideContext): Decision {
  const problem = beforeDraft(state, 'ask for a fee') ?? feeProblem(cmd)
  if (problem) return problem
  if (state.fee) return fail('conflict', `a fee was already asked for on ${state.fee.requestedOn}`)
  const { amountPence, basis, breakdown } = cmd
  return emit(ctx, { type: 'FeeRequested', requestedOn: ctx.today, amountPence, basis, breakdown })
}

export function requestClarification(state: CaseState, cmd: Cmd<'RequestClarification'>, ctx: DecideContext): Decision {
  const problem = beforeDraft(state, 'ask for clarification')
  if (problem) return problem
  // UK GDPR Art 12A(5) and DPA s.54(3C): the clarification pause exists for access requests only.
  if (!state.right || !rightDefinition(state.right).clarificationPauseApplies) {
    return fail(
      'clarification-not-for-this-right',
      `clarification pause requested on a ${state.right ?? 'non-rights'} request`,
    )
  }
  if (openPause(state)) return fail('conflict', 'clarification has already been asked for')
  return (
    requireText(cmd.question, 'question') ??
    emit(ctx, { type: 'ClarificationRequested', requestedOn: ctx.today, question: cmd.question.trim() })
  )
}

function identityEvidenceProblem(state: CaseState, cmd: Cmd<'RecordIdentityVerified'>, ctx: DecideContext): Check {
  const policy = policyOf(ctx)
  const other = cmd.otherEvidence
  if (other && (other.description.trim() !== '' || other.reason.trim() !== '')) {
    if (other.description.trim() === '')
      return fail('validation', 'other evidence not described', {
        fields: { otherEvidence: 'Say what evidence you accepted instead of the listed documents' },
      })
    if (other.reason.trim() === '')
      return fail('validation', 'other evidence accepted without a reason', {
        fields: { otherEvidenceReason: 'Say why this evidence is enough to be sure who the person is' },
      })
    return null
  }
  if (cmd.documentsSeen.length === 0)
    return fail('validation', 'no documents seen', { fields: { documentsSeen: 'Choose the documents you saw' } })
  if (!policy.enforceEvidenceTable) return null
  const check = checkIdentityEvidence(state.requesterType, cmd.documentsSeen, policy.evidenceRules)
  if (check.satisfied) return null
  return fail('validation', `identity evidence incomplete: ${check.missing.join('; ')}`, {
    userMessage: `The documents seen are not enough: ${check.missing.join('; ')}.`,
    fields: { documentsSeen: check.missing.join('; ') },
  })
}

export function recordIdentityVerified(
  state: CaseState,
  cmd: Cmd<'RecordIdentityVerified'>,
  ctx: DecideContext,
): Decision {
  const open = openRestart(state, 'identity')
  const problem =
    beforeDraft(state, 'record identity') ??
    requireText(cmd.verifierId, 'verifierId') ??
    requireDay(state, cmd.receivedOn, 'receivedOn', ctx) ??
    requireDay(state, cmd.verifiedOn, 'verifiedOn', ctx) ??
    requireNotBefore(cmd.verifiedOn, cmd.receivedOn, 'verifiedOn', 'the day the documents arrived') ??
    (open ? requireNotBefore(cmd.receivedOn, open.requestedOn, 'receivedOn', 'the day we asked for them') : null) ??
    identityEvidenceProblem(state, cmd, ctx)
  if (problem) return problem
  if (!open && state.identity) return fail('conflict', `identity was already verified on ${state.identity.verifiedOn}`)
  const { documentsSeen, verifiedOn, verifierId, receivedOn } = cmd
  const other = cmd.otherEvidence
  const accepted = other && other.description.trim() !== '' ? other : undefined
  return emit(ctx, {
    type: 'IdentityVerified',
    documentsSeen,
    verifiedOn,
    verifierId,
    receivedOn,
    ...(accepted
      ? { otherEvidence: { description: accepted.description.trim(), reason: accepted.reason.trim() } }
      : {}),
    endsRestart: open !== undefined,
  })
}

export function recordAuthorityReceived(
  state: CaseState,
  cmd: Cmd<'RecordAuthorityReceived'>,
  ctx: DecideContext,
): Decision {
  const open = openRestart(state, 'authority')
  const problem =
    beforeDraft(state, 'record proof of authority') ??
    requireDay(state, cmd.receivedOn, 'receivedOn', ctx) ??
    (open ? requireNotBefore(cmd.receivedOn, open.requestedOn, 'receivedOn', 'the day we asked for it') : null)
  if (problem) return problem
  const authority = evidenceRuleFor(state.requesterType, policyOf(ctx).evidenceRules).authority
  if (!authority) return fail('validation', `a ${state.requesterType} request needs no authority`)
  if (
    policyOf(ctx).enforceEvidenceTable &&
    !(authority.documentTypes as readonly string[]).includes(cmd.documentType)
  ) {
    return fail('validation', `${cmd.documentType} is not accepted as ${authority.description}`, {
      fields: { documentType: `Choose a document that proves ${authority.description}` },
    })
  }
  if (!open && state.authority)
    return fail('conflict', `authority was already recorded on ${state.authority.receivedOn}`)
  return emit(ctx, {
    type: 'AuthorityReceived',
    documentType: cmd.documentType,
    receivedOn: cmd.receivedOn,
    endsRestart: open !== undefined,
  })
}

export function recordFeePaid(state: CaseState, cmd: Cmd<'RecordFeePaid'>, ctx: DecideContext): Decision {
  const problem = beforeDraft(state, 'record a payment')
  if (problem) return problem
  const open = openRestart(state, 'fee')
  if (!open) return fail('invalid-transition', 'no fee is awaited')
  return (
    requireDay(state, cmd.paidOn, 'paidOn', ctx) ??
    requireNotBefore(cmd.paidOn, open.requestedOn, 'paidOn', 'the day we asked for the fee') ??
    emit(ctx, { type: 'FeePaid', paidOn: cmd.paidOn })
  )
}

export function recordClarification(
  state: CaseState,
  cmd: Cmd<'RecordClarificationReceived'> | Cmd<'RecordClarificationDeclined'>,
  ctx: DecideContext,
): Decision {
  const open = openPause(state)
  if (!open) return fail('invalid-transition', 'no clarification is awaited')
  const on = cmd.type === 'RecordClarificationReceived' ? cmd.receivedOn : cmd.on
  const problem = requireDay(state, on, 'on', ctx) ?? requireNotBefore(on, open.requestedOn, 'on', 'the day we asked')
  if (problem) return problem
  if (cmd.type === 'RecordClarificationDeclined') return emit(ctx, { type: 'ClarificationDeclined', on })
  return emit(ctx, { type: 'ClarificationReceived', receivedOn: on, ...(cmd.summary ? { summary: cmd.summary } : {}) })
}
