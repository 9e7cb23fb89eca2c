import { clockOf, decide, evolve, localDateInLondon } from '../domain/index.js'
import type { CaseClock, CaseEvent, CaseState, Command } from '../domain/index.js'
import type { Tx } from '../persistence/db.js'
import { appendAudit } from '../persistence/audit-log.js'
import { insertCase, updateCase } from '../persistence/repositories/case-repository.js'
import { auditActorId, type Actor } from './actor.js'
import { checkCommandBoundary } from './boundary.js'
import type { AppDeps } from './deps.js'
import { followUpJobs } from './follow-up-jobs.js'
import { purgeCaseDocumentsIn } from './purge-documents.js'
import { gateCommand } from './release/gate.js'
import { notifyFromEventsIn } from './casework/notify-staff.js'

export interface CommandOutcome {
  state: CaseState
  clock: CaseClock
  events: CaseEvent[]
}

/**
 * The heart of every change (DESIGN.md §3): decide, evolve, recompute the clock, then write the new
 * snapshot, its audit events and any follow-up jobs in the caller's transaction, so all or none land.
 */
export async function applyCommand(
  deps: AppDeps,
  tx: Tx,
  actor: Actor,
  state: CaseState | null,
  asked: Command,
): Promise<CommandOutcome> {
  // The controller boundary (issue 11): the case is the actor's controller's, and so is every case or person named.
  await checkCommandBoundary(tx, actor, state, asked)
  // The release gate checks and binds a draft submitted for review, and checks it again before approval (issue 10).
  const command = await gateCommand(tx, state, asked)
  const now = deps.clock.now()
  const today = localDateInLondon(now)
  const result = decide(state, command, {
    now,
    today,
    actorId: actor.id,
    actorRoles: actor.roles,
    calendar: deps.calendar,
    clockSettings: deps.clockSettings,
  })
  if (!result.ok) throw result.error
  const events = result.value
  let next = state
  for (const event of events) next = evolve(next, event)
  if (!next) throw new Error(`${command.type} produced no case`)
  const clock = clockOf(next, deps.calendar, deps.clockSettings, today)
  if (state) await updateCase(tx, next, clock.due, state.version)
  else await insertCase(tx, next, clock.due)
  await appendAudit(
    tx,
    events.map((event) => ({
      caseId: next.id,
      actorId: auditActorId(actor),
      occurredAt: now,
      command: command.type,
      eventType: event.type,
      payload: event,
    })),
  )
  if (events.some((e) => e.type === 'IdentityVerified')) {
    // Seed 002 / issue: the office records which documents it saw, never keeps the copies.
    const reason = 'Identity verified: copies of identity documents are not kept'
    await purgeCaseDocumentsIn(tx, deps, { caseId: next.id, kinds: ['identity'], reason, actorId: auditActorId(actor) })
  }
  for (const job of await followUpJobs(tx, deps, next, events)) await deps.jobs.enqueue(tx, job.queue, job.data)
  // Issue 14: whoever must act next (a reviewer for a draft, the appeal decider) is told, at once or in a digest.
  await notifyFromEventsIn(tx, deps, actor, next, events)
  return { state: next, clock, events }
}
