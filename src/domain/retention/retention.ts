import { addMonthsClamped, compareLocalDates, type LocalDate } from '../clock/index.js'
import type { CaseState, CaseType, Outcome } from '../case/types.js'

/**
 * Retention and disposal (UK GDPR Art 5(1)(e): kept no longer than necessary). The schedule is policy,
 * not law, so it is data an administrator edits; each rule carries the reason the office gives for it.
 */
export type RetentionAction = 'delete' | 'anonymise'

export interface RetentionRule {
  id: string
  caseType: CaseType
  /** An outcome, or '*' for any outcome of this case type. A specific outcome beats '*'. */
  outcome: Outcome | '*'
  /** Months after the case ended (closed or withdrawn). */
  months: number
  action: RetentionAction
  reason: string
}

export const DEFAULT_RETENTION_RULES: readonly RetentionRule[] = [
  {
    id: 'rights-request',
    caseType: 'rights-request',
    outcome: '*',
    months: 24,
    action: 'delete',
    reason:
      'Two years after closure: long enough for the requester to complain to us or to the regulator and for the regulator to look into it.',
  },
  {
    id: 'rights-request-refused',
    caseType: 'rights-request',
    outcome: 'refused-exemption',
    months: 72,
    action: 'anonymise',
    reason:
      'Six years: a refusal can be challenged in court (Limitation Act 1980 s.2), so the reasons are kept, without the personal data.',
  },
  {
    id: 'review',
    caseType: 'review',
    outcome: '*',
    months: 72,
    action: 'delete',
    reason: 'Six years: appeal decisions may be relied on in later claims (Limitation Act 1980 s.2).',
  },
  {
    id: 'complaint',
    caseType: 'complaint',
    outcome: '*',
    months: 72,
    action: 'delete',
    reason: 'Six years: complaints may lead to claims for compensation (DPA 2018 s.168; Limitation Act 1980 s.2).',
  },
  {
    id: 'regulator-case',
    caseType: 'regulator-case',
    outcome: '*',
    months: 72,
    action: 'anonymise',
    reason: 'Six years: the regulator may refer back to its enquiry; the statistics stay, the personal data goes.',
  },
]

/** The day the case ended, from which retention runs; null while it is still open. */
export function caseEndedOn(state: CaseState): LocalDate | null {
  if (state.status === 'closed') return state.closedOn ?? null
  if (state.status === 'withdrawn') return state.withdrawal?.on ?? null
  return null
}

/** The rule for a case: the one naming its outcome, else the case type's '*' rule. */
export function retentionRuleFor(state: CaseState, rules: readonly RetentionRule[]): RetentionRule | null {
  const ofType = rules.filter((r) => r.caseType === state.caseType)
  return (
    ofType.find((r) => r.outcome !== '*' && r.outcome === state.outcome) ??
    ofType.find((r) => r.outcome === '*') ??
    null
  )
}

export type DisposalDecision =
  | { eligible: true; rule: RetentionRule; retainUntil: LocalDate }
  | {
      eligible: false
      why: 'open' | 'no-rule' | 'within-retention' | 'legal-hold'
      rule?: RetentionRule
      retainUntil?: LocalDate
    }

/** Whether a case may be disposed of on `today`. A legal hold always wins. */
export function disposalDecision(
  state: CaseState,
  rules: readonly RetentionRule[],
  today: LocalDate,
  onLegalHold: boolean,
): DisposalDecision {
  const ended = caseEndedOn(state)
  if (!ended) return { eligible: false, why: 'open' }
  const rule = retentionRuleFor(state, rules)
  if (!rule) return { eligible: false, why: 'no-rule' }
  const retainUntil = addMonthsClamped(ended, rule.months)
  if (onLegalHold) return { eligible: false, why: 'legal-hold', rule, retainUntil }
  if (compareLocalDates(today, retainUntil) <= 0) return { eligible: false, why: 'within-retention', rule, retainUntil }
  return { eligible: true, rule, retainUntil }
}

export function validateRetentionRule(rule: RetentionRule): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(rule.id)) problems.id = 'Use lower-case letters, numbers and hyphens'
  if (!Number.isInteger(rule.months) || rule.months < 1 || rule.months > 1200)
    problems.months = 'Enter a whole number of months from 1 to 1200'
  if (rule.action !== 'delete' && rule.action !== 'anonymise') problems.action = 'Choose delete or anonymise'
  if (rule.reason.trim().length < 10) problems.reason = 'Give the reason for keeping records this long'
  return problems
}
