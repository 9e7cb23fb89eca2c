import { fail, type Result } from '../errors.js'
import { isBeforeDraft } from './case-status.js'
import type { Command } from './commands.js'
import {
  emit,
  requireCaseType,
  requireDay,
  requireExemptionCodes,
  requireStatus,
  requireStatusWhere,
  requireText,
  type Check,
  type DecideContext,
} from './decide-support.js'
import type { CaseEvent } from './events.js'
import { deliveryProblem } from './decide-delivery.js'
import { OUTCOME_LABELS, plainResponseOutcomes } from './outcome.js'
import { isDecidedRight } from './right-decision.js'
import type { CaseState, Outcome } from './types.js'

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>
type Decision = Result<CaseEvent[]>

/** Nothing is sent without approval, except a redirect, which only points the requester elsewhere. */
function approvalProblem(state: CaseState): Check {
  if (state.status === 'approved') return null
  if (state.redirect && (isBeforeDraft(state.status) || state.status === 'in-review')) return null
  if (isBeforeDraft(state.status) || state.status === 'in-review') {
    return fail('approval-required', `response cannot be sent while the case is ${state.status}`)
  }
  return requireStatus(state, ['approved'], 'record a response')
}

/** The outcome a recorded decision fixes, or the outcomes open to a plain response. */
function allowedOutcomes(state: CaseState): readonly Outcome[] {
  if (state.refusal || state.redirect || state.reviewDecision || state.complaintOutcome || state.rightDecision)
    return state.outcome ? [state.outcome] : []
  // Issue 13: rectification, erasure, restriction, objection and automated decisions are answered only after their
  // own decision step has recorded what was done and the ground and reason for anything not done.
  if (state.caseType === 'rights-request' && isDecidedRight(state.right)) return []
  return plainResponseOutcomes(state.caseType, state.right)
}

function outcomeProblem(state: CaseState, outcome: Outcome, codes: readonly string[]): Check {
  const allowed = allowedOutcomes(state)
  if (allowed.length === 0) {
    const need = state.caseType === 'complaint' ? 'the complaint outcome' : 'a decision'
    return fail('invalid-transition', `record ${need} before the response`, {
      userMessage: `Record ${need} before recording the response.`,
    })
  }
  if (!allowed.includes(outcome)) {
    return fail('validation', `outcome ${outcome} is not one of ${allowed.join(', ')}`, {
      fields: { outcome: `Choose one of: ${allowed.map((o) => OUTCOME_LABELS[o]).join(', ')}` },
    })
  }
  // A partial disclosure must say which exemptions were applied (accountability; uk-rules §6).
  if (outcome === 'disclosed-in-part' && codes.length === 0) {
    return fail('validation', 'disclosed in part without an exemption code', {
      fields: { exemptionCodes: 'Choose the exemptions applied' },
    })
  }
  return requireExemptionCodes(codes, state)
}

export function recordResponseSent(state: CaseState, cmd: Cmd<'RecordResponseSent'>, ctx: DecideContext): Decision {
  const codes = cmd.exemptionCodes ?? state.refusal?.exemptionCodes ?? []
  const problem =
    approvalProblem(state) ??
    (['email', 'post', 'portal'].includes(cmd.channel) ? null : fail('validation', `unknown channel ${cmd.channel}`)) ??
    requireDay(state, cmd.sentOn, 'sentOn', ctx) ??
    outcomeProblem(state, cmd.outcome, codes) ??
    deliveryProblem(cmd.channel, cmd.outcome, cmd.delivery)
  if (problem) return problem
  return emit(ctx, {
    type: 'ResponseSent',
    channel: cmd.channel,
    outcome: cmd.outcome,
    sentOn: cmd.sentOn,
    exemptionCodes: [...codes],
    ...(cmd.delivery ? { delivery: cmd.delivery } : {}),
  })
}

/** Seed 002: an appeal against a refusal is decided by the Chief Executive; the decision is the sign-off. */
export function decideReview(state: CaseState, cmd: Cmd<'DecideReview'>, ctx: DecideContext): Decision {
  const problem =
    requireCaseType(state, ['review'], 'decide a review') ??
    requireStatus(state, ['received', 'in-progress', 'in-review'], 'decide the review') ??
    requireText(cmd.reasons, 'reasons')
  if (problem) return problem
  if (state.status === 'in-review' && state.draft?.drafterId === ctx.actorId) {
    return fail('four-eyes', `${ctx.actorId} drafted the review response and cannot also decide it`)
  }
  if (cmd.partly && !cmd.upheld) return fail('validation', 'an appeal partly upheld is upheld in part')
  const outcome = !cmd.upheld ? 'review-not-upheld' : cmd.partly ? 'review-partly-upheld' : 'review-upheld'
  return emit(ctx, {
    type: 'ReviewDecided',
    upheld: cmd.upheld,
    ...(cmd.partly ? { partly: true } : {}),
    reasons: cmd.reasons.trim(),
    ...(cmd.senderId ? { senderId: cmd.senderId } : {}),
    outcome,
    on: ctx.today,
    // The outcome letter written with the decision: the decision is its sign-off, so the record names its version.
    ...(cmd.letterId ? { letterId: cmd.letterId } : {}),
    ...(cmd.letterVersion ? { letterVersion: cmd.letterVersion } : {}),
  })
}

/** DPA s.164A(3): tell the complainant the outcome; the letter then goes through draft and approval. */
export function recordComplaintOutcome(
  state: CaseState,
  cmd: Cmd<'RecordComplaintOutcome'>,
  ctx: DecideContext,
): Decision {
  const problem =
    requireCaseType(state, ['complaint'], 'record a complaint outcome') ??
    requireStatusWhere(state, isBeforeDraft, 'record the complaint outcome') ??
    requireText(cmd.summary, 'summary')
  if (problem) return problem
  if (state.complaintOutcome)
    return fail('conflict', `the outcome was already recorded on ${state.complaintOutcome.recordedOn}`)
  const outcome = cmd.upheld ? 'complaint-upheld' : 'complaint-not-upheld'
  return emit(ctx, {
    type: 'ComplaintOutcomeRecorded',
    upheld: cmd.upheld,
    summary: cmd.summary.trim(),
    outcome,
    on: ctx.today,
  })
}
