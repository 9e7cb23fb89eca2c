import type { CaseClock } from '../case/clock-of-case.js'
import type { CaseState } from '../case/types.js'
import type { ClarificationPause } from '../clock/types.js'
import type { RecipientNoticeStatus, RightDecisionResult } from '../case/right-decision.js'

/** Issue 13: what the figures count of a decision on another right, an Art 19 notice and an Art 18 restriction. */
export interface OtherRightStatistics {
  rightDecision: { result: RightDecisionResult; on: string; groundCodes: string[] } | null
  recipientNotices: { status: RecipientNoticeStatus; on: string }[]
  processingRestriction: { since: string; liftNoticeOn: string | null; liftedOn: string | null } | null
}

/**
 * The facts about a case that compliance statistics need, and nothing that identifies anyone: kept in
 * the disposal record so that monthly and annual figures still add up after the case is destroyed.
 *
 * The dated facts (extendedOn, refusedOn, pauses, withdrawnOn, reviewDecidedOn, complaintOutcomeOn) let the
 * reports count each thing in the month it happened, exactly as they do for live cases (src/reporting). Records
 * written before they were added lack them; readers must treat a missing one as unknown (null, or no pauses).
 */
export interface CaseStatistics extends Partial<OtherRightStatistics> {
  caseType: CaseState['caseType']
  right: CaseState['right'] | null
  route: CaseState['route']
  channel: CaseState['channel']
  requesterType: CaseState['requesterType']
  receivedOn: string
  dueOn: string | null
  respondedOn: string | null
  onTime: boolean | null
  outcome: CaseState['outcome'] | null
  extensionGround: string | null
  pausedDays: number
  refusalBasis: string | null
  exemptionCodes: string[]
  reviewUpheld: boolean | null
  complaintUpheld: boolean | null
  closedOn: string | null
  withdrawn: boolean
  /** The day the extension notice was given (Art 12A(3)). */
  extendedOn: string | null
  /** The day the decision to refuse was recorded. */
  refusedOn: string | null
  /** Clarification pauses (Art 12A(5)): dates only, never the question asked. */
  pauses: ClarificationPause[]
  withdrawnOn: string | null
  reviewDecidedOn: string | null
  complaintOutcomeOn: string | null
}

export function statisticsOf(state: CaseState, clockAtResponse: CaseClock): CaseStatistics {
  const respondedOn = state.response?.sentOn ?? null
  const dueOn = clockAtResponse.due
  const codes = new Set([...(state.response?.exemptionCodes ?? []), ...(state.refusal?.exemptionCodes ?? [])])
  return {
    caseType: state.caseType,
    right: state.right ?? null,
    route: state.route,
    channel: state.channel,
    requesterType: state.requesterType,
    receivedOn: state.receivedOn,
    dueOn,
    respondedOn,
    onTime: respondedOn && dueOn ? respondedOn <= dueOn : null,
    outcome: state.outcome ?? null,
    extensionGround: state.extension?.ground ?? null,
    pausedDays: clockAtResponse.pausedDays,
    refusalBasis: state.refusal?.basis ?? null,
    exemptionCodes: [...codes].sort(),
    reviewUpheld: state.reviewDecision?.upheld ?? null,
    complaintUpheld: state.complaintOutcome?.upheld ?? null,
    closedOn: state.closedOn ?? null,
    withdrawn: state.status === 'withdrawn',
    extendedOn: state.extension?.noticeGivenOn ?? null,
    refusedOn: state.refusal?.decidedOn ?? null,
    pauses: state.pauses.map((p) => ({ requestedOn: p.requestedOn, resolvedOn: p.resolvedOn })),
    withdrawnOn: state.withdrawal?.on ?? null,
    reviewDecidedOn: state.reviewDecision?.decidedOn ?? null,
    complaintOutcomeOn: state.complaintOutcome?.recordedOn ?? null,
    ...otherRightStatisticsOf(state),
  }
}

/** Codes and dates only: the reasons, statements and recipients' names identify people and are not kept. */
export function otherRightStatisticsOf(state: CaseState): OtherRightStatistics {
  const d = state.rightDecision
  const r = state.processingRestriction
  return {
    rightDecision: d ? { result: d.result, on: d.decidedOn, groundCodes: d.grounds.map((g) => g.code) } : null,
    recipientNotices: (state.recipientNotices ?? []).map((n) => ({ status: n.status, on: n.on })),
    processingRestriction: r
      ? { since: r.since, liftNoticeOn: r.liftNotice?.on ?? null, liftedOn: r.lifted?.on ?? null }
      : null,
  }
}
