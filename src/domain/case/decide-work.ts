import { addWorkingDays, computeStatutoryDeadline, extensionAllowed, regimeFor } from '../clock/index.js'
import { fail, type Result } from '../errors.js'
import { isBeforeDraft } from './case-status.js'
import type { Command } from './commands.js'
import {
  emit,
  policyOf,
  requireCaseType,
  requireDay,
  requireExemptionCodes,
  requireStatus,
  requireStatusWhere,
  requireText,
  targetsOf,
  type Check,
  type DecideContext,
} from './decide-support.js'
import type { CaseEvent } from './events.js'
import { redirectOutcome, refusalOutcome } from './outcome.js'
import type { CaseState } from './types.js'

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>
type Decision = Result<CaseEvent[]>

function noticeDeadlineProblem(state: CaseState, noticeGivenOn: string, ctx: DecideContext): Check {
  const input = { receivedOn: state.receivedOn, restarts: state.restarts, pauses: state.pauses, extended: false }
  const { noticeDeadline } = computeStatutoryDeadline(input, ctx.calendar, {
    settings: ctx.clockSettings,
    asOf: ctx.today,
  })
  // Art 12A(4): notice of an extension must be given within one month of the relevant time (plus any pause);
  // uk-rules §1.5: block any extension recorded after that deadline, even if the notice is said to be earlier.
  const late = [noticeGivenOn, ctx.today].find((d) => d > noticeDeadline)
  if (late === undefined) return null
  return fail(
    'extension-too-late',
    `extension recorded ${ctx.today} (notice ${noticeGivenOn}) after the notice deadline ${noticeDeadline}`,
    {
      userMessage: `The extension notice had to be given by ${noticeDeadline}. It is too late to extend this request.`,
    },
  )
}

export function extend(state: CaseState, cmd: Cmd<'Extend'>, ctx: DecideContext): Decision {
  if (state.caseType === 'review') return extendReview(state, cmd, ctx)
  const noticeGivenOn = cmd.noticeGivenOn ?? ctx.today
  const problem =
    requireCaseType(state, ['rights-request'], 'extend the deadline') ??
    requireStatusWhere(state, (s) => isBeforeDraft(s) || s === 'in-review' || s === 'approved', 'extend the deadline')
  if (problem) return problem
  if (state.extension) return fail('extension-already-given', `already extended on ${state.extension.noticeGivenOn}`)
  // SI 2026/82 reg 4: Part 3 requests received before 5 Feb 2026 keep the old s.54, which had no extension.
  if (!extensionAllowed(regimeFor(state.receivedOn), state.route)) {
    return fail('extension-not-allowed', `no extension for a ${state.route} request received ${state.receivedOn}`)
  }
  if (cmd.ground !== 'complexity' && cmd.ground !== 'number')
    return fail('validation', `unknown extension ground ${String(cmd.ground)}`)
  const invalid =
    requireText(cmd.reasons, 'reasons', policyOf(ctx).minExtensionReasonsLength) ??
    requireDay(state, noticeGivenOn, 'noticeGivenOn', ctx) ??
    noticeDeadlineProblem(state, noticeGivenOn, ctx)
  if (invalid) return invalid
  const input = { receivedOn: state.receivedOn, restarts: state.restarts, pauses: state.pauses, extended: true }
  const { due } = computeStatutoryDeadline(input, ctx.calendar, { settings: ctx.clockSettings, asOf: ctx.today })
  return emit(ctx, { type: 'DeadlineExtended', ground: cmd.ground, reasons: cmd.reasons.trim(), noticeGivenOn, due })
}

/**
 * A complex review may take 40 working days instead of 20 (issue 14; uk-rules §2: the FOIA s.45 Code's convention,
 * applied to data protection reviews as local policy). Only on complexity, once, with reasons, before the decision,
 * and while the 20 working days are still running: an extension recorded after that would only hide a late review.
 */
function extendReview(state: CaseState, cmd: Cmd<'Extend'>, ctx: DecideContext): Decision {
  const problem = requireStatus(state, ['received', 'in-progress', 'in-review'], 'extend the review')
  if (problem) return problem
  if (state.extension) return fail('extension-already-given', `already extended on ${state.extension.noticeGivenOn}`)
  if (cmd.ground !== 'complexity')
    return fail('validation', `a review is extended only because it is complex, not ${String(cmd.ground)}`, {
      fields: { ground: 'A review can only be extended because it is complex' },
    })
  const invalid = requireText(cmd.reasons, 'reasons', policyOf(ctx).minExtensionReasonsLength)
  if (invalid) return invalid
  const targets = targetsOf(ctx)
  const usualDue = addWorkingDays(state.receivedOn, targets.reviewWorkingDays, ctx.calendar)
  if (ctx.today > usualDue)
    return fail('extension-too-late', `review extended ${ctx.today} after its due date ${usualDue}`, {
      userMessage: `The review was due by ${usualDue}. It is too late to extend it: decide it as soon as possible.`,
    })
  const due = addWorkingDays(state.receivedOn, targets.extendedReviewWorkingDays, ctx.calendar)
  return emit(ctx, {
    type: 'DeadlineExtended',
    ground: 'complexity',
    reasons: cmd.reasons.trim(),
    noticeGivenOn: ctx.today,
    due,
    workingDays: targets.extendedReviewWorkingDays,
  })
}

export function assign(state: CaseState, cmd: Cmd<'Assign'>, ctx: DecideContext): Decision {
  const problem = requireText(cmd.assigneeId, 'assigneeId')
  if (problem) return problem
  if (state.assigneeId === cmd.assigneeId) return fail('conflict', `case is already assigned to ${cmd.assigneeId}`)
  const previous = state.assigneeId ? { previousAssigneeId: state.assigneeId } : {}
  return emit(ctx, { type: 'CaseAssigned', assigneeId: cmd.assigneeId, ...previous })
}

export function startWork(state: CaseState, ctx: DecideContext): Decision {
  return requireStatus(state, ['received'], 'start work') ?? emit(ctx, { type: 'WorkStarted', on: ctx.today })
}

function decisionTaken(state: CaseState): Check {
  if (state.refusal) return fail('conflict', `the request was already refused on ${state.refusal.decidedOn}`)
  if (state.redirect) return fail('conflict', `the request was already redirected on ${state.redirect.decidedOn}`)
  return null
}

/**
 * Earlier requests cited by an unfounded-or-excessive refusal must be linked to this case first (issue 14), so the
 * evidence is on the file both ways; other refusal bases rest on exemptions or authority, not on earlier requests.
 */
function citedProblem(state: CaseState, cmd: Cmd<'Refuse'>): Check {
  const cited = cmd.citedCaseIds ?? []
  if (cited.length === 0) return null
  if (cmd.basis !== 'manifestly-unfounded' && cmd.basis !== 'manifestly-excessive') {
    return fail('validation', 'earlier requests are cited only for an unfounded or excessive request', {
      fields: { citedCaseIds: 'Cite earlier requests only when refusing as manifestly unfounded or excessive' },
    })
  }
  const linked = new Set(state.links.map((l) => l.caseId))
  return cited.every((id) => linked.has(id))
    ? null
    : fail('validation', 'cited a case not linked to this one', {
        fields: { citedCaseIds: 'Link the earlier request to this case before citing it' },
      })
}

function refusalProblem(state: CaseState, cmd: Cmd<'Refuse'>, ctx: DecideContext): Check {
  const codes = cmd.exemptionCodes ?? []
  if (cmd.basis === 'exemption' && codes.length === 0) {
    return fail('validation', 'a refusal under an exemption must name it', {
      fields: { exemptionCodes: 'Choose the exemption that applies' },
    })
  }
  if (cmd.basis === 'no-authority' && state.requesterType === 'self') {
    return fail('validation', 'a person asking for their own information needs no authority')
  }
  if (cmd.neitherConfirmNorDeny && cmd.basis !== 'exemption') {
    return fail('validation', 'neither confirm nor deny is only possible under an exemption or restriction')
  }
  return (
    citedProblem(state, cmd) ??
    requireExemptionCodes(codes, state) ??
    requireText(cmd.justification, 'justification', policyOf(ctx).minJustificationLength)
  )
}

/**
 * Records the decision not to comply. The refusal still ends in an approved response letter giving the reasons and
 * the rights to complain and go to court (Art 12(4); DPA s.53(6)–(7) for Part 3).
 */
export function refuse(state: CaseState, cmd: Cmd<'Refuse'>, ctx: DecideContext): Decision {
  const problem =
    requireCaseType(state, ['rights-request'], 'refuse a request') ??
    requireStatusWhere(state, isBeforeDraft, 'refuse the request') ??
    decisionTaken(state) ??
    refusalProblem(state, cmd, ctx)
  if (problem) return problem
  const outcome = refusalOutcome(cmd.basis, cmd.neitherConfirmNorDeny === true)
  const { basis, justification } = cmd
  return emit(ctx, {
    type: 'RequestRefused',
    basis,
    exemptionCodes: cmd.exemptionCodes ?? [],
    justification: justification.trim(),
    outcome,
    on: ctx.today,
    ...(cmd.citedCaseIds?.length ? { citedCaseIds: [...new Set(cmd.citedCaseIds)] } : {}),
  })
}

export function redirect(state: CaseState, cmd: Cmd<'Redirect'>, ctx: DecideContext): Decision {
  const problem =
    requireCaseType(state, ['rights-request'], 'redirect a request') ??
    requireStatusWhere(state, isBeforeDraft, 'redirect the request') ??
    decisionTaken(state) ??
    requireText(cmd.note, 'note') ??
    (cmd.to === 'other-controller' ? requireText(cmd.controllerName, 'controllerName') : null)
  if (problem) return problem
  const named = cmd.controllerName ? { controllerName: cmd.controllerName.trim() } : {}
  return emit(ctx, {
    type: 'RequestRedirected',
    to: cmd.to,
    note: cmd.note.trim(),
    outcome: redirectOutcome(cmd.to),
    on: ctx.today,
    ...named,
  })
}

function identityGate(state: CaseState, ctx: DecideContext): Check {
  // Seed 002: the office always confirms identity before it answers, unless it is refusing or redirecting.
  const needed = state.caseType === 'rights-request' && policyOf(ctx).requireIdentityBeforeDraft
  if (!needed || state.identity || state.refusal || state.redirect) return null
  return fail('invalid-transition', 'identity has not been verified', {
    userMessage: 'Verify the requester’s identity before drafting a response.',
  })
}

/**
 * A draft goes to the reviewer while the case is worked on; a newer version may also replace an approved one, which
 * then needs approving again (issue 10: any change after approval voids it). Not while the reviewer is reading one.
 */
function draftableStatus(state: CaseState): Check {
  if (state.status === 'approved' && state.caseType !== 'review' && state.draft) return null
  return requireStatus(state, ['in-progress'], 'submit a draft')
}

export function submitDraft(state: CaseState, cmd: Cmd<'SubmitDraft'>, ctx: DecideContext): Decision {
  const problem = draftableStatus(state) ?? identityGate(state, ctx) ?? requireText(cmd.summary, 'summary')
  if (problem) return problem
  if (!Number.isInteger(cmd.version) || cmd.version <= (state.draft?.version ?? 0)) {
    return fail('conflict', `draft version ${cmd.version} is not after version ${state.draft?.version ?? 0}`)
  }
  return emit(ctx, {
    type: 'DraftSubmitted',
    version: cmd.version,
    summary: cmd.summary.trim(),
    ...(cmd.letterId ? { letterId: cmd.letterId } : {}),
    ...(cmd.letterSha256 ? { letterSha256: cmd.letterSha256 } : {}),
    ...(cmd.files ? { files: cmd.files } : {}),
  })
}

export function approve(state: CaseState, ctx: DecideContext): Decision {
  const problem = requireStatus(state, ['in-review'], 'approve the draft')
  if (problem) return problem
  if (state.caseType === 'review') return fail('wrong-case-type', 'a review is decided with DecideReview, not approved')
  // Seed 002 review step: a second person checks every response before it goes (four-eyes).
  if (state.draft?.drafterId === ctx.actorId)
    return fail('four-eyes', `${ctx.actorId} drafted version ${state.draft.version}`)
  // The approval names exactly what was submitted: the letter version, its text's hash and each file's hash.
  const d = state.draft
  return emit(ctx, {
    type: 'DraftApproved',
    version: d?.version ?? 0,
    ...(d?.letterId ? { letterId: d.letterId } : {}),
    ...(d?.letterSha256 ? { letterSha256: d.letterSha256 } : {}),
    ...(d?.files ? { files: d.files } : {}),
  })
}

export function returnDraft(state: CaseState, cmd: Cmd<'ReturnDraft'>, ctx: DecideContext): Decision {
  return (
    requireStatus(state, ['in-review', 'approved'], 'return the draft') ??
    requireText(cmd.comments, 'comments') ??
    emit(ctx, { type: 'DraftReturned', version: state.draft?.version ?? 0, comments: cmd.comments.trim() })
  )
}
