import { can, isFinished } from '../../domain/index.js'
import type { CaseState, Command } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import type { AppDeps } from '../deps.js'

/**
 * The caseworker's own steps on a case. Doing one on an unassigned case makes it the doer's ("doing work on a case
 * does not assign it", issue 14), so it lands in their queue and reminders reach them. Steps taken in another role
 * (a reviewer approving, the Chief Executive deciding an appeal, Correspondence logging or acknowledging) do not.
 */
const CASEWORK_STEPS: ReadonlySet<Command['type']> = new Set<Command['type']>([
  'StartWork',
  'RequestIdentity',
  'RequestAuthority',
  'RequestFee',
  'RequestClarification',
  'RecordIdentityVerified',
  'RecordAuthorityReceived',
  'RecordFeePaid',
  'RecordClarificationReceived',
  'RecordClarificationDeclined',
  'Extend',
  'Refuse',
  'Redirect',
  'SubmitDraft',
])

export async function assignDoerIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  outcome: CommandOutcome,
  command: Command,
): Promise<CommandOutcome> {
  const state: CaseState = outcome.state
  if (actor.kind !== 'user' || state.assigneeId || isFinished(state.status)) return outcome
  if (!CASEWORK_STEPS.has(command.type) || !can(actor.roles, 'case:work')) return outcome
  return applyCommand(deps, tx, actor, state, { type: 'Assign', assigneeId: actor.id })
}
