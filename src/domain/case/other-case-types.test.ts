import { describe, expect, it } from 'vitest'
import { defaultClockSettings } from '../clock/index.js'
import { calendar, harness, logCommand, verifiedAccessRequest } from './case-fixtures.js'
import { clockOf } from './clock-of-case.js'

const reviewOf = (receivedAt: string) =>
  logCommand({ id: 'review-1', caseType: 'review', right: undefined, parentCaseId: 'case-1', receivedAt })

describe('reviews: appeals against a refusal, decided by the Chief Executive (seed 002)', () => {
  it('a review is due 20 working days after it arrives, counting from the next working day', () => {
    const h = harness('2025-12-15')
    h.run(reviewOf('2025-12-15T09:00:00Z'))
    expect(clockOf(h.state, calendar, defaultClockSettings, '2025-12-15')).toMatchObject({
      kind: 'review',
      due: '2026-01-15',
    })
  })

  it('a review always names the case it is about, and points back to it', () => {
    const h = harness('2026-03-02')
    expect(h.attempt({ ...reviewOf('2026-03-02T09:00:00Z'), parentCaseId: undefined })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run(reviewOf('2026-03-02T09:00:00Z'))
    expect(h.state).toMatchObject({ parentCaseId: 'case-1', links: [{ caseId: 'case-1', relation: 'concerns' }] })
  })

  it('the decision is the sign-off: a decided review is sent and closed without a separate approval', () => {
    const h = harness('2026-03-02')
    h.run(reviewOf('2026-03-02T09:00:00Z'))
    h.run({ type: 'Acknowledge' }, '2026-03-02', 'corr')
    h.run({ type: 'StartWork' })
    expect(h.attempt({ type: 'DecideReview', upheld: false, reasons: '' }, '2026-03-20', 'ceo')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ type: 'DecideReview', upheld: false, reasons: 'The exemption was correctly applied' }, '2026-03-20', 'ceo')
    expect(h.state).toMatchObject({ status: 'approved', outcome: 'review-not-upheld', approval: { approverId: 'ceo' } })
    const send = { type: 'RecordResponseSent', channel: 'email', sentOn: '2026-03-20' } as const
    expect(h.attempt({ ...send, outcome: 'review-upheld' }, '2026-03-20')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ ...send, outcome: 'review-not-upheld' }, '2026-03-20')
    h.run({ type: 'Close' }, '2026-03-20')
    expect(h.state.status).toBe('closed')
  })

  it('whoever drafted the review letter cannot also decide the review', () => {
    const h = harness('2026-03-02')
    h.run(reviewOf('2026-03-02T09:00:00Z'))
    h.run({ type: 'StartWork' }, '2026-03-02', 'ceo')
    h.run({ type: 'SubmitDraft', version: 1, summary: 'Review letter' }, '2026-03-05', 'ceo')
    expect(h.attempt({ type: 'DecideReview', upheld: true, reasons: 'Disclose' }, '2026-03-06', 'ceo')).toMatchObject({
      ok: false,
      error: { code: 'four-eyes' },
    })
    expect(h.attempt({ type: 'Approve' }, '2026-03-06', 'reviewer')).toMatchObject({
      ok: false,
      error: { code: 'wrong-case-type' },
    })
  })

  it('a review decision can only be recorded on a review case', () => {
    const h = verifiedAccessRequest()
    expect(h.attempt({ type: 'DecideReview', upheld: true, reasons: 'x' }, '2026-03-02', 'ceo')).toMatchObject({
      ok: false,
      error: { code: 'wrong-case-type' },
    })
  })
})

describe('complaints (DPA 2018 s.164A)', () => {
  const complaint = (receivedAt: string) =>
    logCommand({ id: 'complaint-1', caseType: 'complaint', right: undefined, receivedAt })

  it('a complaint received from 19 June 2026 must be acknowledged within 30 days', () => {
    const h = harness('2026-07-01')
    h.run(complaint('2026-07-01T09:00:00Z'))
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-07-01')
    expect(clock).toMatchObject({ kind: 'complaint', acknowledgementDue: '2026-07-31', due: '2026-10-01' })
    expect(clock.explanation.join(' ')).toContain('s.164A')
  })

  it('an earlier complaint shows the acknowledgement date as good practice, not law', () => {
    const h = harness('2026-06-01')
    h.run(complaint('2026-06-01T09:00:00Z'))
    const text = clockOf(h.state, calendar, defaultClockSettings, '2026-06-01').explanation.join(' ')
    expect(text).toContain('good practice')
  })

  it('the outcome is recorded, then the letter is drafted, approved and sent', () => {
    const h = harness('2026-07-01')
    h.run(complaint('2026-07-01T09:00:00Z'))
    h.run({ type: 'StartWork' })
    h.run({ type: 'SubmitDraft', version: 1, summary: 'Outcome letter' }, '2026-07-10')
    h.run({ type: 'Approve' }, '2026-07-10', 'reviewer')
    const send = {
      type: 'RecordResponseSent',
      channel: 'email',
      outcome: 'complaint-upheld',
      sentOn: '2026-07-10',
    } as const
    expect(h.attempt(send, '2026-07-10')).toMatchObject({ ok: false, error: { code: 'invalid-transition' } })
    h.run({ type: 'ReturnDraft', comments: 'Record the outcome first' }, '2026-07-10', 'reviewer')
    h.run(
      { type: 'RecordComplaintOutcome', upheld: true, summary: 'The response was late; process changed' },
      '2026-07-10',
    )
    h.run({ type: 'SubmitDraft', version: 2, summary: 'Outcome letter' }, '2026-07-10')
    h.run({ type: 'Approve' }, '2026-07-10', 'reviewer')
    h.run(send, '2026-07-10')
    expect(h.state).toMatchObject({ status: 'responded', outcome: 'complaint-upheld' })
  })
})

describe('regulator cases', () => {
  it('the due date is the one the regulator gave, and a later enquiry can move it', () => {
    const h = harness('2026-04-01')
    h.run(
      logCommand({
        id: 'ico-1',
        caseType: 'regulator-case',
        right: undefined,
        parentCaseId: 'case-1',
        regulatorReference: 'IC-123',
        regulatorDueOn: '2026-04-29',
        receivedAt: '2026-04-01T09:00:00Z',
      }),
    )
    expect(clockOf(h.state, calendar, defaultClockSettings, '2026-04-01')).toMatchObject({
      kind: 'regulator',
      due: '2026-04-29',
      daysLeft: 28,
    })
    h.run(
      { type: 'RecordRegulatorEnquiry', summary: 'Further questions on the search', dueOn: '2026-05-13' },
      '2026-04-20',
    )
    expect(clockOf(h.state, calendar, defaultClockSettings, '2026-04-20').due).toBe('2026-05-13')
    expect(h.state.regulator).toMatchObject({ reference: 'IC-123', enquiries: [{ on: '2026-04-20' }] })
  })

  it('only a regulator case takes regulator dates', () => {
    const h = harness('2026-04-01')
    expect(h.attempt(logCommand({ regulatorDueOn: '2026-04-29', receivedAt: '2026-04-01T09:00:00Z' }))).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})
