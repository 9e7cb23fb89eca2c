import { DomainError, OUTCOME_LABELS } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { loadCaseForUpdate } from '../../persistence/repositories/case-repository.js'
import { LETTER_TEMPLATES } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import { requireCommandPermission, requireController } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { findLetter } from './letter-repository.js'

/** Sends one exact version of a response letter to the reviewer (seed 002 "Review": a second person checks it). */
export async function submitLetterForReview(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  letterId: string,
): Promise<CommandOutcome> {
  requireCommandPermission(actor, { type: 'SubmitDraft', version: 1, summary: 'x' })
  return withTransaction(deps.pool, async (tx) => {
    const state = await loadCaseForUpdate(tx, caseId)
    if (!state) throw new DomainError('not-found', `case ${caseId} not found`)
    requireController(actor, state.controllerId)
    const letter = await findLetter(tx, caseId, letterId)
    if (!letter || LETTER_TEMPLATES[letter.template].kind !== 'response' || letter.sentAt) {
      throw new DomainError('not-found', `no draft response ${letterId}`)
    }
    const summary = `${letter.subject}${letter.outcome ? `: ${OUTCOME_LABELS[letter.outcome]}` : ''}`
    return applyCommand(deps, tx, actor, state, {
      type: 'SubmitDraft',
      version: (state.draft?.version ?? 0) + 1,
      summary,
      letterId,
    })
  })
}
