import { describe, expect, it } from 'vitest'
import { defaultClockSettings } from '../clock/index.js'
import { calendar, harness, logCommand } from './case-fixtures.js'
import { clockOf } from './clock-of-case.js'
import { describeEvent } from './describe-event.js'

// Issue 14: richer appeal decisions. uk-rules §2: 20 working days, 40 for a complex review (FOIA s.45 Code practice,
// applied as local policy); Mon 2025-12-15 + 20 working days is Thu 2026-01-15.
const reviewOf = (receivedAt: string) =>
  logCommand({ id: 'review-1', caseType: 'review', right: undefined, parentCaseId: 'case-1', receivedAt })

describe('a complex review extended to 40 working days', () => {
  it('moves the decision to the 40th working day after receipt, with the reasons in the clock’s explanation', () => {
    const h = harness('2025-12-15')
    h.run(reviewOf('2025-12-15T09:00:00Z'))
    h.run(
      { type: 'Extend', ground: 'complexity', reasons: 'Video to review again and legal advice needed' },
      '2026-01-05',
    )
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-01-05')
    // 40 working days on from Mon 15 Dec 2025 (E&W: Christmas, Boxing Day and New Year's Day excluded).
    expect(clock.due).toBe('2026-02-12')
    expect(clock.explanation.join(' ')).toContain('Video to review again and legal advice needed')
    expect(describeEvent(h.events.at(-1)!)).toContain('Review extended to 40 working days because it is complex')
  })

  it('is refused once the 20 working days are over, on any ground but complexity, without reasons, or twice', () => {
    const h = harness('2025-12-15')
    h.run(reviewOf('2025-12-15T09:00:00Z'))
    const extend = {
      type: 'Extend',
      ground: 'complexity',
      reasons: 'A great deal of material to look at again',
    } as const
    expect(h.attempt(extend, '2026-01-16')).toMatchObject({ ok: false, error: { code: 'extension-too-late' } })
    expect(h.attempt({ ...extend, ground: 'number' }, '2026-01-05')).toMatchObject({ ok: false })
    expect(h.attempt({ ...extend, reasons: '' }, '2026-01-05')).toMatchObject({ ok: false })
    expect(h.attempt(extend, '2026-01-15')).toMatchObject({ ok: true })
    h.run(extend, '2026-01-15')
    expect(h.attempt(extend, '2026-01-15')).toMatchObject({ ok: false, error: { code: 'extension-already-given' } })
  })
})

describe('an appeal partly upheld', () => {
  it('has its own outcome, names who sends it, and gives them the case', () => {
    const h = harness('2026-03-02')
    h.run(reviewOf('2026-03-02T09:00:00Z'))
    const decide = { type: 'DecideReview', upheld: true, partly: true, reasons: 'Some records were missed' } as const
    h.run({ ...decide, senderId: 'dpm' }, '2026-03-20', 'ceo')
    expect(h.state).toMatchObject({
      outcome: 'review-partly-upheld',
      assigneeId: 'dpm',
      reviewDecision: { upheld: true, partly: true, senderId: 'dpm' },
    })
    expect(describeEvent(h.events.at(-1)!)).toBe('Review decided: review partly upheld. Outcome to be sent by dpm')
  })

  it('cannot be "partly" not upheld', () => {
    const h = harness('2026-03-02')
    h.run(reviewOf('2026-03-02T09:00:00Z'))
    const decide = { type: 'DecideReview', upheld: false, partly: true, reasons: 'Some records were missed' } as const
    expect(h.attempt(decide, '2026-03-20', 'ceo')).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
