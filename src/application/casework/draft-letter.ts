import { randomUUID } from 'node:crypto'
import { DomainError, OUTCOME_LABELS, exemptionRouteError, plainResponseOutcomes } from '../../domain/index.js'
import type { CaseState, Outcome } from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { LETTER_TEMPLATES, renderLetter, templateForOutcome } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'
import { buildLetterContext, type LetterExtras } from './letter-context.js'
import { findLetter, insertLetter, type LetterRecord } from './letter-repository.js'
import { nextLetterVersion } from './send-letter.js'
import { submitLetterIn } from './submit-letter.js'
import { withoutEnclosedLines } from '../release/enclosures.js'
import { requireReleasable } from '../release/releasable-files.js'

/** The outcomes a response letter may report now: fixed by a recorded decision, or open for a plain response. */
export function responseOutcomes(state: CaseState): readonly Outcome[] {
  if (state.refusal || state.redirect || state.reviewDecision || state.complaintOutcome)
    return state.outcome ? [state.outcome] : []
  return plainResponseOutcomes(state.caseType, state.right)
}

async function caseForDrafting(tx: Tx, actor: Actor, caseId: string, afterApproval = false): Promise<CaseState> {
  const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
  // Seed 002: the DP manager drafts while the case is being worked on; once submitted, it waits for the reviewer.
  // An approved letter may still be changed, but the change goes straight back for approval (issue 10).
  if (state.status !== 'in-progress' && !(afterApproval && state.status === 'approved')) {
    throw new DomainError('invalid-transition', `cannot draft while ${state.status}`, {
      userMessage: 'A response can only be drafted while the case is in progress.',
    })
  }
  return state
}

function checkOutcome(state: CaseState, outcome: Outcome, codes: readonly string[]): void {
  const allowed = responseOutcomes(state)
  if (!allowed.includes(outcome)) {
    throw new DomainError('validation', `outcome ${outcome} not allowed`, {
      fields: {
        outcome: allowed.length
          ? `Choose one of: ${allowed.map((o) => OUTCOME_LABELS[o]).join(', ')}`
          : 'Record the decision first',
      },
    })
  }
  // Part 3 letters never cite the UK GDPR's exemptions, nor UK GDPR letters Part 3 restrictions (uk-rules §9).
  const routeError = exemptionRouteError(codes, state.route)
  if (routeError) throw routeError
  // Accountability (uk-rules §6): a partial disclosure names every exemption relied on.
  if (outcome === 'disclosed-in-part' && codes.length === 0) {
    throw new DomainError('validation', 'no exemptions for a partial disclosure', {
      fields: { exemptionCodes: 'Choose the exemptions you applied' },
    })
  }
}

/** Starts a response from the template for its outcome (issue: draft the response from a template). */
export async function draftResponseLetter(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: { outcome: Outcome; exemptionCodes: string[]; attachmentDocumentIds: string[]; extras?: LetterExtras },
): Promise<LetterRecord> {
  requirePermission(actor, 'case:draft')
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseForDrafting(tx, actor, caseId)
    checkOutcome(state, input.outcome, input.exemptionCodes)
    const template = templateForOutcome(input.outcome)
    // Only what the release gate allows may be attached (issue 10: any PDF on the case used to be offered).
    await requireReleasable(tx, caseId, input.attachmentDocumentIds)
    const { context } = await buildLetterContext(tx, deps, state, actor, {
      ...input.extras,
      exemptionCodes: input.exemptionCodes,
    })
    const text = renderLetter(template, context)
    const letter = {
      id: randomUUID(),
      caseId,
      template,
      version: await nextLetterVersion(tx, caseId),
      subject: text.subject,
      body: withoutEnclosedLines(text.body),
      createdBy: actor.id,
      outcome: input.outcome,
      exemptionCodes: input.exemptionCodes,
      attachmentDocumentIds: input.attachmentDocumentIds,
    }
    await insertLetter(tx, letter)
    await audit(tx, deps, actor, letter)
    return (await findLetter(tx, caseId, letter.id))!
  })
}

/**
 * Saves an edit as a NEW version: a version once submitted for review is never changed, so the text the reviewer
 * approved is exactly the text that is sent. With `submit`, the new version goes to the reviewer in the same
 * transaction (so a version the gate refuses is not kept half-done); after approval, a change must be submitted.
 */
export async function reviseLetter(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  letterId: string,
  input: { subject: string; body: string; exemptionCodes: string[]; attachmentDocumentIds: string[] },
  options: { submit?: boolean } = {},
): Promise<LetterRecord> {
  requirePermission(actor, 'case:draft')
  if (input.subject.trim() === '' || input.body.trim().length < 20) {
    throw new DomainError('validation', 'empty letter', {
      fields: { body: 'Enter the text of the letter', ...(input.subject.trim() ? {} : { subject: 'Enter a subject' }) },
    })
  }
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseForDrafting(tx, actor, caseId, options.submit)
    const base = await findLetter(tx, caseId, letterId)
    if (!base || LETTER_TEMPLATES[base.template].kind !== 'response' || base.sentAt) {
      throw new DomainError('not-found', `no draft letter ${letterId}`)
    }
    if (base.outcome) checkOutcome(state, base.outcome, input.exemptionCodes)
    await requireReleasable(tx, caseId, input.attachmentDocumentIds)
    const letter = {
      ...base,
      id: randomUUID(),
      version: await nextLetterVersion(tx, caseId),
      subject: input.subject.trim(),
      // The "Enclosed" list is made from the files attached whenever the letter is shown, never kept (issue 10).
      body: withoutEnclosedLines(input.body.replace(/\r\n/g, '\n')),
      createdBy: actor.id,
      exemptionCodes: input.exemptionCodes,
      attachmentDocumentIds: [...new Set(input.attachmentDocumentIds)],
    }
    await insertLetter(tx, letter)
    await audit(tx, deps, actor, letter)
    if (options.submit) await submitLetterIn(tx, deps, actor, state, letter.id)
    return (await findLetter(tx, caseId, letter.id))!
  })
}

async function audit(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  l: { id: string; version: number; subject: string; caseId: string; template: string },
) {
  await recordAudit(tx, deps, actor, {
    caseId: l.caseId,
    command: 'DraftLetter',
    eventType: 'LetterDrafted',
    payload: { letterId: l.id, version: l.version, template: l.template, title: l.subject },
  })
}
