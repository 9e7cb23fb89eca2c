import { DomainError } from '../domain/index.js'
import type { Command } from '../domain/index.js'
import { withTransaction } from '../persistence/db.js'
import type { Actor } from './actor.js'
import { applyCommand, type CommandOutcome } from './apply-command.js'
import { requireCommandPermission } from './authorise.js'
import { caseInScope } from './boundary.js'
import type { AppDeps } from './deps.js'
import { linkBackIn } from './casework/link-both-ways.js'
import { assignDoerIn } from './casework/assign-on-action.js'

/** Issues one command to an existing case, for any adapter (staff form, API, job). */
export async function executeCommand(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  command: Command,
): Promise<CommandOutcome> {
  if (command.type === 'LogRequest') {
    throw new DomainError('validation', 'LogRequest sent to an existing case', {
      userMessage: 'Use "log a request" to create a case.',
    })
  }
  if (command.type === 'SubmitDraft' && !command.letterId) {
    // Issue 11: a reviewer can only approve what they can read, and the release gate binds a letter's exact text; a
    // draft with no letter is nothing to review. Draft it first (POST /cases/{id}/letters), then submit that letter.
    throw new DomainError('validation', 'SubmitDraft without a letter', {
      fields: { letterId: 'Draft the response letter first, then submit that letter for review' },
      userMessage: 'A draft can only be submitted for review with its letter.',
    })
  }
  requireCommandPermission(actor, command)
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    const outcome = await assignDoerIn(tx, deps, actor, await applyCommand(deps, tx, actor, state, command), command)
    await linkBackIn(tx, deps, actor, state, command)
    return outcome
  })
}
