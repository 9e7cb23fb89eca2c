import { DomainError } from '../domain/index.js'
import type { Command } from '../domain/index.js'
import { withTransaction } from '../persistence/db.js'
import { loadCaseForUpdate } from '../persistence/repositories/case-repository.js'
import type { Actor } from './actor.js'
import { applyCommand, type CommandOutcome } from './apply-command.js'
import { requireCommandPermission, requireController } from './authorise.js'
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
  requireCommandPermission(actor, command)
  return withTransaction(deps.pool, async (tx) => {
    const state = await loadCaseForUpdate(tx, caseId)
    if (!state) throw new DomainError('not-found', `case ${caseId} not found`)
    requireController(actor, state.controllerId)
    const outcome = await assignDoerIn(tx, deps, actor, await applyCommand(deps, tx, actor, state, command), command)
    await linkBackIn(tx, deps, actor, state, command)
    return outcome
  })
}
