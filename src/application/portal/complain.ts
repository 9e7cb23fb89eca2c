import { DomainError } from '../../domain/index.js'
import type { Person } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { loadCaseForUpdate } from '../../persistence/repositories/case-repository.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'
import {
  acknowledgeIn,
  applyAsPublic,
  publicActor,
  receiptOf,
  type CaseReceipt,
  type EmailText,
} from './intake-support.js'

export interface ComplaintInput {
  /** Random id of the visitor's journey, or the followed case's id. */
  actorId: string
  controllerId: string
  complainant: Person
  complaint: string
  outcomeWanted: string
  /** The reference the person typed, kept as they wrote it; never looked up (it would say whether it exists). */
  referenceGiven: string
  /** Set only when the complaint comes from the follow pages, where the person has proved the case is theirs. */
  parentCaseId?: string
  composeAcknowledgement: (cases: CaseReceipt[]) => EmailText
}

/**
 * A complaint about how the office handled someone's information or request (DPA 2018 s.164A, from 19 June 2026:
 * make complaining easy, e.g. by an electronic form; acknowledge within 30 days; then act and report the outcome
 * without undue delay). It becomes a 'complaint' case whose clock (clockOf) tracks the acknowledgement deadline.
 */
export async function complain(deps: AppDeps, input: ComplaintInput): Promise<CaseReceipt> {
  const actor = publicActor(input.actorId)
  return withTransaction(deps.pool, async (tx) => {
    const controller = await findController(tx, input.controllerId)
    if (!controller) throw new DomainError('validation', `unknown controller ${input.controllerId}`)
    const parent = input.parentCaseId ? await loadCaseForUpdate(tx, input.parentCaseId) : null
    const { state } = await logRequestIn(tx, deps, actor, {
      controllerId: controller.id,
      caseType: 'complaint',
      route: parent?.route ?? controller.defaultRoute,
      channel: 'portal',
      receivedAt: deps.clock.now().toISOString(),
      subject: input.complainant,
      requesterType: 'self',
      request: {
        description: input.complaint,
        actionWanted: input.outcomeWanted,
        reasons: '',
        details: input.referenceGiven ? { referenceGiven: input.referenceGiven } : {},
      },
      ...(parent ? { parentCaseId: parent.id } : {}),
    })
    if (parent)
      await applyAsPublic(tx, deps, actor, parent, { type: 'LinkCase', otherCaseId: state.id, relation: 'complaint' })
    const [acknowledged] = await acknowledgeIn(
      tx,
      deps,
      actor,
      [state],
      input.complainant.email,
      input.composeAcknowledgement,
    )
    return receiptOf(deps, acknowledged ?? state)
  })
}
