import { clockOf, localDateInLondon } from '../../domain/index.js'
import type { CaseState, CaseType, Command, LocalDate, Right } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import { SYSTEM_ACTOR, type Actor } from '../actor.js'
import { applyCommand } from '../apply-command.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'

// What the portal's use cases share: who the public is, and how a new case is acknowledged.

/** A member of the public, named by their journey (a random id kept in their session) or by the case they follow. */
export function publicActor(id: string): Actor {
  return { kind: 'public', id, name: 'Member of the public', roles: [], controllerIds: null }
}

/** Plain text of an email; the web layer writes it from the locale files, so the use cases hold no wording. */
export interface EmailText {
  subject: string
  text: string
}

/** A case as the requester is told about it: its reference and when they will hear. */
export interface CaseReceipt {
  id: string
  reference: string
  caseType: CaseType
  right?: Right
  /** The date the office will answer by; null when the clock has not started (waiting for ID or authority). */
  due: LocalDate | null
  awaitingEvidence: boolean
}

export function receiptOf(deps: AppDeps, state: CaseState): CaseReceipt {
  const clock = clockOf(state, deps.calendar, deps.clockSettings, localDateInLondon(deps.clock.now()))
  const awaitingEvidence = clock.awaitingRestart
  return {
    id: state.id,
    reference: state.reference,
    caseType: state.caseType,
    ...(state.right ? { right: state.right } : {}),
    due: awaitingEvidence ? null : clock.due,
    awaitingEvidence,
  }
}

/** Issues one command as the public actor inside the caller's transaction and returns the new state. */
export async function applyAsPublic(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  command: Command,
): Promise<CaseState> {
  return (await applyCommand(deps, tx, actor, state, command)).state
}

/**
 * Queues the acknowledgement email and records the acknowledgement on each case, in the transaction that created
 * them: the email is only sent if the cases exist, and the cases only say "acknowledged" if the email was queued.
 * With no email address (post only) nothing is recorded, so the office still sees that a letter is owed (seed 002:
 * every request is acknowledged without undue delay; DPA s.164A(3)(a) for complaints, within 30 days).
 */
export async function acknowledgeIn(
  tx: Tx,
  deps: AppDeps,
  _requester: Actor,
  states: readonly CaseState[],
  to: string | null | undefined,
  compose: (cases: CaseReceipt[]) => EmailText,
): Promise<CaseState[]> {
  if (!to) return [...states]
  const acknowledged: CaseState[] = []
  // The service acknowledges, not the requester: the timeline said "acknowledgement sent by The requester" (issue 14).
  for (const state of states)
    acknowledged.push(await applyAsPublic(tx, deps, SYSTEM_ACTOR, state, { type: 'Acknowledge' }))
  const email: EmailJob = { to: [to], ...compose(acknowledged.map((s) => receiptOf(deps, s))) }
  await deps.jobs.enqueue(tx, 'email-send', email)
  return acknowledged
}
