import { MONTH_NAMES, type RetentionRule } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { textOr } from '../../render.js'

/** "2 years", "18 months", "1 year and 6 months": how long a rule keeps a case, as people say it. */
export function durationText(months: number): string {
  const m = (n: number) => (n === 1 ? text('retention.duration.oneMonth') : text('retention.duration.months', { n }))
  if (months < 12) return m(months)
  const years = Math.floor(months / 12)
  const y = years === 1 ? text('retention.duration.oneYear') : text('retention.duration.years', { n: years })
  return months % 12 === 0 ? y : text('retention.duration.yearsAndMonths', { years: y, months: m(months % 12) })
}

/** "November 2026" for 2026-11. */
export function monthText(month: string): string {
  const [y, mm] = month.split('-')
  return `${MONTH_NAMES[Number(mm) - 1] ?? ''} ${y ?? ''}`.trim()
}

export function caseTypeText(caseType: string): string {
  return textOr(`casework.caseTypes.${caseType}`, caseType)
}

export function outcomeText(outcome: string | null): string {
  return outcome ? textOr(`retention.outcomes.${outcome}`, outcome) : ''
}

/**
 * Which rule of the case type applied ("Any outcome", "Refused under an exemption"), or its id when the rule has
 * since gone. Beside the case type, that names the rule without repeating it on every row.
 */
export function ruleText(rules: readonly RetentionRule[], ruleId: string): string {
  const rule = rules.find((r) => r.id === ruleId)
  return rule ? outcomeText(rule.outcome) : ruleId
}
