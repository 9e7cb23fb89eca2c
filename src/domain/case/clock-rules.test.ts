import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultClockSettings, type LocalDate } from '../clock/index.js'
import { calendar, harness, logCommand, OWN_ID, verifiedAccessRequest, type Harness } from './case-fixtures.js'
import { clockOf } from './clock-of-case.js'

const due = (h: Harness, asOf: LocalDate) => clockOf(h.state, calendar, defaultClockSettings, asOf).due
const reasons = 'Records are spread over three archived systems'

describe('what restarts and what pauses the clock', () => {
  it('identity received restarts the clock from the day it arrived (Art 12A(2)(b))', () => {
    const h = harness('2026-02-10')
    h.run(logCommand({ receivedAt: '2026-02-10T10:00:00Z' }))
    h.run({ type: 'RequestIdentity' }, '2026-02-11')
    h.run(
      {
        type: 'RecordIdentityVerified',
        documentsSeen: OWN_ID,
        verifiedOn: '2026-02-23',
        verifierId: 'corr',
        receivedOn: '2026-02-20',
      },
      '2026-02-23',
    )
    expect(h.state.restarts).toEqual([{ kind: 'identity', requestedOn: '2026-02-11', resolvedOn: '2026-02-20' }])
    expect(due(h, '2026-02-23')).toBe('2026-03-20')
  })

  it('a fee for a manifestly excessive request starts the clock when it is paid (Art 12A(2)(c))', () => {
    const h = verifiedAccessRequest({ receivedAt: '2025-06-02T10:00:00Z' })
    h.run(
      {
        type: 'RequestFee',
        amountPence: 3000,
        basis: 'Repeat of last month’s request',
        breakdown: { hours: 1, ratePence: 2500, disbursementsPence: 500 },
      },
      '2025-06-05',
    )
    expect(clockOf(h.state, calendar, defaultClockSettings, '2025-06-05').awaitingRestart).toBe(true)
    h.run({ type: 'RecordFeePaid', paidOn: '2025-06-16' }, '2025-06-16')
    expect(due(h, '2025-06-16')).toBe('2025-07-16')
  })

  it('a fee must add up from staff time and costs', () => {
    const h = verifiedAccessRequest()
    const fee = {
      type: 'RequestFee',
      amountPence: 9999,
      basis: 'Repeat request',
      breakdown: { hours: 1, ratePence: 2500, disbursementsPence: 0 },
    } as const
    expect(h.attempt(fee)).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { amountPence: expect.any(String) } },
    })
  })

  it('clarification days do not count, both ends included (Art 12A(5))', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'RequestClarification', question: 'Which department?' }, '2026-03-04')
    h.run({ type: 'RecordClarificationReceived', receivedOn: '2026-03-10' }, '2026-03-10')
    expect(due(h, '2026-03-10')).toBe('2026-04-09')
  })

  it('a declined clarification ends the pause and the search goes on', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'StartWork' })
    h.run({ type: 'RequestClarification', question: 'Which department?' }, '2026-03-04')
    h.run({ type: 'RecordClarificationDeclined', on: '2026-03-06' }, '2026-03-06')
    expect(h.state.status).toBe('in-progress')
    expect(h.state.pauses).toEqual([{ requestedOn: '2026-03-04', resolvedOn: '2026-03-06' }])
  })

  it('clarification cannot be requested for an erasure request', () => {
    const h = verifiedAccessRequest({ right: 'erasure' })
    const result = h.attempt({ type: 'RequestClarification', question: 'Which records?' })
    expect(result).toMatchObject({ ok: false, error: { code: 'clarification-not-for-this-right' } })
  })

  it('clarification is available for a law-enforcement access request (DPA s.54(3C))', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3' })
    expect(h.attempt({ type: 'RequestClarification', question: 'Which incident?' }).ok).toBe(true)
  })
})

describe('extending the deadline (Art 12A(3)–(4))', () => {
  it('an extension noticed in time gives three months from the start', () => {
    const h = verifiedAccessRequest()
    const [event] = h.run({ type: 'Extend', ground: 'complexity', reasons }, '2026-03-20')
    expect(event).toMatchObject({ type: 'DeadlineExtended', noticeGivenOn: '2026-03-20', due: '2026-06-02' })
    expect(due(h, '2026-03-20')).toBe('2026-06-02')
  })

  it('an extension given after the notice deadline is refused', () => {
    const h = verifiedAccessRequest()
    const result = h.attempt({ type: 'Extend', ground: 'complexity', reasons }, '2026-04-03')
    expect(result).toMatchObject({ ok: false, error: { code: 'extension-too-late' } })
  })

  it('an extension recorded after the deadline is refused even when the notice is said to be earlier', () => {
    const h = verifiedAccessRequest()
    const result = h.attempt({ type: 'Extend', ground: 'number', reasons, noticeGivenOn: '2026-04-01' }, '2026-04-03')
    expect(result).toMatchObject({ ok: false, error: { code: 'extension-too-late' } })
  })

  it('a clarification pause also moves the extension notice deadline', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'RequestClarification', question: 'Which department?' }, '2026-03-04')
    h.run({ type: 'RecordClarificationReceived', receivedOn: '2026-03-10' }, '2026-03-10')
    expect(h.attempt({ type: 'Extend', ground: 'complexity', reasons }, '2026-04-09').ok).toBe(true)
  })

  it('a request can only be extended once', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Extend', ground: 'complexity', reasons }, '2026-03-10')
    const result = h.attempt({ type: 'Extend', ground: 'number', reasons }, '2026-03-11')
    expect(result).toMatchObject({ ok: false, error: { code: 'extension-already-given' } })
  })

  it('an extension must give reasons', () => {
    const h = verifiedAccessRequest()
    expect(h.attempt({ type: 'Extend', ground: 'complexity', reasons: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })

  it('a law-enforcement request received before 5 February 2026 cannot be extended (old s.54)', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3', receivedAt: '2026-02-04T10:00:00Z' })
    const result = h.attempt({ type: 'Extend', ground: 'complexity', reasons }, '2026-02-10')
    expect(result).toMatchObject({ ok: false, error: { code: 'extension-not-allowed' } })
  })

  it('a UK GDPR request received before 5 February 2026 can still be extended (old Art 12(3))', () => {
    const h = verifiedAccessRequest({ receivedAt: '2026-02-04T10:00:00Z' })
    expect(h.attempt({ type: 'Extend', ground: 'complexity', reasons }, '2026-02-10').ok).toBe(true)
  })

  it('a law-enforcement request received from 5 February 2026 can be extended (new s.54)', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3' })
    expect(h.attempt({ type: 'Extend', ground: 'complexity', reasons }, '2026-03-10').ok).toBe(true)
  })
})

interface Vector {
  received: LocalDate
  clockStops: { type: 'identity' | 'fee' | 'authority' | 'clarification'; requested: LocalDate; resolved: LocalDate }[]
  extended: boolean
  expectedDue: LocalDate
  note: string
}

function vectors(): Vector[] {
  const spec = readFileSync(new URL('../../../../shared/spec/uk-rules.md', import.meta.url), 'utf8')
  const section = spec.slice(spec.indexOf('### 11.4'))
  const json = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7))
  return JSON.parse(json) as Vector[]
}

function drive(v: Vector): Harness {
  const h = harness(v.received)
  h.run(logCommand({ receivedAt: `${v.received}T09:00:00Z` }))
  if (v.extended) h.run({ type: 'Extend', ground: 'complexity', reasons }, v.received)
  for (const stop of v.clockStops) {
    if (stop.type === 'clarification') {
      h.run({ type: 'RequestClarification', question: 'Which records?' }, stop.requested)
      h.run({ type: 'RecordClarificationReceived', receivedOn: stop.resolved }, stop.resolved)
    } else if (stop.type === 'identity') {
      h.run({ type: 'RequestIdentity' }, stop.requested)
      h.run(
        {
          type: 'RecordIdentityVerified',
          documentsSeen: OWN_ID,
          verifiedOn: stop.resolved,
          verifierId: 'corr',
          receivedOn: stop.resolved,
        },
        stop.resolved,
      )
    } else if (stop.type === 'fee') {
      h.run(
        {
          type: 'RequestFee',
          amountPence: 1000,
          basis: 'Excessive',
          breakdown: { hours: 0, ratePence: 0, disbursementsPence: 1000 },
        },
        stop.requested,
      )
      h.run({ type: 'RecordFeePaid', paidOn: stop.resolved }, stop.resolved)
    }
  }
  return h
}

describe('the deadline vectors of uk-rules §11.4, driven through commands', () => {
  it.each(vectors().map((v) => [v.note, v] as const))('%s', (_note, v) => {
    const h = drive(v)
    expect(due(h, v.expectedDue)).toBe(v.expectedDue)
  })
})
