import { describe, expect, it } from 'vitest'
import type { Command } from './commands.js'
import { harness, logCommand, OWN_ID, verifiedAccessRequest, type Harness } from './case-fixtures.js'

const justification = 'Fifth identical request this month; earlier answers were complete.'

function inReview(h: Harness = verifiedAccessRequest()): Harness {
  h.run({ type: 'StartWork' })
  h.run({ type: 'SubmitDraft', version: 1, summary: 'Full disclosure' }, '2026-03-10', 'dp')
  return h
}

describe('four-eyes review of every response (seed 002)', () => {
  it('the person who drafted a response cannot approve it', () => {
    const h = inReview()
    expect(h.attempt({ type: 'Approve' }, '2026-03-11', 'dp')).toMatchObject({
      ok: false,
      error: { code: 'four-eyes' },
    })
    h.run({ type: 'Approve' }, '2026-03-11', 'reviewer')
    expect(h.state.approval).toMatchObject({ approverId: 'reviewer', version: 1 })
  })

  it('nothing is sent before it is approved', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'StartWork' })
    const send = {
      type: 'RecordResponseSent',
      channel: 'email',
      outcome: 'disclosed-in-full',
      sentOn: '2026-03-10',
    } as const
    expect(h.attempt(send, '2026-03-10')).toMatchObject({ ok: false, error: { code: 'approval-required' } })
    h.run({ type: 'SubmitDraft', version: 1, summary: 'Full disclosure' }, '2026-03-10')
    expect(h.attempt(send, '2026-03-10')).toMatchObject({ ok: false, error: { code: 'approval-required' } })
  })

  it('a returned draft needs comments, goes back to work, and comes back as a newer version', () => {
    const h = inReview()
    expect(h.attempt({ type: 'ReturnDraft', comments: ' ' }, '2026-03-11', 'reviewer')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ type: 'ReturnDraft', comments: 'Redact the neighbour’s name on page 3' }, '2026-03-11', 'reviewer')
    expect(h.state.status).toBe('in-progress')
    expect(h.state.draft?.comments).toEqual(['Redact the neighbour’s name on page 3'])
    expect(h.attempt({ type: 'SubmitDraft', version: 1, summary: 'Again' }, '2026-03-12')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    h.run({ type: 'SubmitDraft', version: 2, summary: 'Redacted' }, '2026-03-12')
    expect(h.state.status).toBe('in-review')
  })

  it('withdrawing approval returns the draft and clears the approval', () => {
    const h = inReview()
    h.run({ type: 'Approve' }, '2026-03-11', 'reviewer')
    h.run({ type: 'ReturnDraft', comments: 'Wrong attachment' }, '2026-03-11', 'reviewer')
    expect(h.state.approval).toBeUndefined()
  })

  it('a response is not drafted before identity is confirmed, as the office’s policy requires', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({ type: 'StartWork' })
    expect(h.attempt({ type: 'SubmitDraft', version: 1, summary: 'Draft' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition' },
    })
  })

  it('a partial disclosure must name the exemptions applied, valid for the route', () => {
    const h = inReview()
    h.run({ type: 'Approve' }, '2026-03-11', 'reviewer')
    const send = {
      type: 'RecordResponseSent',
      channel: 'post',
      outcome: 'disclosed-in-part',
      sentOn: '2026-03-11',
    } as const
    expect(h.attempt(send, '2026-03-11')).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(h.attempt({ ...send, exemptionCodes: ['LE_45_4_B'] }, '2026-03-11')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(h.attempt({ ...send, outcome: 'action-taken' }, '2026-03-11')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(h.attempt({ ...send, exemptionCodes: ['S2P3_16_THIRD'] }, '2026-03-11').ok).toBe(true)
  })
})

describe('refusing a request', () => {
  it('a refusal needs a justification', () => {
    const h = verifiedAccessRequest()
    const result = h.attempt({ type: 'Refuse', basis: 'manifestly-excessive', justification: 'Too many' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { justification: expect.any(String) } },
    })
  })

  it('a refusal still ends in an approved response letter with the refusal as its outcome', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Refuse', basis: 'manifestly-excessive', justification })
    expect(h.state).toMatchObject({ status: 'in-progress', outcome: 'refused-manifestly-excessive' })
    h.run({ type: 'SubmitDraft', version: 1, summary: 'Refusal letter' }, '2026-03-03')
    h.run({ type: 'Approve' }, '2026-03-03', 'reviewer')
    const send = { type: 'RecordResponseSent', channel: 'email', sentOn: '2026-03-03' } as const
    expect(h.attempt({ ...send, outcome: 'disclosed-in-full' }, '2026-03-03')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ ...send, outcome: 'refused-manifestly-excessive' }, '2026-03-03')
    expect(h.state.status).toBe('responded')
  })

  it('an exemption refusal names an exemption that exists on its route', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3' })
    const refuse = { type: 'Refuse', basis: 'exemption', justification } as const
    expect(h.attempt(refuse)).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(h.attempt({ ...refuse, exemptionCodes: ['S2P1_2_CRIME'] })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ ...refuse, exemptionCodes: ['LE_45_4_B'], neitherConfirmNorDeny: true })
    expect(h.state.outcome).toBe('neither-confirm-nor-deny')
    expect(h.attempt({ ...refuse, exemptionCodes: ['LE_45_4_A'] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })

  it('a representative without proof of authority gets an explanatory refusal without identity being confirmed', () => {
    const h = harness('2026-03-02')
    h.run(
      logCommand({
        requesterType: 'solicitor-or-agent',
        representative: { name: 'Sam Law', relationship: 'solicitor' },
      }),
    )
    h.run({ type: 'RequestAuthority' })
    h.run(
      { type: 'Refuse', basis: 'no-authority', justification: 'No signed authority received after four weeks' },
      '2026-03-30',
    )
    h.run({ type: 'SubmitDraft', version: 1, summary: 'We cannot act without authority' }, '2026-03-30')
    h.run({ type: 'Approve' }, '2026-03-30', 'reviewer')
    h.run(
      { type: 'RecordResponseSent', channel: 'post', outcome: 'not-valid-no-authority', sentOn: '2026-03-30' },
      '2026-03-30',
    )
    expect(h.state.status).toBe('responded')
  })

  it('a person asking for their own data cannot be refused for lack of authority', () => {
    const h = verifiedAccessRequest()
    expect(h.attempt({ type: 'Refuse', basis: 'no-authority', justification })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
  })
})

describe('redirecting, withdrawing and reopening', () => {
  it('a redirect to another organisation is sent without an approval step', () => {
    const h = verifiedAccessRequest()
    expect(h.attempt({ type: 'Redirect', to: 'other-controller', note: 'Police records' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({
      type: 'Redirect',
      to: 'other-controller',
      controllerName: 'Northshire Police',
      note: 'Crime reports are held by the force',
    })
    h.run({
      type: 'RecordResponseSent',
      channel: 'email',
      outcome: 'redirected-other-controller',
      sentOn: '2026-03-02',
    })
    expect(h.state).toMatchObject({ status: 'responded', outcome: 'redirected-other-controller' })
  })

  it('a request about a person who has died is redirected outside data protection law', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Redirect', to: 'deceased-foi', note: 'Records of a late relative: handled as an FOI request' })
    expect(h.state.outcome).toBe('redirected-deceased-foi')
  })

  it('a withdrawn case accepts only reopening or linking, and reopening restores work', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'StartWork' })
    expect(h.attempt({ type: 'Withdraw', reason: '' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    h.run({ type: 'Withdraw', reason: 'Requester no longer needs the information' }, '2026-03-05')
    expect(h.state).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', closedOn: '2026-03-05' })
    expect(h.attempt({ type: 'StartWork' }, '2026-03-06')).toMatchObject({ ok: false, error: { code: 'case-closed' } })
    h.run({ type: 'LinkCase', otherCaseId: 'case-2', relation: 'same-requester' }, '2026-03-06')
    h.run({ type: 'Reopen', reason: 'Requester asked us to carry on' }, '2026-03-06')
    expect(h.state.status).toBe('in-progress')
    expect(h.state.outcome).toBeUndefined()
    expect(h.state.withdrawal).toBeUndefined()
  })

  it('an answered request cannot be withdrawn but can be closed and reopened', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Redirect', to: 'deceased-foi', note: 'FOI' })
    h.run({ type: 'RecordResponseSent', channel: 'post', outcome: 'redirected-deceased-foi', sentOn: '2026-03-02' })
    expect(h.attempt({ type: 'Withdraw', reason: 'Changed mind' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition' },
    })
    h.run({ type: 'Close' })
    expect(h.attempt({ type: 'Acknowledge' })).toMatchObject({ ok: false, error: { code: 'case-closed' } })
    h.run({ type: 'Reopen', reason: 'Sent to the wrong address' }, '2026-03-03')
    expect(h.state).toMatchObject({ status: 'in-progress' })
    expect(h.state.response).toBeUndefined()
  })

  it('links are checked: not to itself, and not twice', () => {
    const h = verifiedAccessRequest()
    expect(h.attempt({ type: 'LinkCase', otherCaseId: 'case-1', relation: 'related' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ type: 'LinkCase', otherCaseId: 'case-9', relation: 'related' })
    expect(h.attempt({ type: 'LinkCase', otherCaseId: 'case-9', relation: 'related' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
  })
})

describe('identity evidence (seed 002 evidence table)', () => {
  it('identity is not recorded as verified unless the documents show name and address', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    const docs = [
      { party: 'subject' as const, documentType: 'passport' },
      { party: 'subject' as const, documentType: 'birth-certificate' },
    ]
    const result = h.attempt({
      type: 'RecordIdentityVerified',
      documentsSeen: docs,
      verifiedOn: '2026-03-02',
      verifierId: 'corr',
      receivedOn: '2026-03-02',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(!result.ok && result.error.userMessage).toContain('address')
  })

  it('proof of authority must be a document the policy accepts for that kind of representative', () => {
    const h = harness('2026-03-02')
    h.run(
      logCommand({
        requesterType: 'parent-of-child-under-12',
        representative: { name: 'Pat Parent', relationship: 'mother' },
      }),
    )
    h.run({ type: 'RequestAuthority' })
    const record = { type: 'RecordAuthorityReceived', receivedOn: '2026-03-04' } as const
    expect(h.attempt({ ...record, documentType: 'signed-written-authority' }, '2026-03-04')).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    h.run({ ...record, documentType: 'full-birth-certificate' }, '2026-03-04')
    expect(h.state.restarts).toEqual([{ kind: 'authority', requestedOn: '2026-03-02', resolvedOn: '2026-03-04' }])
  })

  it('documents cannot be recorded as arriving in the future or before we asked for them', () => {
    const h = harness('2026-03-02')
    h.run(logCommand())
    h.run({ type: 'RequestIdentity' }, '2026-03-03')
    const verify = {
      type: 'RecordIdentityVerified',
      documentsSeen: OWN_ID,
      verifiedOn: '2026-03-05',
      verifierId: 'corr',
    } as const
    const refusedFor = { ok: false, error: { code: 'validation', fields: { receivedOn: expect.any(String) } } }
    expect(h.attempt({ ...verify, receivedOn: '2026-03-09' }, '2026-03-05')).toMatchObject(refusedFor)
    expect(h.attempt({ ...verify, receivedOn: '2026-03-02' }, '2026-03-05')).toMatchObject(refusedFor)
    expect(h.attempt({ ...verify, receivedOn: '2026-03-04' }, '2026-03-05').ok).toBe(true)
  })
})

describe('citing earlier requests in an unfounded or excessive refusal (issue 14)', () => {
  const EARLIER = '11111111-2222-4333-8444-555555555555'

  it('records the linked earlier requests the decision relies on', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'LinkCase', otherCaseId: EARLIER, relation: 'same-requester' })
    h.run({ type: 'Refuse', basis: 'manifestly-excessive', justification, citedCaseIds: [EARLIER, EARLIER] })
    expect(h.state.refusal?.citedCaseIds).toEqual([EARLIER])
  })

  it('refuses to cite a request that is not linked to the case, or to cite one for an exemption', () => {
    const h = verifiedAccessRequest()
    const cite: Command = { type: 'Refuse', basis: 'manifestly-excessive', justification, citedCaseIds: [EARLIER] }
    expect(h.attempt(cite, '2026-03-10')).toMatchObject({ ok: false, error: { code: 'validation' } })
    h.run({ type: 'LinkCase', otherCaseId: EARLIER, relation: 'same-requester' })
    const exemption: Command = { ...cite, basis: 'exemption', exemptionCodes: ['S2P3_16_THIRD'] }
    expect(h.attempt(exemption, '2026-03-10')).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
