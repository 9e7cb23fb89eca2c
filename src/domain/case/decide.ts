import { fail, type Result } from '../errors.js'
import { isFinished } from './case-status.js'
import type { Command } from './commands.js'
import type { DecideContext } from './decide-support.js'
import {
  acknowledge,
  recordAuthorityReceived,
  recordClarification,
  recordFeePaid,
  recordIdentityVerified,
  requestAuthority,
  requestClarification,
  requestFee,
  requestIdentity,
} from './decide-intake.js'
import { close, flagDeadline, linkCase, recordRegulatorEnquiry, reopen, withdraw } from './decide-lifecycle.js'
import { recordPasswordReleased } from './decide-delivery.js'
import { recordFurtherCopyFee, recordRestriction } from './decide-records.js'
import { decideRight, giveRestrictionLiftNotice, liftProcessingRestriction, notifyRecipient } from './decide-rights.js'
import {
  logCompensationClaim,
  recordChildCompetence,
  recordCompensationOutcome,
  recordThirdPartyConsent,
  seekThirdPartyConsent,
} from './decide-safeguards.js'
import { decideReview, recordComplaintOutcome, recordResponseSent } from './decide-outcome.js'
import { approve, assign, extend, redirect, refuse, returnDraft, startWork, submitDraft } from './decide-work.js'
import type { CaseEvent } from './events.js'
import { logRequest } from './log-request.js'
import type { CaseState } from './types.js'

export { DEFAULT_CASE_POLICY, type CasePolicy, type DecideContext } from './decide-support.js'

/**
 * A closed or withdrawn case only accepts being reopened or linked to another case, and the steps that follow a
 * decision after the response: telling recipients (Art 19), lifting a restriction months later (Art 18(3)), and a
 * claim for compensation, which usually arrives after the response.
 */
const ALLOWED_WHEN_FINISHED: readonly Command['type'][] = [
  'Reopen',
  'LinkCase',
  'NotifyRecipient',
  'GiveRestrictionLiftNotice',
  'LiftProcessingRestriction',
  'LogCompensationClaim',
  'RecordCompensationOutcome',
]

function assertNever(command: never): never {
  throw new Error(`decide: unhandled command ${JSON.stringify(command)}`)
}

/**
 * The only way a case changes (DESIGN §3): checks a command against the case's state and the law, and returns the
 * events to record or a DomainError. Pure: time, the actor and the calendar arrive in the context. Permissions
 * are the application layer's job (permissionForCommand); decide enforces the domain's own rules, such as
 * four-eyes approval.
 */
export function decide(state: CaseState | null, command: Command, ctx: DecideContext): Result<CaseEvent[]> {
  if (command.type === 'LogRequest') {
    return state === null ? logRequest(command, ctx) : fail('conflict', `case ${state.id} already exists`)
  }
  if (state === null) return fail('not-found', `no case for ${command.type}`)
  if (isFinished(state.status) && !ALLOWED_WHEN_FINISHED.includes(command.type)) {
    return fail('case-closed', `${command.type} refused: case ${state.id} is ${state.status}`)
  }
  return decideOnCase(state, command, ctx)
}

function decideOnCase(
  state: CaseState,
  command: Exclude<Command, { type: 'LogRequest' }>,
  ctx: DecideContext,
): Result<CaseEvent[]> {
  switch (command.type) {
    case 'Acknowledge':
      return acknowledge(state, command, ctx)
    case 'RequestIdentity':
      return requestIdentity(state, command, ctx)
    case 'RequestAuthority':
      return requestAuthority(state, command, ctx)
    case 'RequestFee':
      return requestFee(state, command, ctx)
    case 'RequestClarification':
      return requestClarification(state, command, ctx)
    case 'RecordIdentityVerified':
      return recordIdentityVerified(state, command, ctx)
    case 'RecordAuthorityReceived':
      return recordAuthorityReceived(state, command, ctx)
    case 'RecordFeePaid':
      return recordFeePaid(state, command, ctx)
    case 'RecordClarificationReceived':
    case 'RecordClarificationDeclined':
      return recordClarification(state, command, ctx)
    case 'Extend':
      return extend(state, command, ctx)
    case 'Assign':
      return assign(state, command, ctx)
    case 'StartWork':
      return startWork(state, ctx)
    case 'Refuse':
      return refuse(state, command, ctx)
    case 'Redirect':
      return redirect(state, command, ctx)
    case 'SubmitDraft':
      return submitDraft(state, command, ctx)
    case 'Approve':
      return approve(state, ctx)
    case 'ReturnDraft':
      return returnDraft(state, command, ctx)
    case 'RecordResponseSent':
      return recordResponseSent(state, command, ctx)
    case 'RecordPasswordReleased':
      return recordPasswordReleased(state, command, ctx)
    case 'Withdraw':
      return withdraw(state, command, ctx)
    case 'Close':
      return close(state, ctx)
    case 'Reopen':
      return reopen(state, command, ctx)
    case 'LinkCase':
      return linkCase(state, command, ctx)
    case 'DecideReview':
      return decideReview(state, command, ctx)
    case 'RecordComplaintOutcome':
      return recordComplaintOutcome(state, command, ctx)
    case 'RecordRegulatorEnquiry':
      return recordRegulatorEnquiry(state, command, ctx)
    case 'FlagDeadline':
      return flagDeadline(state, command, ctx)
    case 'RecordRestriction':
      return recordRestriction(state, command, ctx)
    case 'RecordFurtherCopyFee':
      return recordFurtherCopyFee(state, command, ctx)
    case 'SeekThirdPartyConsent':
      return seekThirdPartyConsent(state, command, ctx)
    case 'RecordThirdPartyConsent':
      return recordThirdPartyConsent(state, command, ctx)
    case 'RecordChildCompetence':
      return recordChildCompetence(state, command, ctx)
    case 'LogCompensationClaim':
      return logCompensationClaim(state, command, ctx)
    case 'RecordCompensationOutcome':
      return recordCompensationOutcome(state, command, ctx)
    case 'DecideRight':
      return decideRight(state, command, ctx)
    case 'NotifyRecipient':
      return notifyRecipient(state, command, ctx)
    case 'GiveRestrictionLiftNotice':
      return giveRestrictionLiftNotice(state, command.reason, ctx)
    case 'LiftProcessingRestriction':
      return liftProcessingRestriction(state, command.reason, ctx)
    default:
      return assertNever(command)
  }
}
