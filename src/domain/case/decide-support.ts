import { isValidLocalDate, type ClockSettings, type LocalDate, type WorkingDayCalendar } from '../clock/index.js'
import type { Role } from '../access/roles.js'
import { fail, ok, type Result } from '../errors.js'
import { exemptionRouteError } from '../exemptions/catalogue.js'
import { EVIDENCE_RULES, type EvidenceRule } from '../requester/evidence-rules.js'
import { DEFAULT_CLOCK_TARGETS, type CaseClockTargets } from './clock-of-case.js'
import type { CaseEvent } from './events.js'
import type { CaseState, CaseStatus, CaseType } from './types.js'

/** Office policy that decide applies. Defaults follow seed 002; a deployment may relax them. */
export interface CasePolicy {
  /** Seed 002: the office always sees identity documents before it answers (the law only needs them on doubt). */
  requireIdentityBeforeDraft: boolean
  /** Check the documents seen against the evidence table before recording identity or authority. */
  enforceEvidenceTable: boolean
  evidenceRules: readonly EvidenceRule[]
  /** A refusal must be justified (Art 12(4), 12(5); DPA s.53(3)): this many characters at least. */
  minJustificationLength: number
  /** An extension notice must state reasons (Art 12A(4)): this many characters at least. */
  minExtensionReasonsLength: number
}

export const DEFAULT_CASE_POLICY: CasePolicy = {
  requireIdentityBeforeDraft: true,
  enforceEvidenceTable: true,
  evidenceRules: EVIDENCE_RULES,
  minJustificationLength: 20,
  minExtensionReasonsLength: 10,
}

export interface DecideContext {
  now: Date
  /** Today in Europe/London. */
  today: LocalDate
  actorId: string
  actorRoles: readonly Role[]
  calendar: WorkingDayCalendar
  clockSettings: ClockSettings
  policy?: CasePolicy
  clockTargets?: CaseClockTargets
}

export function policyOf(ctx: DecideContext): CasePolicy {
  return ctx.policy ?? DEFAULT_CASE_POLICY
}

export function targetsOf(ctx: DecideContext): CaseClockTargets {
  return ctx.clockTargets ?? DEFAULT_CLOCK_TARGETS
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** An event before the actor and time are stamped on it. */
export type EventBody = DistributiveOmit<CaseEvent, 'actorId' | 'at'>

export function emit(ctx: DecideContext, ...bodies: EventBody[]): Result<CaseEvent[]> {
  const at = ctx.now.toISOString()
  return ok(bodies.map((body) => ({ ...body, actorId: ctx.actorId, at }) as CaseEvent))
}

/** A failed guard, or null to carry on. Guards chain with `??`. */
export type Check = Result<never> | null

export function requireStatus(state: CaseState, allowed: readonly CaseStatus[], action: string): Check {
  if (allowed.includes(state.status)) return null
  return fail('invalid-transition', `cannot ${action} when the case is ${state.status}`, {
    userMessage: `You cannot ${action} while the case is ${state.status.replaceAll('-', ' ')}.`,
  })
}

export function requireStatusWhere(state: CaseState, allowed: (s: CaseStatus) => boolean, action: string): Check {
  return allowed(state.status) ? null : requireStatus(state, [], action)
}

export function requireCaseType(state: CaseState, types: readonly CaseType[], action: string): Check {
  if (types.includes(state.caseType)) return null
  return fail('wrong-case-type', `cannot ${action} on a ${state.caseType} case`)
}

export function requireText(value: string | undefined, field: string, minLength = 1): Check {
  if ((value ?? '').trim().length >= minLength) return null
  const need = minLength > 1 ? `at least ${minLength} characters` : 'some text'
  return fail('validation', `${field} must have ${need}`, { fields: { [field]: `Enter ${need}` } })
}

/** A date a user recorded: real, not in the future, and not before the case arrived. */
export function requireDay(state: CaseState | null, value: LocalDate, field: string, ctx: DecideContext): Check {
  if (!isValidLocalDate(value))
    return fail('validation', `${field} '${value}' is not a date`, { fields: { [field]: 'Enter a real date' } })
  if (value > ctx.today)
    return fail('validation', `${field} ${value} is in the future`, {
      fields: { [field]: 'The date must be today or in the past' },
    })
  if (state && value < state.receivedOn) {
    return fail('validation', `${field} ${value} is before the case was received`, {
      fields: { [field]: 'The date must be on or after the day the case arrived' },
    })
  }
  return null
}

export function requireNotBefore(value: LocalDate, earliest: LocalDate, field: string, what: string): Check {
  if (value >= earliest) return null
  return fail('validation', `${field} ${value} is before ${what} (${earliest})`, {
    fields: { [field]: `The date cannot be before ${what}` },
  })
}

export function requireExemptionCodes(codes: readonly string[], state: CaseState): Check {
  const error = exemptionRouteError(codes, state.route)
  return error ? { ok: false, error } : null
}

export function openRestart(state: CaseState, kind: 'identity' | 'authority' | 'fee') {
  return state.restarts.find((r) => r.kind === kind && r.resolvedOn === null)
}

export function openPause(state: CaseState) {
  return state.pauses.find((p) => p.resolvedOn === null)
}
