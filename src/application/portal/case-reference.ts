import { findCase } from '../../persistence/repositories/case-repository.js'
import type { AppDeps } from '../deps.js'

/** The reference and organisation of the case a requester is signed in to follow (no other details). */
export async function findCaseReference(
  deps: AppDeps,
  caseId: string,
): Promise<{ id: string; reference: string; controllerId: string } | null> {
  const state = await findCase(deps.pool, caseId)
  return state ? { id: state.id, reference: state.reference, controllerId: state.controllerId } : null
}
