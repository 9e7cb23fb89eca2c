import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { caseReleasables, type CaseReleasables } from './releasable-files.js'

/** What may go to the requester from a case, for someone who drafts its response (the API's list). */
export async function releasablesForCase(deps: AppDeps, actor: Actor, caseId: string): Promise<CaseReleasables> {
  requirePermission(actor, 'case:draft')
  const state = await caseInScope(deps.pool, actor, caseId)
  return caseReleasables(deps.pool, state.id)
}
