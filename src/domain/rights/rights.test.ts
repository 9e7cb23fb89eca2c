import { describe, expect, it } from 'vitest'
import { missingDetails, rightAvailable, rightDefinitions, RIGHTS } from './rights.js'

describe('the seven rights', () => {
  it('defines each right once, with its article', () => {
    expect(rightDefinitions().map((d) => d.right)).toEqual(RIGHTS)
    expect(rightDefinitions().map((d) => d.article)).toEqual([
      'UK GDPR Art 15',
      'UK GDPR Art 16',
      'UK GDPR Art 17',
      'UK GDPR Art 18',
      'UK GDPR Art 20',
      'UK GDPR Art 21',
      'UK GDPR Arts 22A–22D',
    ])
  })

  it('lets only access requests pause for clarification (Art 12A(5))', () => {
    expect(
      rightDefinitions()
        .filter((d) => d.clarificationPauseApplies)
        .map((d) => d.right),
    ).toEqual(['access'])
  })

  it('has no portability or objection under DPA 2018 Part 3', () => {
    expect(RIGHTS.filter((r) => !rightAvailable(r, 'DPA_PART3'))).toEqual(['portability', 'objection'])
    expect(RIGHTS.every((r) => rightAvailable(r, 'UK_GDPR'))).toBe(true)
  })

  it('lists what the requester still has to tell us', () => {
    expect(missingDetails('rectification', { inaccurateData: 'My date of birth', correction: ' ' })).toEqual([
      'What it should say',
    ])
  })
})
