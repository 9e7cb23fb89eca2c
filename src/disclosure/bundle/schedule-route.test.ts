import { describe, expect, it } from 'vitest'
import type { AppliedRedaction } from '../redact/index.js'
import { scheduleEntries } from './assemble.js'
import { scheduleBlocks } from './schedule.js'
import { bundleWording } from './wording.js'

// uk-rules §6, §9: a law-enforcement (DPA 2018 Part 3) response is given under s.45 and its restrictions, never the
// UK GDPR; a UK GDPR response under Art 15 with the exemptions of Schedules 2–4. The bundle's schedule says which,
// and cites every code in that route's law (a code usable on both routes, such as "not personal data", too).

const removed = (exemptionCode: string): AppliedRedaction => ({ page: 0, kind: 'PERSON', exemptionCode })
const placed = [{ title: 'Log', kind: 'pdf' as const, bodyIndex: 0, pageCount: 1, redactions: [removed('NOT_PD')] }]
const fallback = { code: 'S2P3_16_THIRD', citation: 'DPA 2018 Sch 2 Part 3 para 16' }
const textOf = (blocks: { text: string }[]) => blocks.map((b) => b.text).join('\n')

describe('the redaction schedule cites the law of the case’s route', () => {
  it('a Part 3 bundle names s.45 and its restrictions and never the UK GDPR', () => {
    const entries = scheduleEntries([], 2, placed, fallback, 'DPA_PART3')
    expect(entries[0]?.citation).toBe('DPA 2018 s.3(2)')
    const text = textOf(scheduleBlocks(entries, [], 'DPA_PART3'))
    expect(text).toContain('under section 45 of the Data Protection Act 2018')
    expect(text).toContain('section 44(4), 45(4) or 45A')
    expect(text).not.toContain('UK GDPR')
  })

  it('a UK GDPR bundle names Article 15 and Schedules 2 to 4', () => {
    const entries = scheduleEntries([], 2, placed, fallback, 'UK_GDPR')
    expect(entries[0]?.citation).toBe('UK GDPR Art 4(1)')
    const text = textOf(scheduleBlocks(entries, [], 'UK_GDPR'))
    expect(text).toContain('under the UK GDPR (Article 15, the right of access)')
    expect(text).toContain('Schedules 2 to 4 to the Data Protection Act 2018')
    expect(text).not.toContain('section 45')
  })

  it('the route’s sentence is the bundle’s own wording, so the verifier never reads it as a leak', () => {
    expect(bundleWording([], 1, 'DPA_PART3').join(' ')).toContain('under section 45 of the Data Protection Act 2018')
  })
})
