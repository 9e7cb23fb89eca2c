import { randomUUID } from 'node:crypto'
import { withTransaction } from '../../persistence/db.js'
import { renderLetter } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import { requireCommandPermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'
import { buildLetterContext } from './letter-context.js'
import { insertLetter } from './letter-repository.js'
import { nextLetterVersion } from './send-letter.js'

/**
 * Seed 002 "Appealing a decision": the Chief Executive decides an appeal (upheld, partly upheld or not, with reasons);
 * the outcome letter is written from that decision at the same moment, so the decision is its sign-off and it can be
 * sent. The Chief Executive names who sends it, and the case becomes theirs to send (issue 14).
 */
export async function decideAppeal(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: { upheld: boolean; partly?: boolean; reasons: string; senderId?: string },
): Promise<CommandOutcome> {
  requireCommandPermission(actor, { type: 'DecideReview', ...input })
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    // The decision names the outcome letter written with it, so the record says which version was signed off
    // (issue 10: an appeal showed "Version 0 approved").
    const id = randomUUID()
    const version = await nextLetterVersion(tx, caseId)
    const outcome = await applyCommand(deps, tx, actor, state, {
      type: 'DecideReview',
      ...input,
      letterId: id,
      letterVersion: version,
    })
    const { context } = await buildLetterContext(tx, deps, outcome.state, actor)
    const text = renderLetter('appeal-outcome', context)
    const letter = {
      id,
      caseId,
      template: 'appeal-outcome' as const,
      version,
      ...text,
      createdBy: actor.id,
      outcome: outcome.state.outcome ?? null,
      exemptionCodes: [],
      attachmentDocumentIds: [],
    }
    await insertLetter(tx, letter)
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'DraftLetter',
      eventType: 'LetterDrafted',
      payload: { letterId: letter.id, version: letter.version, template: letter.template, title: letter.subject },
    })
    return outcome
  })
}
