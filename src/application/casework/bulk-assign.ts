import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { applyCommand } from '../apply-command.js'
import { requireCommandPermission } from '../authorise.js'
import { ASSIGNABLE, caseInScope, colleaguesOf, controllerScope, type Colleague } from '../boundary.js'
import type { AppDeps } from '../deps.js'

/** At most one page of the case list at a time. */
export const BULK_ASSIGN_MAX = 100

/**
 * Assigns several cases to one person (issue 14: bulk assignment from the case list). Each case goes through the
 * controller boundary and the Assign command like a single assignment, so each gets its own audited event; all are
 * assigned or none (one transaction), so a refused case never leaves half the selection moved.
 */
export async function bulkAssign(
  deps: AppDeps,
  actor: Actor,
  caseIds: readonly string[],
  assigneeId: string,
): Promise<{ assigned: number }> {
  const ids = [...new Set(caseIds)]
  const fields: Record<string, string> = {}
  if (ids.length === 0) fields.cases = 'Select the cases to assign'
  if (ids.length > BULK_ASSIGN_MAX) fields.cases = `Select ${BULK_ASSIGN_MAX} cases or fewer`
  if (!assigneeId) fields.assigneeId = 'Choose who to assign the cases to'
  if (Object.keys(fields).length)
    throw new DomainError('validation', 'bulk assign incomplete', { fields, userMessage: Object.values(fields)[0] })
  requireCommandPermission(actor, { type: 'Assign', assigneeId })
  return withTransaction(deps.pool, async (tx) => {
    let assigned = 0
    for (const id of ids) {
      // Another controller's case is answered as one that does not exist (boundary.ts), and stops the whole change.
      const state = await caseInScope(tx, actor, id, { forUpdate: true })
      if (state.assigneeId === assigneeId) continue
      await applyCommand(deps, tx, actor, state, { type: 'Assign', assigneeId })
      assigned++
    }
    return { assigned }
  })
}

/** Whom the actor may hand cases to: staff who work or approve cases in any of the actor's controllers. */
export async function assignableColleagues(deps: AppDeps, actor: Actor): Promise<Colleague[]> {
  const scope = controllerScope(actor) ?? []
  const lists = await Promise.all(scope.map((c) => colleaguesOf(deps.pool, c, ASSIGNABLE)))
  const byId = new Map(lists.flat().map((c) => [c.id, c]))
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
}
