import type { CaseState, Command, LinkRelation } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { applyCommand } from '../apply-command.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'

/** Links that say the same thing from either side (a review or complaint points back through its parent instead). */
const SYMMETRIC: readonly LinkRelation[] = ['related', 'same-requester', 'duplicate']

/**
 * A link made by staff is stored on both cases, in the same transaction, so whoever opens either case sees the other
 * ("staff-made case links are stored on one case only", issue 14). The other case must be one the actor may see.
 */
export async function linkBackIn(tx: Tx, deps: AppDeps, actor: Actor, state: CaseState, command: Command) {
  if (command.type !== 'LinkCase' || !SYMMETRIC.includes(command.relation)) return
  // Same controller: checked before the first half was decided (boundary.ts), and here again as it is loaded.
  const other = await caseInScope(tx, actor, command.otherCaseId, { forUpdate: true })
  if (other.links.some((l) => l.caseId === state.id && l.relation === command.relation)) return
  await applyCommand(deps, tx, actor, other, { type: 'LinkCase', otherCaseId: state.id, relation: command.relation })
}
