import { describe, expect, it } from 'vitest'
import { calendar, verifiedAccessRequest } from '../../../domain/case/case-fixtures.js'
import { clockOf, defaultClockSettings } from '../../../domain/index.js'
import { caseSummary } from './summary.js'

// Issue 13: a law-enforcement case page used to say "Rules that apply: Article 12A UK GDPR". Part 3 cases are
// governed by DPA 2018 s.45 and s.54 (uk-rules §9), and the old s.54 had no extension (§1.1).

function summaryOf(route: 'UK_GDPR' | 'DPA_PART3', receivedAt: string) {
  const state = verifiedAccessRequest({ route, receivedAt }).state
  const clock = clockOf(state, calendar, defaultClockSettings, state.receivedOn)
  return caseSummary({ state, clock, waitingFor: null, timeline: [] }, state.receivedOn)
}

describe('the rules a case page says apply', () => {
  it('a Part 3 case received from 5 February 2026 cites DPA 2018 Part 3, not the UK GDPR', () => {
    const s = summaryOf('DPA_PART3', '2026-03-02T10:00:00Z')
    expect(s.regime).toContain('DPA 2018 Part 3')
    expect(s.regime).not.toContain('UK GDPR')
    expect(s.explanation.join(' ')).toContain('DPA 2018 s.54')
    expect(s.explanation.join(' ')).not.toContain('UK GDPR')
  })

  it('a Part 3 case received before 5 February 2026 says the old s.54 applies, with no extension', () => {
    const s = summaryOf('DPA_PART3', '2026-01-20T10:00:00Z')
    expect(s.regime).toContain('section 54 as it stood before 5 February 2026')
    expect(s.regime).toContain('no extension')
    expect(s.explanation.join(' ')).toContain('cannot be extended')
  })

  it('a UK GDPR case cites Article 12A', () => {
    expect(summaryOf('UK_GDPR', '2026-03-02T10:00:00Z').regime).toContain('UK GDPR Article 12A')
  })
})
