import { DomainError, OUTCOME_LABELS } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { LETTER_TEMPLATES } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import { requireCommandPermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
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
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    return submitLetterIn(tx, deps, actor, state, letterId)
  })
}

/**
 * Submits in the caller's transaction. The draft's version is the letter's own version number, the one every page
 * shows (issue 10: a count of submissions recorded "version 3" as "version 1"); the release gate checks the letter
 * and binds its text and files to the submission (application/release/gate.ts).
 */
export async function submitLetterIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  letterId: string,
): Promise<CommandOutcome> {
  requireCommandPermission(actor, { type: 'SubmitDraft', version: 1, summary: 'x' })
  const letter = await findLetter(tx, state.id, letterId)
  if (!letter) throw new DomainError('not-found', `no letter ${letterId}`)
  if (LETTER_TEMPLATES[letter.template].kind !== 'response' || letter.sentAt) {
    throw new DomainError('invalid-transition', `letter ${letterId} is not a draft response`, {
      userMessage: 'Only a draft response letter can be sent for approval.',
    })
  }
  const summary = `${letter.subject}${letter.outcome ? `: ${OUTCOME_LABELS[letter.outcome]}` : ''}`
  return applyCommand(deps, tx, actor, state, { type: 'SubmitDraft', version: letter.version, summary, letterId })
}
