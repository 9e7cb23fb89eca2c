import { describe, expect, it } from 'vitest'
import { calendar, verifiedAccessRequest } from '../case/case-fixtures.js'
import { clockOf } from '../case/clock-of-case.js'
import { defaultClockSettings } from '../clock/index.js'
import { statisticsOf } from './statistics.js'

// The disposal record keeps these so the compliance figures for past months do not change when a case is destroyed.
describe('the statistics kept in a disposal record', () => {
  it('keeps the dates every figure counts by, and no personal data', () => {
    const h = verifiedAccessRequest({ subject: { name: 'Alex Example', email: 'alex@example.org' } })
    h.run({ type: 'StartWork' }, '2026-03-03')
    h.run({ type: 'RequestClarification', question: 'Which years?' }, '2026-03-04')
    h.run({ type: 'RecordClarificationReceived', receivedOn: '2026-03-10' }, '2026-03-10')
    h.run({ type: 'Extend', ground: 'complexity', reasons: 'Records in three places' }, '2026-03-20')
    h.run({ type: 'SubmitDraft', version: 1, summary: 'Response' }, '2026-04-20')
    h.run({ type: 'Approve' }, '2026-04-21', 'reviewer')
    h.run(
      {
        type: 'RecordResponseSent',
        channel: 'email',
        outcome: 'disclosed-in-part',
        sentOn: '2026-04-22',
        exemptionCodes: ['S2P3_16_THIRD'],
      },
      '2026-04-22',
    )
    const stats = statisticsOf(h.state, clockOf(h.state, calendar, defaultClockSettings, '2026-04-22'))
    expect(stats).toMatchObject({
      caseType: 'rights-request',
      right: 'access',
      channel: 'email',
      receivedOn: '2026-03-02',
      respondedOn: '2026-04-22',
      onTime: true,
      outcome: 'disclosed-in-part',
      extensionGround: 'complexity',
      extendedOn: '2026-03-20',
      pauses: [{ requestedOn: '2026-03-04', resolvedOn: '2026-03-10' }],
      pausedDays: 7,
      exemptionCodes: ['S2P3_16_THIRD'],
      refusedOn: null,
      withdrawnOn: null,
      reviewDecidedOn: null,
      complaintOutcomeOn: null,
    })
    const text = JSON.stringify(stats)
    for (const personal of ['Alex', 'alex@example.org', 'Which years?', 'Records in three places'])
      expect(text).not.toContain(personal)
  })

  it('records when a request was withdrawn or refused', () => {
    const withdrawn = verifiedAccessRequest()
    withdrawn.run({ type: 'Withdraw', reason: 'Resolved informally' }, '2026-03-06')
    const w = statisticsOf(withdrawn.state, clockOf(withdrawn.state, calendar, defaultClockSettings, '2026-03-06'))
    expect(w).toMatchObject({ withdrawn: true, withdrawnOn: '2026-03-06', respondedOn: null })

    const refused = verifiedAccessRequest()
    refused.run(
      { type: 'Refuse', basis: 'manifestly-unfounded', justification: 'An attempt to harass staff' },
      '2026-03-12',
    )
    const r = statisticsOf(refused.state, clockOf(refused.state, calendar, defaultClockSettings, '2026-03-12'))
    expect(r).toMatchObject({ refusalBasis: 'manifestly-unfounded', refusedOn: '2026-03-12' })
  })
})
