import { describe, expect, it } from 'vitest'
import { harness, logCommand, OWN_ID } from './case-fixtures.js'
import type { Command } from './commands.js'

// Seed 002 "Responding to a SAR": email responses are password protected and the password follows separately
// after identity is confirmed; post goes double enveloped, with a disclaimer, by special delivery.

function approvedCase() {
  const h = harness('2026-03-02')
  h.run(logCommand())
  h.run({
    type: 'RecordIdentityVerified',
    documentsSeen: OWN_ID,
    verifiedOn: '2026-03-02',
    verifierId: 'corr',
    receivedOn: '2026-03-02',
  })
  h.run({ type: 'StartWork' })
  h.run({ type: 'SubmitDraft', version: 1, summary: 'Disclosure' })
  h.run({ type: 'Approve' }, '2026-03-03', 'reviewer')
  return h
}

const encrypted: Command = {
  type: 'RecordResponseSent',
  channel: 'email',
  outcome: 'disclosed-in-full',
  sentOn: '2026-03-04',
  delivery: { method: 'encrypted-email', documentIds: ['doc-1'] },
}

describe('secure delivery of a response', () => {
  it('records an encrypted email response and then the password release, and only then allows closing', () => {
    const h = approvedCase()
    h.run(encrypted, '2026-03-04')
    expect(h.state.response?.delivery).toEqual({ method: 'encrypted-email', documentIds: ['doc-1'] })
    const early = h.attempt({ type: 'Close' }, '2026-03-04')
    expect(early.ok ? 'closed' : early.error.code).toBe('invalid-transition')
    h.run(
      { type: 'RecordPasswordReleased', via: 'phone-call', identityConfirmedHow: 'Called the verified number' },
      '2026-03-05',
    )
    expect(h.state.response?.passwordRelease).toMatchObject({ via: 'phone-call', releasedOn: '2026-03-05' })
    h.run({ type: 'Close' }, '2026-03-05')
    expect(h.state.status).toBe('closed')
  })

  it('refuses a second release, a release with no reason, and a release when nothing was encrypted', () => {
    const h = approvedCase()
    const release: Command = { type: 'RecordPasswordReleased', via: 'separate-email', identityConfirmedHow: 'short' }
    const none = h.attempt(release)
    expect(none.ok ? 'ok' : none.error.code).toBe('invalid-transition')
    h.run(encrypted, '2026-03-04')
    const vague = h.attempt(release, '2026-03-04')
    expect(vague.ok ? 'ok' : vague.error.code).toBe('validation')
    h.run({ ...release, identityConfirmedHow: 'Asked the security questions agreed on the phone' }, '2026-03-04')
    const again = h.attempt({ ...release, identityConfirmedHow: 'Asked the questions again today' }, '2026-03-04')
    expect(again.ok ? 'ok' : again.error.code).toBe('conflict')
  })

  it('requires the sensitive information protocol for any response sent by post', () => {
    const h = approvedCase()
    const post = (doubleEnvelope: boolean, ref: string): Command => ({
      type: 'RecordResponseSent',
      channel: 'post',
      outcome: 'disclosed-in-full',
      sentOn: '2026-03-04',
      delivery: {
        method: 'post',
        documentIds: [],
        doubleEnvelope,
        disclaimerIncluded: true,
        specialDeliveryReference: ref,
      },
    })
    const single = h.attempt(post(false, 'AB123456789GB'), '2026-03-04')
    expect(single.ok ? 'ok' : Object.keys(single.error.fields)).toEqual(['doubleEnvelope'])
    const noRef = h.attempt(post(true, ''), '2026-03-04')
    expect(noRef.ok ? 'ok' : Object.keys(noRef.error.fields)).toEqual(['specialDeliveryReference'])
    h.run(post(true, 'AB 12345678 9GB'), '2026-03-04')
    expect(h.state.status).toBe('responded')
  })

  it('refuses a delivery that does not match the channel', () => {
    const h = approvedCase()
    const result = h.attempt({ ...encrypted, channel: 'post' } as Command, '2026-03-04')
    expect(result.ok ? 'ok' : result.error.code).toBe('validation')
  })
})
