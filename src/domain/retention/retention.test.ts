import { describe, expect, it } from 'vitest'
import type { CaseState } from '../case/types.js'
import { DEFAULT_RETENTION_RULES, disposalDecision, retentionRuleFor, validateRetentionRule } from './retention.js'

const closed = (over: Partial<CaseState> = {}): CaseState =>
  ({
    caseType: 'rights-request',
    status: 'closed',
    closedOn: '2024-01-31',
    outcome: 'disclosed-in-part',
    ...over,
  }) as CaseState

describe('the retention schedule', () => {
  it('keeps an answered access request two years after it closed, then allows disposal', () => {
    const rule = retentionRuleFor(closed(), DEFAULT_RETENTION_RULES)
    expect(rule?.id).toBe('rights-request')
    expect(disposalDecision(closed(), DEFAULT_RETENTION_RULES, '2026-01-31', false)).toMatchObject({
      eligible: false,
      why: 'within-retention',
      retainUntil: '2026-01-31',
    })
    expect(disposalDecision(closed(), DEFAULT_RETENTION_RULES, '2026-02-01', false)).toMatchObject({ eligible: true })
  })

  it('prefers the rule for the outcome over the rule for the case type (refusals kept longer, anonymised)', () => {
    const refused = closed({ outcome: 'refused-exemption' })
    expect(retentionRuleFor(refused, DEFAULT_RETENTION_RULES)).toMatchObject({
      id: 'rights-request-refused',
      action: 'anonymise',
    })
    expect(disposalDecision(refused, DEFAULT_RETENTION_RULES, '2027-01-01', false).eligible).toBe(false)
  })

  it('never disposes of a case under a legal hold, however old', () => {
    expect(disposalDecision(closed(), DEFAULT_RETENTION_RULES, '2040-01-01', true)).toMatchObject({
      eligible: false,
      why: 'legal-hold',
    })
  })

  it('never disposes of an open case', () => {
    expect(
      disposalDecision(closed({ status: 'in-progress' }), DEFAULT_RETENTION_RULES, '2040-01-01', false),
    ).toMatchObject({
      eligible: false,
      why: 'open',
    })
  })

  it('counts retention from withdrawal for a withdrawn request', () => {
    const withdrawn = closed({
      status: 'withdrawn',
      closedOn: undefined,
      withdrawal: { reason: 'x', on: '2023-05-31' },
    })
    expect(disposalDecision(withdrawn, DEFAULT_RETENTION_RULES, '2025-06-01', false)).toMatchObject({ eligible: true })
  })

  it('explains what is wrong with a bad rule', () => {
    const bad = { ...DEFAULT_RETENTION_RULES[0]!, id: 'Bad Id', months: 0, reason: 'short' }
    expect(Object.keys(validateRetentionRule(bad)).sort()).toEqual(['id', 'months', 'reason'])
  })
})
