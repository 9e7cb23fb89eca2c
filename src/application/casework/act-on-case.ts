import { decide, evolve, localDateInLondon } from '../../domain/index.js'
import type { CaseState, Command } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { renderLetter, type LetterTemplateId } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import { requireCommandPermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { buildLetterContext, privacyUrlFor, type LetterExtras } from './letter-context.js'
import { sendLetterIn, type StoredLetter } from './send-letter.js'
import { linkBackIn } from './link-both-ways.js'
import { assignDoerIn } from './assign-on-action.js'

export interface Notice {
  template: LetterTemplateId
  extras?: LetterExtras
  /** The text as the officer checked (and perhaps edited) it; otherwise rendered from the template. */
  edited?: { subject: string; body: string }
}

type CaseCommand = Exclude<Command, { type: 'LogRequest' }>

/**
 * Issues one command to a case and, when the step tells the requester something (an acknowledgement, a request for
 * identity, a clarification question, an extension notice), sends that letter in the same transaction: the letter
 * goes if and only if the change it reports happened.
 */
export async function actOnCase(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  command: CaseCommand,
  notice?: Notice,
): Promise<CommandOutcome & { letter?: StoredLetter }> {
  requireCommandPermission(actor, command)
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    const outcome = await assignDoerIn(tx, deps, actor, await applyCommand(deps, tx, actor, state, command), command)
    await linkBackIn(tx, deps, actor, state, command)
    if (!notice) return outcome
    const { context, controller } = await buildLetterContext(tx, deps, outcome.state, actor, notice.extras)
    const text = notice.edited ?? renderLetter(notice.template, context)
    const letter = await sendLetterIn(
      tx,
      deps,
      actor,
      outcome.state,
      controller,
      { template: notice.template, ...text },
      privacyUrlFor(deps, controller.id),
    )
    return { ...outcome, letter }
  })
}

/**
 * What the case would look like after a command, without saving anything: used to check a form and show the letter
 * it would send before the officer confirms. Throws the DomainError decide would give.
 */
export async function tryOnCase(deps: AppDeps, actor: Actor, caseId: string, command: CaseCommand): Promise<CaseState> {
  requireCommandPermission(actor, command)
  const state = await caseInScope(deps.pool, actor, caseId)
  const now = deps.clock.now()
  const result = decide(state, command, {
    now,
    today: localDateInLondon(now),
    actorId: actor.id,
    actorRoles: actor.roles,
    calendar: deps.calendar,
    clockSettings: deps.clockSettings,
  })
  if (!result.ok) throw result.error
  return result.value.reduce<CaseState>((s, e) => evolve(s, e), state)
}

/** The letter a notice would send for a (possibly hypothetical) state of the case. */
export async function draftNotice(
  db: Queryable,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  template: LetterTemplateId,
  extras?: LetterExtras,
): Promise<{ subject: string; body: string }> {
  const { context } = await buildLetterContext(db, deps, state, actor, extras)
  return renderLetter(template, context)
}
