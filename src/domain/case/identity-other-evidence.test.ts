import { describe, expect, it } from 'vitest'
import { harness, logCommand } from './case-fixtures.js'

// UK GDPR Art 12(6), DPA s.52(4): identity needs only what removes reasonable doubt; the document table is policy.
describe('an officer accepts other evidence of identity, with a recorded reason', () => {
  const verify = {
    type: 'RecordIdentityVerified',
    verifiedOn: '2026-03-05',
    verifierId: 'corr',
    receivedOn: '2026-03-05',
  } as const

  function awaitingIdentity() {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({ type: 'RequestIdentity', rationale: 'No listed documents' }, '2026-03-02')
    return h
  }

  it('records what was accepted and why, restarts the clock and shows it on the case', () => {
    const h = awaitingIdentity()
    const otherEvidence = {
      description: 'Letter from the refuge support worker',
      reason: 'Known to the worker for a year',
    }
    h.run({ ...verify, documentsSeen: [], otherEvidence }, '2026-03-05')
    expect(h.state.identity).toMatchObject({ documentsSeen: [], otherEvidence })
    expect(h.state.status).not.toBe('awaiting-identity')
    expect(h.events.at(-1)).toMatchObject({ type: 'IdentityVerified', otherEvidence, endsRestart: true })
  })

  it('refuses other evidence without a reason, and no evidence at all', () => {
    const h = awaitingIdentity()
    const noReason = h.attempt(
      {
        ...verify,
        documentsSeen: [],
        otherEvidence: { description: 'A letter', reason: ' ' },
      },
      '2026-03-05',
    )
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { otherEvidenceReason: expect.any(String) } },
    })
    const nothing = h.attempt({ ...verify, documentsSeen: [] }, '2026-03-05')
    expect(nothing).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { documentsSeen: expect.any(String) } },
    })
  })
})
