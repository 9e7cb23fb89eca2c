import { extensionAllowed, isValidLocalDate, type LocalDate } from '../clock/index.js'
import { fail, ok, type Result } from '../errors.js'
import { clockOf, type CaseClock } from './clock-of-case.js'
import type { Command } from './commands.js'
import {
  emit,
  requireCaseType,
  requireNotBefore,
  requireStatus,
  requireStatusWhere,
  requireText,
  targetsOf,
  type Check,
  type DecideContext,
} from './decide-support.js'
import { passwordOutstanding } from './decide-delivery.js'
import type { CaseEvent } from './events.js'
import type { CaseState, DeadlineFlagKind, LinkRelation } from './types.js'

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>
type Decision = Result<CaseEvent[]>

const LINK_RELATIONS: readonly LinkRelation[] = [
  'related',
  'same-requester',
  'duplicate',
  'concerns',
  'review',
  'complaint',
  'regulator-case',
  'other-route-part',
]

export function withdraw(state: CaseState, cmd: Cmd<'Withdraw'>, ctx: DecideContext): Decision {
  return (
    requireStatusWhere(state, (s) => s !== 'responded', 'withdraw a request that has been answered') ??
    requireText(cmd.reason, 'reason') ??
    emit(ctx, { type: 'RequestWithdrawn', reason: cmd.reason.trim(), on: ctx.today })
  )
}

export function close(state: CaseState, ctx: DecideContext): Decision {
  return (
    requireStatus(state, ['responded'], 'close the case') ??
    passwordOutstanding(state) ??
    emit(ctx, { type: 'CaseClosed', on: ctx.today })
  )
}

export function reopen(state: CaseState, cmd: Cmd<'Reopen'>, ctx: DecideContext): Decision {
  return (
    requireStatus(state, ['responded', 'closed', 'withdrawn'], 'reopen the case') ??
    requireText(cmd.reason, 'reason') ??
    emit(ctx, { type: 'CaseReopened', reason: cmd.reason.trim(), on: ctx.today })
  )
}

export function linkCase(state: CaseState, cmd: Cmd<'LinkCase'>, ctx: DecideContext): Decision {
  const problem = requireText(cmd.otherCaseId, 'otherCaseId')
  if (problem) return problem
  if (cmd.otherCaseId === state.id) return fail('validation', 'a case cannot be linked to itself')
  if (!LINK_RELATIONS.includes(cmd.relation)) return fail('validation', `unknown link relation ${String(cmd.relation)}`)
  if (state.links.some((l) => l.caseId === cmd.otherCaseId && l.relation === cmd.relation)) {
    return fail('conflict', `already linked to ${cmd.otherCaseId} as ${cmd.relation}`)
  }
  return emit(ctx, { type: 'CaseLinked', otherCaseId: cmd.otherCaseId, relation: cmd.relation })
}

export function recordRegulatorEnquiry(
  state: CaseState,
  cmd: Cmd<'RecordRegulatorEnquiry'>,
  ctx: DecideContext,
): Decision {
  const problem =
    requireCaseType(state, ['regulator-case'], 'record a regulator enquiry') ??
    requireText(cmd.summary, 'summary') ??
    (cmd.dueOn !== undefined && !isValidLocalDate(cmd.dueOn)
      ? fail('validation', `dueOn '${cmd.dueOn}' is not a date`)
      : null) ??
    (cmd.dueOn !== undefined
      ? requireNotBefore(cmd.dueOn, state.receivedOn, 'dueOn', 'the day the enquiry arrived')
      : null)
  if (problem) return problem
  const due = cmd.dueOn ? { dueOn: cmd.dueOn } : {}
  const reference = cmd.regulatorReference ? { regulatorReference: cmd.regulatorReference } : {}
  return emit(ctx, {
    type: 'RegulatorEnquiryRecorded',
    summary: cmd.summary.trim(),
    on: ctx.today,
    ...due,
    ...reference,
  })
}

type FlagTarget = { date: LocalDate } | { reason: string }

/** The date a flag of this kind is about right now, or why it does not apply. */
function flagTarget(state: CaseState, clock: CaseClock, kind: DeadlineFlagKind, today: LocalDate): FlagTarget {
  switch (kind) {
    case 'due-soon':
      return clock.due !== null && today <= clock.due ? { date: clock.due } : { reason: 'the case is not due soon' }
    case 'overdue':
      return clock.due !== null && today > clock.due ? { date: clock.due } : { reason: 'the case is not overdue' }
    case 'extension-notice-due': {
      const lawful = clock.regime !== undefined && extensionAllowed(clock.regime, state.route)
      const notice = clock.noticeDeadline
      if (notice === undefined || state.extension || !lawful || today > notice)
        return { reason: 'no extension notice can be given' }
      return { date: notice }
    }
    case 'acknowledgement-due':
      if (!clock.acknowledgementDue || state.acknowledgedOn) return { reason: 'no acknowledgement is due' }
      return { date: clock.acknowledgementDue }
  }
}

/**
 * The deadline sweep's command. Idempotent: flagging the same kind for the same date again returns no events,
 * so the sweep can run as often as it likes. A flag whose date no longer matches the case's clock (a restart or
 * an extension moved it) is refused as a conflict, so the sweep never raises an alarm for a stale date.
 */
export function flagDeadline(state: CaseState, cmd: Cmd<'FlagDeadline'>, ctx: DecideContext): Decision {
  if (state.deadlineFlags[cmd.kind] === cmd.forDate) return ok([])
  const clock = clockOf(state, ctx.calendar, ctx.clockSettings, ctx.today, targetsOf(ctx))
  if (!clock.running) return fail('invalid-transition', `case ${state.id} has no running deadline (${state.status})`)
  const target = flagTarget(state, clock, cmd.kind, ctx.today)
  const why = 'reason' in target ? target.reason : `the date is now ${target.date}`
  const problem: Check =
    'date' in target && target.date === cmd.forDate
      ? null
      : fail('conflict', `cannot flag ${cmd.kind} for ${cmd.forDate}: ${why}`)
  return problem ?? emit(ctx, { type: 'DeadlineFlagged', kind: cmd.kind, forDate: cmd.forDate })
}
