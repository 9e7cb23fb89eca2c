import { describe, expect, it } from 'vitest'
import { defaultClockSettings } from '../clock/index.js'
import { calendar, harness, logCommand, verifiedAccessRequest } from './case-fixtures.js'
import { clockOf } from './clock-of-case.js'
import { waitingFor, waitingItems } from './waiting-for.js'

describe('the clock of a rights request, explained', () => {
  it('explains the dates in plain sentences and counts the days left', () => {
    const h = verifiedAccessRequest()
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-03-30')
    expect(clock).toMatchObject({
      kind: 'statutory',
      running: true,
      due: '2026-04-02',
      noticeDeadline: '2026-04-02',
      daysLeft: 3,
      regime: 'ART12A',
    })
    expect(clock.explanation[0]).toMatch(
      /^Received on Monday 2 March 2026\. The day it arrived counts as the first day/,
    )
    expect(clock.explanation).toContain('The response is due by the end of Thursday 2 April 2026.')
    expect(clock.explanation).toContain('3 days left.')
  })

  it('says when the due date moved off a weekend or bank holiday', () => {
    const h = verifiedAccessRequest({ receivedAt: '2026-03-03T09:00:00Z' })
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-03-03')
    expect(clock.due).toBe('2026-04-07')
    expect(clock.explanation.join(' ')).toContain('Friday 3 April 2026 is not a working day')
  })

  it('counts overdue days as negative', () => {
    const h = verifiedAccessRequest()
    expect(clockOf(h.state, calendar, defaultClockSettings, '2026-04-06')).toMatchObject({ daysLeft: -4 })
  })

  it('while identity is awaited the clock has not started and the dates are provisional', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({ type: 'RequestIdentity' })
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-03-05')
    expect(clock.awaitingRestart).toBe(true)
    expect(clock.explanation.join(' ')).toContain('still waiting')
    expect(waitingFor(h.state)).toBe('Waiting since 2 March 2026 for proof of identity from the requester.')
  })

  it('an open clarification pause shows the clock as paused and what we are waiting for', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'RequestClarification', question: 'Which years?' }, '2026-03-04')
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-03-06')
    expect(clock).toMatchObject({ paused: true, pausedDays: 3, due: '2026-04-07' })
    expect(waitingItems(h.state)).toEqual([{ kind: 'clarification', since: '2026-03-04', text: expect.any(String) }])
  })

  it('a law-enforcement request from before 5 February 2026 shows no extension notice date', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3', receivedAt: '2026-02-04T10:00:00Z' })
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-02-04')
    expect(clock).toMatchObject({ regime: 'PRE_DUAA', due: '2026-03-04' })
    expect(clock.noticeDeadline).toBeUndefined()
    expect(clock.explanation.join(' ')).toContain('cannot be extended')
  })

  it('stops once the response is sent, and says whether it was in time', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Redirect', to: 'other-controller', controllerName: 'Northshire Police', note: 'Police records' })
    h.run({
      type: 'RecordResponseSent',
      channel: 'email',
      outcome: 'redirected-other-controller',
      sentOn: '2026-03-02',
    })
    const clock = clockOf(h.state, calendar, defaultClockSettings, '2026-05-01')
    expect(clock).toMatchObject({ running: false, daysLeft: null, due: '2026-04-02' })
    expect(clock.explanation.at(-1)).toBe('Answered on 2 March 2026, within the deadline: the clock has stopped.')
    expect(waitingFor(h.state)).toBe('Nothing: the next step is ours.')
  })
})
