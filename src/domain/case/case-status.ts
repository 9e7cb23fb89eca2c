import { AWAITING_STATUSES, FINISHED_STATUSES, type CaseState, type CaseStatus } from './types.js'

export function isAwaitingStatus(status: CaseStatus): boolean {
  return (AWAITING_STATUSES as readonly CaseStatus[]).includes(status)
}

export function isFinished(status: CaseStatus): boolean {
  return (FINISHED_STATUSES as readonly CaseStatus[]).includes(status)
}

/** Statuses before a response is drafted, in which the request can still be worked on or waited on. */
export function isBeforeDraft(status: CaseStatus): boolean {
  return status === 'received' || status === 'in-progress' || isAwaitingStatus(status)
}

/**
 * What the office is waiting for, in the order it must arrive: identity, then authority, then a fee, then
 * clarification. Several can be open at once; the status shows the first.
 */
export function openWaitStatus(state: Pick<CaseState, 'restarts' | 'pauses'>): CaseStatus | null {
  const open = (kind: 'identity' | 'authority' | 'fee'): boolean =>
    state.restarts.some((r) => r.kind === kind && r.resolvedOn === null)
  if (open('identity')) return 'awaiting-identity'
  if (open('authority')) return 'awaiting-authority'
  if (open('fee')) return 'awaiting-fee'
  if (state.pauses.some((p) => p.resolvedOn === null)) return 'awaiting-clarification'
  return null
}

/**
 * The status after something was asked for or arrived: waiting while anything is open; once the last thing
 * arrives the case moves on to in-progress (DESIGN §5: received → awaiting-… → in-progress).
 */
export function settledStatus(state: CaseState): CaseStatus {
  const waiting = openWaitStatus(state)
  if (waiting) return waiting
  return isAwaitingStatus(state.status) ? 'in-progress' : state.status
}
