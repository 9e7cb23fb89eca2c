import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../application/deps.js'
import { draftResponseLetter, responseOutcomes, reviseLetter } from '../../../application/casework/draft-letter.js'
import { openLetter } from '../../../application/casework/open-letter.js'
import { caseWorkspace } from '../../../application/casework/case-workspace.js'
import { getCase } from '../../../application/get-case.js'
import { isDomainError, localDateInLondon, OUTCOME_LABELS } from '../../../domain/index.js'
import type { Outcome } from '../../../domain/index.js'
import { GOVUK_LETTER_CLASSES, LETTER_TEMPLATES, letterBodyHtml } from '../../../notifications/letters.js'
import { text } from '../../nunjucks.js'
import { staffOf } from '../access.js'
import { COMMON_EXEMPTIONS, exemptionItems } from '../actions/work.js'
import { formErrors, identity, list, page, str, type FormErrors } from '../render.js'
import { staffRoute } from '../route.js'
import { caseSummary } from '../case/summary.js'
import { bodyWithEnclosures, latestResponseDraft, RELEASE_GATE_CODES } from '../../../application/release/index.js'
import { fileChoices } from './files.js'
import { reviewPage } from './review-page.js'

const params = (request: FastifyRequest) => request.params as { id: string; letterId: string }

/** Drafting a response from a template, editing it (each save a new version), previewing the PDF, submitting it. */
export function registerLetterRoutes(app: FastifyInstance, deps: AppDeps): void {
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/draft',
    access: 'case:draft',
    handler: (q, r) => startForm(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/draft',
    access: 'case:draft',
    handler: async (request, reply) => {
      const b = request.body
      try {
        const letter = await draftResponseLetter(deps, staffOf(request), params(request).id, {
          outcome: str(b, 'outcome') as Outcome,
          exemptionCodes: list(b, 'exemptionCodes'),
          attachmentDocumentIds: list(b, 'attachmentDocumentIds'),
          extras: { searchSummary: str(b, 'searchSummary'), actionSummary: str(b, 'actionSummary') },
        })
        return reply.redirect(`/staff/cases/${params(request).id}/letters/${letter.id}`, 303)
      } catch (error) {
        if (isDomainError(error) && FORM_CODES.includes(error.code))
          return startForm(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/letters/:letterId',
    access: 'case:view',
    handler: (q, r) => letterPage(deps, q, r),
  })
  staffRoute(app, {
    method: 'POST',
    url: '/cases/:id/letters/:letterId',
    access: 'case:draft',
    handler: async (request, reply) => {
      const b = request.body
      const { id, letterId } = params(request)
      try {
        const submit = str(b, 'step') === 'submit'
        const saved = await reviseLetter(
          deps,
          staffOf(request),
          id,
          letterId,
          {
            subject: str(b, 'subject'),
            body: str(b, 'body'),
            exemptionCodes: list(b, 'exemptionCodes'),
            attachmentDocumentIds: list(b, 'attachmentDocumentIds'),
          },
          { submit },
        )
        if (submit) return reply.redirect(`/staff/cases/${id}?done=submitted`, 303)
        return reply.redirect(`/staff/cases/${id}/letters/${saved.id}?saved=1`, 303)
      } catch (error) {
        if (isDomainError(error) && FORM_CODES.includes(error.code))
          return letterPage(deps, request, reply, formErrors(error))
        throw error
      }
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/letters/:letterId/pdf',
    access: 'case:view',
    handler: async (request, reply) => {
      const { id, letterId } = params(request)
      const { pdf, letter, state } = await openLetter(deps, staffOf(request), id, letterId, 'pdf')
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${state.reference}-v${letter.version}.pdf"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf!))
    },
  })
  staffRoute(app, {
    method: 'GET',
    url: '/cases/:id/review',
    access: 'case:approve',
    handler: (q, r) => reviewPage(deps, q, r),
  })
}

/** Refusals shown on the form: bad input, a step not possible now, and the release gate's findings. */
const FORM_CODES = ['validation', 'invalid-transition', 'conflict', ...RELEASE_GATE_CODES]

async function startForm(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const actor = staffOf(request)
  const view = await getCase(deps, actor, params(request).id)
  const ws = await caseWorkspace(deps.pool, actor, view.state)
  const b = request.body ?? {}
  const outcomes = responseOutcomes(view.state)
  return page(
    deps,
    request,
    reply,
    'staff/letters/start.njk',
    {
      pageTitle: text('casework.letters.startTitle'),
      caseId: view.state.id,
      controllerId: view.state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      outcomes: outcomes.map((o) => ({
        value: o,
        text: OUTCOME_LABELS[o],
        checked: str(b, 'outcome') === o || outcomes.length === 1,
      })),
      ...splitExemptions(exemptionItems({ state: view.state }), list(b, 'exemptionCodes')),
      files: await fileChoices(deps, view.state.id, list(b, 'attachmentDocumentIds')),
      drafts: ws.letters.filter((l) => LETTER_TEMPLATES[l.template].kind === 'response' && !l.sentAt),
      values: b,
      errors,
    },
    errors ? 400 : 200,
  )
}

/** Common exemptions shown at once; the long tail of the catalogue inside a "more" section (same field). */
function splitExemptions(items: { value: string; text: string; hint?: string }[], chosen: string[]) {
  const view = (i: { value: string; text: string; hint?: string }) => ({
    value: i.value,
    text: i.text,
    hint: { text: i.hint },
    checked: chosen.includes(i.value),
  })
  return {
    exemptions: items.filter((i) => COMMON_EXEMPTIONS.includes(i.value)).map(view),
    moreExemptions: items.filter((i) => !COMMON_EXEMPTIONS.includes(i.value)).map(view),
  }
}

async function letterPage(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
  const actor = staffOf(request)
  const { id, letterId } = params(request)
  const { letter, state } = await openLetter(deps, actor, id, letterId, 'text')
  const view = await getCase(deps, actor, id)
  const b = request.method === 'POST' ? request.body : null
  const { may } = await identity(deps, request)
  // After approval the letter in hand (the approved version) may still be changed, and goes back for approval.
  const latest = await latestResponseDraft(deps.pool, id)
  const afterApproval = state.status === 'approved' && state.caseType !== 'review' && latest?.id === letter.id
  const editable =
    LETTER_TEMPLATES[letter.template].kind === 'response' &&
    !letter.sentAt &&
    (state.status === 'in-progress' || afterApproval) &&
    Boolean(may?.('case:draft'))
  const chosen = b ? list(b, 'attachmentDocumentIds') : letter.attachmentDocumentIds
  const files = await fileChoices(deps, id, chosen)
  const names = chosen.flatMap((d) => files.names.get(d) ?? [])
  return page(
    deps,
    request,
    reply,
    'staff/letters/letter.njk',
    {
      pageTitle: letter.subject,
      caseId: id,
      controllerId: state.controllerId,
      summary: caseSummary(view, localDateInLondon(deps.clock.now())),
      letter,
      letterHtml: letterBodyHtml(bodyWithEnclosures(letter.body, names), GOVUK_LETTER_CLASSES),
      // The draft in hand may be the version under review or the one approved: say so, not just "draft".
      letterStatus: text(
        state.draft?.letterId !== letter.id || state.status === 'in-progress'
          ? 'casework.letters.draft'
          : state.status === 'approved'
            ? 'casework.letters.approved'
            : 'casework.letters.inReview',
      ),
      enclosed: names.length ? text('casework.letters.enclosedNote', { list: `Enclosed: ${names.join(', ')}` }) : '',
      afterApproval,
      outcome: letter.outcome ? OUTCOME_LABELS[letter.outcome] : null,
      editable,
      subject: b ? str(b, 'subject') : letter.subject,
      body: b ? str(b, 'body') : letter.body,
      ...splitExemptions(exemptionItems({ state }), b ? list(b, 'exemptionCodes') : letter.exemptionCodes),
      files,
      showExemptions: ['disclosed-in-part', 'action-declined', 'refused-exemption'].includes(letter.outcome ?? ''),
      saved: (request.query as Record<string, unknown>).saved === '1',
      errors,
    },
    errors ? 400 : 200,
  )
}
