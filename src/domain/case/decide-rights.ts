import { isValidLocalDate, regimeFor } from '../clock/index.js'
import { fail, type Result } from '../errors.js'
import { citableForRight, restrictionGroundsFor } from '../rights/decision-grounds.js'
import { isBeforeDraft } from './case-status.js'
import type { DecideRight, NotifyRecipient } from './commands.js'
import { emit, requireDay, requireText, type Check, type DecideContext } from './decide-support.js'
import type { CaseEvent } from './events.js'
import { isDecidedRight, type DecidedRight } from './right-decision.js'
import type { CaseState } from './types.js'

type Decision = Result<CaseEvent[]>

/** A reason for each ground, and an objection balance, must say more than a word (accountability, Art 5(2)). */
const MIN_REASON = 10
const MIN_BALANCE = 20

const invalid = (field: string, message: string, why: string) =>
  fail('validation', why, { fields: { [field]: message } })

/** Issue 13: every exemption, exception or restriction relied on names its code and its own reason. */
function groundsProblem(state: CaseState, right: DecidedRight, cmd: DecideRight): Check {
  const grounds = cmd.grounds ?? []
  if (cmd.result !== 'in-full' && grounds.length === 0)
    return invalid('grounds', 'Choose the legal ground for each part you are not doing', 'no ground for a refusal')
  if (new Set(grounds.map((g) => g.code)).size !== grounds.length)
    return invalid('grounds', 'Each ground may be chosen once', 'duplicate ground')
  for (const g of grounds) {
    if (!citableForRight(g.code, right, state.route, regimeFor(state.receivedOn)))
      return invalid('grounds', `${g.code} does not apply to this right on this route`, `ground ${g.code} not citable`)
    if (g.reason.trim().length < MIN_REASON)
      return invalid(
        `reason-${g.code}`,
        `Give the reason ${g.code} applies (at least ${MIN_REASON} characters)`,
        'short',
      )
  }
  return null
}

function rectificationProblem(state: CaseState, cmd: DecideRight): Check {
  const r = cmd.rectification
  if (cmd.result === 'declined') return null
  if (!r) return invalid('method', 'Choose how the information was put right', 'no rectification method')
  // Art 16: incomplete data may be completed "including by means of providing a supplementary statement".
  if (r.method === 'supplementary-statement' && (r.supplementaryStatement ?? '').trim().length < MIN_REASON)
    return invalid('supplementaryStatement', 'Enter the requester’s statement as they gave it', 'no statement')
  // s.46(4): only Part 3 requires restriction instead of rectification, for evidence.
  if (r.method === 'restricted-instead' && state.route !== 'DPA_PART3')
    return invalid('method', 'Restricting instead of correcting is a law enforcement (Part 3) rule', 'not part 3')
  return null
}

function restrictionProblem(state: CaseState, cmd: DecideRight): Check {
  if (cmd.result === 'declined') return null
  const ok = restrictionGroundsFor(state.route).some((g) => g.code === cmd.restrictionGround)
  return ok ? null : invalid('restrictionGround', 'Choose why processing is restricted', 'no restriction ground')
}

function objectionProblem(cmd: DecideRight): Check {
  const o = cmd.objection
  if (!o) return invalid('objectionKind', 'Choose what kind of objection this is', 'no objection kind')
  if (o.kind === 'direct-marketing') {
    // Art 21(2)–(3): an objection to direct marketing is absolute; there is nothing to balance.
    if (cmd.result !== 'in-full' || (cmd.grounds ?? []).length > 0)
      return invalid('result', 'An objection to direct marketing must be met in full (Article 21(3))', 'absolute')
    return null
  }
  // Art 21(1): record the balance of our grounds against the person's particular situation, whatever the result.
  if ((o.balance ?? '').trim().length < MIN_BALANCE)
    return invalid('balance', `Record the balance of grounds (at least ${MIN_BALANCE} characters)`, 'no balance')
  return null
}

function automatedProblem(cmd: DecideRight): Check {
  const a = cmd.automated
  if (cmd.result === 'declined') return null
  if (!a || a.safeguards.length === 0)
    return invalid('safeguards', 'Choose what the requester asked for', 'no safeguard chosen')
  if (
    a.safeguards.includes('human-intervention') &&
    ((a.reviewer ?? '').trim() === '' || a.decisionChanged === undefined)
  )
    return invalid('reviewer', 'Say who looked at the decision again and whether it changed', 'no human review')
  return null
}

function rightProblem(state: CaseState, right: DecidedRight, cmd: DecideRight): Check {
  switch (right) {
    case 'rectification':
      return rectificationProblem(state, cmd)
    case 'restriction':
      return restrictionProblem(state, cmd)
    case 'objection':
      return objectionProblem(cmd)
    case 'automated-decision':
      return automatedProblem(cmd)
    case 'erasure':
      return null
  }
}

/** The ground a processing restriction starts on: Art 18 granted, or Part 3 evidence (s.46(4), s.47(2)). */
function restrictionStarts(right: DecidedRight, cmd: DecideRight): string | undefined {
  if (right === 'restriction' && cmd.result !== 'declined') return cmd.restrictionGround
  if (cmd.rectification?.method === 'restricted-instead') return 'S46_4_EVIDENCE_R'
  if ((cmd.grounds ?? []).some((g) => g.code === 'S47_2_EVIDENCE')) return 'S47_2_EVIDENCE_R'
  return undefined
}

/**
 * Records the decision on a right other than access. It fixes the response's outcome (action taken, wholly or in
 * part, or declined), as a refusal does for access, so the letter can give the grounds and reasons (Art 12(4); s.48).
 */
export function decideRight(state: CaseState, cmd: DecideRight, ctx: DecideContext): Decision {
  const right = state.right
  if (state.caseType !== 'rights-request' || !isDecidedRight(right))
    return fail('wrong-case-type', `no decision step for ${right ?? state.caseType}`)
  if (!isBeforeDraft(state.status) || state.rightDecision || state.refusal || state.redirect)
    return fail('invalid-transition', `the request is already decided or drafted (${state.status})`, {
      userMessage: 'The decision has already been made. Reopen the case to decide again.',
    })
  if (!['in-full', 'in-part', 'declined'].includes(cmd.result))
    return invalid('result', 'Choose what you decided', `unknown result ${String(cmd.result)}`)
  const problem =
    requireText(cmd.summary, 'summary', MIN_REASON) ??
    groundsProblem(state, right, cmd) ??
    rightProblem(state, right, cmd)
  if (problem) return problem
  const starts = restrictionStarts(right, cmd)
  return emit(ctx, {
    type: 'RightDecided',
    right,
    result: cmd.result,
    summary: cmd.summary.trim(),
    grounds: (cmd.grounds ?? []).map((g) => ({ code: g.code, reason: g.reason.trim() })),
    ...details(right, cmd),
    ...(right === 'automated-decision'
      ? { automatedRegime: regimeFor(state.receivedOn) === 'ART12A' ? 'ARTS_22A_22D' : 'OLD_ART22' }
      : {}),
    outcome: cmd.result === 'declined' ? 'action-declined' : 'action-taken',
    on: ctx.today,
    ...(starts ? { restrictionStarts: starts } : {}),
  })
}

/** Only the details that belong to the right decided are kept. */
function details(right: DecidedRight, cmd: DecideRight) {
  const r = cmd.rectification
  const o = cmd.objection
  const a = cmd.automated
  if (right === 'rectification' && r)
    return {
      rectification: {
        method: r.method,
        ...(r.supplementaryStatement ? { supplementaryStatement: r.supplementaryStatement.trim() } : {}),
      },
    }
  if (right === 'restriction' && cmd.restrictionGround && cmd.result !== 'declined')
    return { restrictionGround: cmd.restrictionGround }
  if (right === 'objection' && o)
    return { objection: { kind: o.kind, ...(o.balance ? { balance: o.balance.trim() } : {}) } }
  if (right === 'automated-decision' && a)
    return {
      automated: {
        safeguards: [...new Set(a.safeguards)],
        ...(a.reviewer ? { reviewer: a.reviewer.trim() } : {}),
        ...(a.decisionChanged !== undefined ? { decisionChanged: a.decisionChanged } : {}),
      },
    }
  return {}
}

const NOTIFYING_RIGHTS: readonly string[] = ['rectification', 'erasure', 'restriction']

/** Art 19 (s.48(9) for Part 3): each recipient told of a rectification, erasure or restriction, or why not. */
export function notifyRecipient(state: CaseState, cmd: NotifyRecipient, ctx: DecideContext): Decision {
  const d = state.rightDecision
  if (!d || !NOTIFYING_RIGHTS.includes(d.right) || (d.result === 'declined' && !state.processingRestriction))
    return fail('invalid-transition', 'recipients are told only of a rectification, erasure or restriction made', {
      userMessage: 'Record the decision to correct, erase or restrict the information first.',
    })
  const problem =
    requireText(cmd.recipient, 'recipient', 2) ??
    (['notified', 'impossible', 'disproportionate'].includes(cmd.status)
      ? null
      : invalid('status', 'Choose whether the recipient was told', 'unknown status')) ??
    requireDay(state, cmd.on, 'on', ctx) ??
    (cmd.status === 'notified' && !cmd.method ? invalid('method', 'Choose how they were told', 'no method') : null) ??
    // Art 19: not telling a recipient is allowed only where it "proves impossible or involves disproportionate effort".
    (cmd.status !== 'notified' ? requireText(cmd.reason, 'reason', MIN_REASON) : null)
  if (problem) return problem
  const name = cmd.recipient.trim()
  if ((state.recipientNotices ?? []).some((n) => n.recipient.toLowerCase() === name.toLowerCase()))
    return invalid('recipient', `${name} is already recorded`, 'duplicate recipient')
  return emit(ctx, {
    type: 'RecipientNotified',
    recipient: name,
    status: cmd.status,
    on: cmd.on,
    ...(cmd.status === 'notified' && cmd.method ? { method: cmd.method } : {}),
    ...(cmd.reason?.trim() ? { reason: cmd.reason.trim() } : {}),
  })
}

function activeRestriction(state: CaseState): Check {
  const r = state.processingRestriction
  if (r && !r.lifted) return null
  return fail('invalid-transition', 'no processing restriction is in place', {
    userMessage: 'There is no restriction of processing in place on this case.',
  })
}

/** Art 18(3): a person who obtained a restriction is told before it is lifted; this records that notice. */
export function giveRestrictionLiftNotice(state: CaseState, reason: string, ctx: DecideContext): Decision {
  const problem = activeRestriction(state) ?? requireText(reason, 'reason', MIN_REASON)
  if (problem) return problem
  if (state.processingRestriction?.liftNotice)
    return fail('conflict', `notice was already given on ${state.processingRestriction.liftNotice.on}`)
  return emit(ctx, { type: 'RestrictionLiftNoticeGiven', reason: reason.trim(), on: ctx.today })
}

/** Lifting is refused until the Art 18(3) notice has been given (and recorded) first. */
export function liftProcessingRestriction(state: CaseState, reason: string, ctx: DecideContext): Decision {
  const problem = activeRestriction(state) ?? requireText(reason, 'reason', MIN_REASON)
  if (problem) return problem
  const notice = state.processingRestriction?.liftNotice
  if (!notice || !isValidLocalDate(notice.on))
    return fail('invalid-transition', 'Art 18(3): the requester must be told before the restriction is lifted', {
      userMessage: 'Tell the requester before lifting the restriction: send the notice first.',
    })
  return emit(ctx, { type: 'ProcessingRestrictionLifted', reason: reason.trim(), on: ctx.today })
}
