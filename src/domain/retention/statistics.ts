import type { CaseClock } from '../case/clock-of-case.js'
import type { CaseState } from '../case/types.js'

/**
 * The facts about a case that compliance statistics need, and nothing that identifies anyone: kept in
 * the disposal record so that monthly and annual figures still add up after the case is destroyed.
 */
export interface CaseStatistics {
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
  }
}
