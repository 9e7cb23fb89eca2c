import { describe, expect, it } from 'vitest'
import { clockOf } from './clock-of-case.js'
import { calendar, harness, logCommand, OWN_ID } from './case-fixtures.js'
import { decide } from './decide.js'
import { describeEvent } from './events.js'
import { replay } from './evolve.js'
import { defaultClockSettings } from '../clock/index.js'

describe('a subject access request from start to finish', () => {
  it('passes through every status of a rights request and ends closed', () => {
    const h = harness('2026-03-02')
    const statuses: string[] = []
    const step = (...args: Parameters<typeof h.run>) => {
      h.run(...args)
      statuses.push(h.state.status)
    }
    step(logCommand())
    step({ type: 'Acknowledge' }, '2026-03-02', 'corr')
    step({ type: 'RequestIdentity', rationale: 'Office policy: always confirm identity' }, '2026-03-02', 'corr')
    step(
      {
        type: 'RecordIdentityVerified',
        documentsSeen: OWN_ID,
        verifiedOn: '2026-03-04',
        verifierId: 'corr',
        receivedOn: '2026-03-04',
      },
      '2026-03-04',
      'corr',
    )
    step({ type: 'RequestClarification', question: 'Which years do the emails cover?' }, '2026-03-05')
    step({ type: 'RecordClarificationReceived', receivedOn: '2026-03-09', summary: '2024 and 2025' }, '2026-03-09')
    step({ type: 'Assign', assigneeId: 'dp' }, '2026-03-09', 'reviewer')
    step({ type: 'SubmitDraft', version: 1, summary: 'Disclosure with third-party names removed' }, '2026-03-20')
    step({ type: 'Approve' }, '2026-03-23', 'reviewer')
    step(
      {
        type: 'RecordResponseSent',
        channel: 'email',
        outcome: 'disclosed-in-part',
        sentOn: '2026-03-23',
        exemptionCodes: ['S2P3_16_THIRD'],
      },
      '2026-03-23',
    )
    step({ type: 'Close' }, '2026-03-24')

    expect(statuses).toEqual([
      'received',
      'received',
      'awaiting-identity',
      'in-progress',
      'awaiting-clarification',
      'in-progress',
      'in-progress',
      'in-review',
      'approved',
      'responded',
      'closed',
    ])
    expect(h.state).toMatchObject({
      outcome: 'disclosed-in-part',
      acknowledgedOn: '2026-03-02',
      closedOn: '2026-03-24',
    })
    expect(h.state.identity).toEqual({ documentsSeen: OWN_ID, verifiedOn: '2026-03-04', verifierId: 'corr' })
    expect(h.state.version).toBe(h.events.length)
  })

  it('starts work directly when nothing needs to be asked for', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({ type: 'StartWork' })
    expect(h.state.status).toBe('in-progress')
  })

  it('waits for authority and then for a fee before work goes on', () => {
    const h = harness('2026-03-02')
    h.run(
      logCommand({
        requesterType: 'solicitor-or-agent',
        representative: { name: 'Sam Law', relationship: 'solicitor' },
      }),
    )
    h.run({ type: 'RequestAuthority', note: 'Signed authority from the client' })
    expect(h.state.status).toBe('awaiting-authority')
    h.run(
      { type: 'RecordAuthorityReceived', documentType: 'signed-written-authority', receivedOn: '2026-03-06' },
      '2026-03-06',
    )
    expect(h.state.status).toBe('in-progress')
    h.run(
      {
        type: 'RequestFee',
        amountPence: 5000,
        basis: 'Repeat request within a month',
        breakdown: { hours: 2, ratePence: 2500, disbursementsPence: 0 },
      },
      '2026-03-06',
    )
    expect(h.state.status).toBe('awaiting-fee')
    h.run({ type: 'RecordFeePaid', paidOn: '2026-03-10' }, '2026-03-10')
    expect(h.state.status).toBe('in-progress')
    expect(h.state.fee?.paidOn).toBe('2026-03-10')
  })

  it('shows the first outstanding item while several are awaited', () => {
    const h = harness('2026-03-02')
    h.run(
      logCommand({
        requesterType: 'attorney-or-deputy',
        representative: { name: 'Jo Attorney', relationship: 'attorney' },
      }),
    )
    h.run({ type: 'RequestAuthority' })
    h.run({ type: 'RequestIdentity' })
    expect(h.state.status).toBe('awaiting-identity')
    const docs = [
      { party: 'subject' as const, documentType: 'passport' },
      { party: 'representative' as const, documentType: 'driving-licence' },
    ]
    h.run(
      {
        type: 'RecordIdentityVerified',
        documentsSeen: docs,
        verifiedOn: '2026-03-05',
        verifierId: 'corr',
        receivedOn: '2026-03-05',
      },
      '2026-03-05',
    )
    expect(h.state.status).toBe('awaiting-authority')
  })

  it('rebuilds the same state from its events, as plain JSON', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({ type: 'RequestIdentity' })
    h.run(
      {
        type: 'RecordIdentityVerified',
        documentsSeen: OWN_ID,
        verifiedOn: '2026-03-03',
        verifierId: 'corr',
        receivedOn: '2026-03-03',
      },
      '2026-03-03',
    )
    expect(replay(h.events)).toEqual(h.state)
    expect(JSON.parse(JSON.stringify(h.state))).toEqual(h.state)
  })

  it('describes every event in plain English for the timeline', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({
      type: 'RecordIdentityVerified',
      documentsSeen: OWN_ID,
      verifiedOn: '2026-03-02',
      verifierId: 'corr',
      receivedOn: '2026-03-02',
    })
    expect(h.events.map(describeEvent)).toEqual([
      'Request received by email on 2 March 2026',
      'Identity verified: valid passport, utility bill (under 3 months old) (seen by corr)',
    ])
  })
})

describe('logging a request', () => {
  it('takes the received date from Europe/London, so a late-evening arrival in BST counts as the next day', () => {
    const h = harness('2026-03-30')
    h.run(logCommand({ receivedAt: '2026-03-29T23:30:00Z' }))
    expect(h.state.receivedOn).toBe('2026-03-30')
  })

  it('refuses a second LogRequest for an existing case, and any other command before one', () => {
    const h = harness('2026-03-02')
    expect(h.attempt({ type: 'StartWork' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    h.run(logCommand())
    expect(h.attempt(logCommand())).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('refuses portability and objection under the law-enforcement route, where they do not exist', () => {
    for (const right of ['portability', 'objection'] as const) {
      const result = decide(null, logCommand({ right, route: 'DPA_PART3' }), { ...contextToday() })
      expect(result).toMatchObject({ ok: false, error: { code: 'right-not-available' } })
    }
  })

  it('needs a representative for anyone acting for someone else, and none for a person asking for themselves', () => {
    const ctx = contextToday()
    expect(decide(null, logCommand({ requesterType: 'parent-of-child-under-12' }), ctx)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    const withRep = logCommand({ representative: { name: 'Pat', relationship: 'friend' } })
    expect(decide(null, withRep, ctx)).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('refuses a request said to arrive in the future', () => {
    const result = decide(null, logCommand({ receivedAt: '2026-03-09T09:00:00Z' }), contextToday())
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { receivedAt: expect.any(String) } },
    })
  })

  it('refuses a request said to arrive before the UK GDPR and DPA 2018 applied (25 May 2018), such as in year 1', () => {
    for (const receivedAt of ['0001-03-02T09:00:00Z', '2018-05-24T12:00:00Z']) {
      expect(decide(null, logCommand({ receivedAt }), contextToday())).toMatchObject({
        ok: false,
        error: { code: 'validation', fields: { receivedAt: expect.stringContaining('25 May 2018') } },
      })
    }
    expect(decide(null, logCommand({ receivedAt: '2018-05-25T08:00:00Z' }), contextToday()).ok).toBe(true)
  })

  it('computes a due date from the logged request alone', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    expect(clockOf(h.state, calendar, defaultClockSettings, '2026-03-02').due).toBe('2026-04-02')
  })
})

function contextToday() {
  return {
    now: new Date('2026-03-02T12:00:00Z'),
    today: '2026-03-02',
    actorId: 'corr',
    actorRoles: ['correspondence' as const],
    calendar,
    clockSettings: defaultClockSettings,
  }
}
