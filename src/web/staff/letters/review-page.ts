import type { FastifyReply, FastifyRequest } from 'fastify'
import { openLetter } from '../../../application/casework/open-letter.js'
import type { AppDeps } from '../../../application/deps.js'
import { getCase } from '../../../application/get-case.js'
import { bodyWithEnclosures, changesSince, enclosedNames } from '../../../application/release/index.js'
import { localDateInLondon, OUTCOME_LABELS } from '../../../domain/index.js'
import { GOVUK_LETTER_CLASSES, letterBodyHtml } from '../../../notifications/letters.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { page } from '../render.js'
import { caseSummary } from '../case/summary.js'
import { fileChoices } from './files.js'

/**
 * The reviewer's page: the exact version submitted, as the requester will read it (with its "Enclosed" list), and
 * each file with its SHA-256, which is what the approval binds (issue 10). If anything has changed since it was
 * submitted, the page says what, and approving is refused.
 */
export async function reviewPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const actor = staffOf(request)
  const view = await getCase(deps, actor, (request.params as { id: string }).id)
  const draft = view.state.draft
  const opened = draft?.letterId ? await openLetter(deps, actor, view.state.id, draft.letterId, 'text') : null
  const letter = opened?.letter ?? null
  const names = letter ? await enclosedNames(deps.pool, letter.caseId, letter.attachmentDocumentIds) : []
  const inReview = view.state.status === 'in-review'
  const changed = inReview && draft?.letterId ? await changesSince(deps.pool, view.state, draft) : []
  const choices = letter ? await fileChoices(deps, letter.caseId, letter.attachmentDocumentIds) : null
  return page(deps, request, reply, 'staff/letters/review.njk', {
    pageTitle: text('casework.review.title'),
    caseId: view.state.id,
    controllerId: view.state.controllerId,
    summary: caseSummary(view, localDateInLondon(deps.clock.now())),
    draft,
    letter,
    letterHtml: letter ? letterBodyHtml(bodyWithEnclosures(letter.body, names), GOVUK_LETTER_CLASSES) : '',
    outcome: letter?.outcome ? OUTCOME_LABELS[letter.outcome] : null,
    attachments: (letter?.attachmentDocumentIds ?? []).map((id, i) => ({
      id,
      filename: names[i] ?? id,
      sha256: draft?.files?.find((f) => f.documentId === id)?.sha256 ?? '',
      label: choices?.items.find((c) => c.value === id)?.hint.text ?? '',
    })),
    changed,
    ownDraft: draft?.drafterId === actor.id,
    inReview,
  })
}
