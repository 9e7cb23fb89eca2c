import { fail, type Result } from '../errors.js'
import type { Command } from './commands.js'
import { emit, requireCaseType, requireDay, requireText, type Check, type DecideContext } from './decide-support.js'
import type { CaseEvent } from './events.js'
import { aboutAChild, compensationProvision, thirdPartyProvision } from './safeguards.js'
import type { CaseState } from './types.js'

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>

/** Para 16(3) asks the controller to weigh several things when disclosing without consent: say which, and why. */
const MIN_REASONS_WITHOUT_CONSENT = 20

const field = (name: string, message: string, internal: string): Result<never> =>
  fail('validation', internal, { fields: { [name]: message } })

/**
 * DPA 2018 Sch 2 Part 3 para 16: before giving a requester another person's data, the office asks that person, or
 * decides it is reasonable to disclose without asking. Recorded on access requests only (the right it limits).
 */
export function seekThirdPartyConsent(
  state: CaseState,
  cmd: Cmd<'SeekThirdPartyConsent'>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const problem =
    requireAccess(state, 'seek a third party’s consent') ??
    requireText(cmd.whoAsked, 'whoAsked', 3) ??
    requireText(cmd.how, 'how', 3) ??
    requireDay(state, cmd.askedOn, 'askedOn', ctx)
  if (problem) return problem
  return emit(ctx, {
    type: 'ThirdPartyConsentSought',
    number: (state.thirdPartyConsents ?? []).length + 1,
    whoAsked: cmd.whoAsked.trim(),
    how: cmd.how.trim(),
    askedOn: cmd.askedOn,
    provision: thirdPartyProvision(state.route),
  })
}

/** The answer, and the disclosure decision it informs: with consent, without it (para 16(1)(b)), or withheld. */
export function recordThirdPartyConsent(
  state: CaseState,
  cmd: Cmd<'RecordThirdPartyConsent'>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const asked = (state.thirdPartyConsents ?? []).find((c) => c.number === cmd.number)
  if (!asked) return field('number', 'Choose the person who was asked', `no consent request ${cmd.number}`)
  if (asked.disclosure) return fail('conflict', `consent request ${cmd.number} already has a decision`)
  const problem =
    (cmd.answer !== 'no-reply'
      ? cmd.answeredOn === undefined
        ? field('answeredOn', 'Enter the date they answered', 'answer without a date')
        : (requireDay(state, cmd.answeredOn, 'answeredOn', ctx) ??
          (cmd.answeredOn < asked.askedOn
            ? field('answeredOn', 'The answer cannot be before they were asked', 'answer before question')
            : null))
      : null) ??
    (cmd.disclosure === 'disclose-with-consent' && cmd.answer !== 'given'
      ? field('disclosure', 'Only disclose “with consent” when the person gave it', 'no consent given')
      : null) ??
    requireText(cmd.reasons, 'reasons', cmd.disclosure === 'disclose-without-consent' ? MIN_REASONS_WITHOUT_CONSENT : 3)
  if (problem) return problem
  return emit(ctx, {
    type: 'ThirdPartyConsentRecorded',
    number: cmd.number,
    answer: cmd.answer,
    ...(cmd.answer !== 'no-reply' && cmd.answeredOn ? { answeredOn: cmd.answeredOn } : {}),
    disclosure: cmd.disclosure,
    reasons: cmd.reasons.trim(),
    on: ctx.today,
  })
}

/** A request made for a child: whether the child understands their rights and was asked what they want. */
export function recordChildCompetence(
  state: CaseState,
  cmd: Cmd<'RecordChildCompetence'>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const problem =
    requireCaseType(state, ['rights-request'], 'record a child’s competence') ??
    (aboutAChild(state) ? null : field('competent', 'This request is not about a child', 'subject is not a child')) ??
    requireText(cmd.reasons, 'reasons', 10) ??
    (cmd.consulted ? requireText(cmd.childView, 'childView', 3) : null)
  if (problem) return problem
  return emit(ctx, {
    type: 'ChildCompetenceRecorded',
    competent: cmd.competent,
    consulted: cmd.consulted,
    ...(cmd.consulted && cmd.childView ? { childView: cmd.childView.trim() } : {}),
    reasons: cmd.reasons.trim(),
    on: ctx.today,
  })
}

/** A claim for compensation (UK GDPR Art 82 / DPA s.168; s.169 for Part 3) about how this request was handled. */
export function logCompensationClaim(
  state: CaseState,
  cmd: Cmd<'LogCompensationClaim'>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const problem =
    requireDay(state, cmd.receivedOn, 'receivedOn', ctx) ??
    requireText(cmd.summary, 'summary', 10) ??
    (cmd.amountClaimedPence !== undefined && !validPence(cmd.amountClaimedPence)
      ? field('amountClaimed', 'Enter the amount claimed in pounds, or leave it blank', 'bad amount')
      : null)
  if (problem) return problem
  return emit(ctx, {
    type: 'CompensationClaimLogged',
    number: (state.compensationClaims ?? []).length + 1,
    receivedOn: cmd.receivedOn,
    summary: cmd.summary.trim(),
    ...(cmd.amountClaimedPence !== undefined ? { amountClaimedPence: cmd.amountClaimedPence } : {}),
    provision: compensationProvision(state.route),
  })
}

export function recordCompensationOutcome(
  state: CaseState,
  cmd: Cmd<'RecordCompensationOutcome'>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  const claim = (state.compensationClaims ?? []).find((c) => c.number === cmd.number)
  if (!claim) return field('number', 'Choose the claim', `no compensation claim ${cmd.number}`)
  if (claim.outcome) return fail('conflict', `compensation claim ${cmd.number} already has an outcome`)
  const paid = cmd.outcome === 'paid'
  if (paid !== (cmd.amountPaidPence !== undefined) || (paid && !validPence(cmd.amountPaidPence ?? 0)))
    return fail('validation', 'amount paid goes with a payment only', {
      fields: { amountPaid: paid ? 'Enter the amount paid' : 'Only enter an amount when compensation was paid' },
    })
  return emit(ctx, {
    type: 'CompensationOutcomeRecorded',
    number: cmd.number,
    outcome: cmd.outcome,
    ...(paid ? { amountPaidPence: cmd.amountPaidPence } : {}),
    on: ctx.today,
  })
}

function requireAccess(state: CaseState, action: string): Check {
  if (state.caseType === 'rights-request' && state.right === 'access') return null
  return fail('wrong-case-type', `cannot ${action} on a ${state.right ?? state.caseType} case`, {
    userMessage: 'Third-party consent is recorded on requests for access only.',
  })
}

const validPence = (p: number) => Number.isInteger(p) && p > 0 && p <= 100_000_000
