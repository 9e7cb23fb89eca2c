import { DomainError, isFinished, rightDefinition } from '../../domain/index.js'
import type { CaseState, Command, ProcessingRoute } from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'

const OTHER: Record<ProcessingRoute, ProcessingRoute> = { UK_GDPR: 'DPA_PART3', DPA_PART3: 'UK_GDPR' }

function checkSplittable(state: CaseState): void {
  if (state.caseType !== 'rights-request' || isFinished(state.status))
    throw new DomainError('invalid-transition', `cannot split a ${state.status} ${state.caseType}`, {
      userMessage: 'Only an open rights request can be split.',
    })
  if (state.links.some((l) => l.relation === 'other-route-part'))
    throw new DomainError('conflict', `case ${state.id} is already split`, {
      userMessage: 'This request has already been split into its two parts.',
    })
  const right = state.right ? rightDefinition(state.right) : null
  if (OTHER[state.route] === 'DPA_PART3' && right && right.part3Section === null)
    throw new DomainError('validation', `${state.right} has no Part 3 equivalent`, {
      fields: { description: 'Portability and objection do not exist under DPA 2018 Part 3, so this cannot be split' },
    })
}

/** The evidence already accepted on the first part counts for the second: same person, same day it arrived. */
function carriedOver(state: CaseState): Command[] {
  const resolved = (kind: 'identity' | 'authority') =>
    state.restarts.find((r) => r.kind === kind && r.resolvedOn !== null)?.resolvedOn ?? state.receivedOn
  const commands: Command[] = []
  if (state.identity)
    commands.push({
      type: 'RecordIdentityVerified',
      documentsSeen: state.identity.documentsSeen,
      verifiedOn: state.identity.verifiedOn,
      verifierId: state.identity.verifierId,
      receivedOn: resolved('identity'),
    })
  if (state.authority)
    commands.push({
      type: 'RecordAuthorityReceived',
      documentType: state.authority.documentType,
      receivedOn: state.authority.receivedOn,
    })
  return commands
}

/**
 * uk-rules §9: a force's request can cover law-enforcement data (DPA 2018 Part 3) and, say, HR or licensing data (UK
 * GDPR). Splitting logs the other part as its own case, received the same day, so each part runs on its own clock,
 * restrictions or exemptions and wording; the two are linked, and each response names the other.
 */
export async function splitRequest(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: { description: string },
): Promise<CommandOutcome> {
  requirePermission(actor, 'case:log')
  if (input.description.trim() === '')
    throw new DomainError('validation', 'no description', {
      fields: { description: 'Say which information this part covers' },
    })
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    checkSplittable(state)
    let part = await logRequestIn(tx, deps, actor, {
      controllerId: state.controllerId,
      caseType: 'rights-request',
      ...(state.right ? { right: state.right } : {}),
      route: OTHER[state.route],
      channel: state.channel,
      receivedAt: state.receivedAt,
      subject: state.subject,
      requesterType: state.requesterType,
      ...(state.representative ? { representative: state.representative } : {}),
      request: { ...state.request, description: input.description.trim() },
    })
    for (const command of carriedOver(state)) part = await applyCommand(deps, tx, actor, part.state, command)
    part = await link(deps, tx, actor, part.state, state.id)
    await link(deps, tx, actor, state, part.state.id)
    return part
  })
}

function link(deps: AppDeps, tx: Tx, actor: Actor, state: CaseState, otherCaseId: string) {
  return applyCommand(deps, tx, actor, state, { type: 'LinkCase', otherCaseId, relation: 'other-route-part' })
}
