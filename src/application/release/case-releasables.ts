import { DomainError } from '../../domain/index.js'
import { findCase } from '../../persistence/repositories/case-repository.js'
import type { Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { caseReleasables, type CaseReleasables } from './releasable-files.js'

/** What may go to the requester from a case, for someone who drafts its response (the API's list). */
export async function releasablesForCase(deps: AppDeps, actor: Actor, caseId: string): Promise<CaseReleasables> {
  requirePermission(actor, 'case:draft')
  const state = await findCase(deps.pool, caseId)
  if (!state) throw new DomainError('not-found', `case ${caseId} not found`)
  requireController(actor, state.controllerId)
  return caseReleasables(deps.pool, state.id)
}
