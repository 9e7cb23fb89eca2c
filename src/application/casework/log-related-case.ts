import { DomainError } from '../../domain/index.js'
import type { CaseType, Channel } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import type { CommandOutcome } from '../apply-command.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'
import { notifyCopyListIn } from './notify-copy-list.js'

export interface RelatedCaseInput {
  caseType: Exclude<CaseType, 'rights-request'>
  channel: Channel
  receivedAt: string
  description: string
  regulatorReference?: string
  regulatorDueOn?: string
}

/**
 * An appeal (review), a complaint (DPA s.164A) or a regulator enquiry about an existing case: a case of its own, with
 * its own clock, pointing at the case it concerns and carrying over who the requester is.
 */
export async function logRelatedCase(
  deps: AppDeps,
  actor: Actor,
  parentId: string,
  input: RelatedCaseInput,
): Promise<CommandOutcome> {
  requirePermission(actor, input.caseType === 'regulator-case' ? 'regulator:log' : 'case:log')
  if (input.description.trim() === '') {
    throw new DomainError('validation', 'no description', { fields: { description: 'Say what the case is about' } })
  }
  return withTransaction(deps.pool, async (tx) => {
    const parent = await caseInScope(tx, actor, parentId)
    const outcome = await logRequestIn(tx, deps, actor, {
      controllerId: parent.controllerId,
      caseType: input.caseType,
      route: parent.route,
      channel: input.channel,
      receivedAt: input.receivedAt,
      subject: parent.subject,
      requesterType: parent.requesterType,
      ...(parent.representative ? { representative: parent.representative } : {}),
      request: { description: input.description.trim(), actionWanted: '', reasons: '', details: {} },
      parentCaseId: parent.id,
      ...(input.regulatorReference ? { regulatorReference: input.regulatorReference.trim() } : {}),
      ...(input.regulatorDueOn ? { regulatorDueOn: input.regulatorDueOn } : {}),
    })
    await notifyCopyListIn(tx, deps, actor, outcome.state, outcome.clock.due)
    return outcome
  })
}
