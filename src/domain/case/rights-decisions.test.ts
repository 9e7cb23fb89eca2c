import { describe, expect, it } from 'vitest'
import type { Result } from '../errors.js'
import type { Right } from '../rights/rights.js'
import { verifiedAccessRequest } from './case-fixtures.js'
import type { Command, DecideRight } from './commands.js'
import { describeEvent } from './describe-event.js'
import type { CaseEvent } from './events.js'

// Issue 13, "Rights with their own steps" (uk-rules §8 and §9): each right other than access is decided with what its
// article asks to be recorded, every ground relied on carries its own reason, and the response cannot be recorded
// until that decision exists.

const request = (right: Right, route: 'UK_GDPR' | 'DPA_PART3' = 'UK_GDPR', receivedAt = '2026-03-02T09:30:00Z') => {
  const h = verifiedAccessRequest({ right, route, receivedAt })
  h.run({ type: 'StartWork' })
  return h
}
const decide = (fields: Omit<DecideRight, 'type'>): Command => ({ type: 'DecideRight', ...fields })
const fieldsOf = (r: Result<CaseEvent[]>) => (r.ok ? [] : Object.keys(r.error.fields))
const errorOf = (r: Result<CaseEvent[]>) => (r.ok ? 'accepted' : r.error.code)

const respond = (h: ReturnType<typeof request>, outcome: 'action-taken' | 'action-declined') => {
  h.run({ type: 'SubmitDraft', version: 1, summary: 'Letter' })
  h.run({ type: 'Approve' }, undefined, 'reviewer')
  return h.attempt({ type: 'RecordResponseSent', channel: 'email', outcome, sentOn: '2026-03-02' })
}

describe('a request to exercise another right is answered only after its decision is recorded', () => {
  it('refuses "action taken" for an erasure request with no decision, and accepts it after one', () => {
    const h = request('erasure')
    h.run({ type: 'SubmitDraft', version: 1, summary: 'Letter' })
    h.run({ type: 'Approve' }, undefined, 'reviewer')
    const send = {
      type: 'RecordResponseSent',
      channel: 'email',
      outcome: 'action-taken',
      sentOn: '2026-03-02',
    } as const
    expect(errorOf(h.attempt(send))).toBe('invalid-transition')

    const decided = request('erasure')
    decided.run(decide({ result: 'in-full', summary: 'We have erased the survey response' }))
    expect(decided.state.outcome).toBe('action-taken')
    expect(errorOf(respond(decided, 'action-declined'))).toBe('validation')
    expect(errorOf(respond(request('erasure'), 'action-taken'))).toBe('invalid-transition')
  })

  it('is only offered for rectification, erasure, restriction, objection and automated decisions', () => {
    expect(errorOf(request('access').attempt(decide({ result: 'in-full', summary: 'Nothing to decide' })))).toBe(
      'wrong-case-type',
    )
    expect(errorOf(request('portability').attempt(decide({ result: 'in-full', summary: 'Sent as CSV' })))).toBe(
      'wrong-case-type',
    )
  })
})

describe('Art 17 erasure: the Art 17(3) exceptions are codes, each with its own reason', () => {
  it('keeps each exception and reason, and names them on the timeline', () => {
    const h = request('erasure')
    const [event] = h.run(
      decide({
        result: 'in-part',
        summary: 'We erased the survey but kept the complaint file',
        grounds: [
          { code: 'ART17_3_B', reason: 'The complaint file is kept under the statutory complaints regulations' },
          { code: 'ART17_3_E', reason: 'A claim about the complaint is still open in the county court' },
        ],
      }),
    )
    expect(h.state.rightDecision).toMatchObject({ right: 'erasure', result: 'in-part', decidedBy: 'dp' })
    expect(h.state.rightDecision?.grounds.map((g) => g.code)).toEqual(['ART17_3_B', 'ART17_3_E'])
    expect(describeEvent(event!)).toContain('ART17_3_E (Article 17(3)(e) of the UK GDPR): A claim about the complaint')
  })

  it('refuses a refusal with no code, a code without a reason, a code of another right and a Part 3 code', () => {
    const h = request('erasure')
    expect(fieldsOf(h.attempt(decide({ result: 'declined', summary: 'We keep it all' })))).toEqual(['grounds'])
    const short = decide({ result: 'declined', summary: 'We keep it', grounds: [{ code: 'ART17_3_B', reason: 'law' }] })
    expect(fieldsOf(h.attempt(short))).toEqual(['reason-ART17_3_B'])
    const reason = 'Kept under the statutory scheme for complaints'
    for (const code of ['ART21_1_COMPELLING', 'S47_2_EVIDENCE', 'MADE_UP'])
      expect(
        fieldsOf(h.attempt(decide({ result: 'declined', summary: 'We keep it', grounds: [{ code, reason }] }))),
      ).toEqual(['grounds'])
    // A Schedule 2 exemption that restricts erasure may be cited, with its own reason.
    const crime = decide({ result: 'declined', summary: 'We keep it', grounds: [{ code: 'S2P1_2_CRIME', reason }] })
    expect(errorOf(h.attempt(crime))).toBe('accepted')
  })

  it('on the Part 3 route, data kept as evidence is restricted instead of erased (s.47(2))', () => {
    const h = request('erasure', 'DPA_PART3')
    const reason = 'The interview record is evidence in a prosecution listed for trial'
    h.run(decide({ result: 'declined', summary: 'We must keep it', grounds: [{ code: 'S47_2_EVIDENCE', reason }] }))
    expect(h.state.processingRestriction).toEqual({ ground: 'S47_2_EVIDENCE_R', since: '2026-03-02' })
    const uk = decide({ result: 'declined', summary: 'We keep it', grounds: [{ code: 'ART17_3_B', reason }] })
    expect(fieldsOf(request('erasure', 'DPA_PART3').attempt(uk))).toEqual(['grounds'])
  })
})

describe('Art 16 rectification with a supplementary statement', () => {
  it('records the requester’s statement where the data is completed by one', () => {
    const h = request('rectification')
    const supplementaryStatement = 'I was at work in Leeds on 3 May 2025 and can prove it with my timesheet.'
    h.run(
      decide({
        result: 'in-full',
        summary: 'We added your statement to the incident record',
        rectification: { method: 'supplementary-statement', supplementaryStatement },
      }),
    )
    expect(h.state.rightDecision?.rectification).toEqual({ method: 'supplementary-statement', supplementaryStatement })
  })

  it('needs the statement itself, and keeps "restrict instead" (s.46(4)) to Part 3', () => {
    const noStatement = decide({
      result: 'in-full',
      summary: 'We added your statement',
      rectification: { method: 'supplementary-statement' },
    })
    expect(fieldsOf(request('rectification').attempt(noStatement))).toEqual(['supplementaryStatement'])
    const instead = decide({
      result: 'in-part',
      summary: 'Restricted as evidence',
      rectification: { method: 'restricted-instead' },
      grounds: [{ code: 'S46_4_EVIDENCE', reason: 'The statement is an exhibit in a live prosecution' }],
    })
    expect(fieldsOf(request('rectification').attempt(instead))).toEqual(['grounds'])
    const h = request('rectification', 'DPA_PART3')
    h.run(instead)
    expect(h.state.processingRestriction?.ground).toBe('S46_4_EVIDENCE_R')
  })
})

describe('Art 18 restriction: the requester is told before it is lifted (Art 18(3))', () => {
  const restrict = decide({ result: 'in-full', summary: 'We have restricted it', restrictionGround: 'ART18_1_A' })

  it('refuses to lift a restriction before the notice, and lifts it after, even once the case is closed', () => {
    const h = request('restriction')
    expect(fieldsOf(h.attempt({ ...restrict, restrictionGround: 'ART18_1_Z' } as Command))).toEqual([
      'restrictionGround',
    ])
    h.run(restrict)
    expect(h.state.processingRestriction).toEqual({ ground: 'ART18_1_A', since: '2026-03-02' })
    expect(respond(h, 'action-taken').ok).toBe(true)
    h.run({ type: 'RecordResponseSent', channel: 'email', outcome: 'action-taken', sentOn: '2026-03-02' })
    h.run({ type: 'Close' })
    const lift = { type: 'LiftProcessingRestriction', reason: 'We have checked the address: it was right' } as const
    expect(h.attempt(lift, '2026-04-01')).toMatchObject({ ok: false, error: { code: 'invalid-transition' } })
    const [notice] = h.run({ type: 'GiveRestrictionLiftNotice', reason: lift.reason }, '2026-04-01')
    expect(describeEvent(notice!)).toContain('before lifting it')
    h.run(lift, '2026-04-15')
    expect(h.state.processingRestriction?.liftNotice?.on).toBe('2026-04-01')
    expect(h.state.processingRestriction?.lifted?.on).toBe('2026-04-15')
    expect(errorOf(h.attempt(lift, '2026-04-16'))).toBe('invalid-transition')
  })
})

describe('Art 19: each recipient recorded, told or why not', () => {
  it('records who, when and how, or why telling them was impossible or disproportionate', () => {
    const h = request('rectification')
    const send = { type: 'NotifyRecipient', on: '2026-03-02' } as const
    expect(errorOf(h.attempt({ ...send, recipient: 'Council', status: 'notified', method: 'email' }))).toBe(
      'invalid-transition',
    )
    h.run(decide({ result: 'in-full', summary: 'Address corrected', rectification: { method: 'corrected' } }))
    h.run({ ...send, recipient: 'Northshire Council', status: 'notified', method: 'secure-transfer' })
    expect(fieldsOf(h.attempt({ ...send, recipient: 'Old CRM supplier', status: 'impossible' }))).toEqual(['reason'])
    const [e] = h.run({ ...send, recipient: 'Old CRM supplier', status: 'impossible', reason: 'Dissolved in 2024' })
    expect(
      fieldsOf(h.attempt({ ...send, recipient: 'northshire council', status: 'notified', method: 'post' })),
    ).toEqual(['recipient'])
    expect(fieldsOf(h.attempt({ ...send, recipient: 'Probation', status: 'notified' }))).toEqual(['method'])
    expect(h.state.recipientNotices?.map((n) => [n.recipient, n.status])).toEqual([
      ['Northshire Council', 'notified'],
      ['Old CRM supplier', 'impossible'],
    ])
    expect(describeEvent(e!)).toContain('Dissolved in 2024')
  })
})

describe('Art 21 objection: the balance is recorded, and direct marketing is absolute', () => {
  const balance = 'Our need to keep contact details for victim updates outweighs the inconvenience described'

  it('needs the compelling-grounds balance for an objection on the person’s particular situation', () => {
    const h = request('objection')
    const objection = { kind: 'particular-situation' as const }
    expect(fieldsOf(h.attempt(decide({ result: 'in-full', summary: 'We stopped', objection })))).toEqual(['balance'])
    const grounds = [{ code: 'ART21_1_COMPELLING', reason: 'Victim updates are a statutory duty under the Code' }]
    h.run(decide({ result: 'declined', summary: 'We will continue', objection: { ...objection, balance }, grounds }))
    expect(h.state.rightDecision?.objection).toEqual({ kind: 'particular-situation', balance })
  })

  it('refuses to decline or part-meet an objection to direct marketing', () => {
    const objection = { kind: 'direct-marketing' as const }
    const grounds = [{ code: 'ART21_1_COMPELLING', reason: 'We would like to keep sending the newsletter' }]
    expect(
      fieldsOf(
        request('objection').attempt(
          decide({ result: 'declined', summary: 'We will keep sending it', objection, grounds }),
        ),
      ),
    ).toEqual(['result'])
    expect(
      errorOf(request('objection').attempt(decide({ result: 'in-full', summary: 'Newsletter stopped', objection }))),
    ).toBe('accepted')
  })
})

describe('automated decisions: Arts 22A–22D from 5 February 2026, Art 22 before', () => {
  const reviewed = decide({
    result: 'in-full',
    summary: 'A person looked at the decision again',
    automated: { safeguards: ['human-intervention', 'contest'], reviewer: 'Priya Shah', decisionChanged: true },
  })

  it('records the regime from the date the request was received', () => {
    const now = request('automated-decision')
    now.run(reviewed)
    expect(now.state.rightDecision?.automatedRegime).toBe('ARTS_22A_22D')
    const before = request('automated-decision', 'UK_GDPR', '2026-02-04T09:30:00Z')
    before.run(reviewed, '2026-02-10')
    expect(before.state.rightDecision?.automatedRegime).toBe('OLD_ART22')
  })

  it('needs who reconsidered the decision and whether it changed when human intervention was asked for', () => {
    const noReviewer = decide({
      result: 'in-full',
      summary: 'Looked again',
      automated: { safeguards: ['human-intervention'] },
    })
    expect(fieldsOf(request('automated-decision').attempt(noReviewer))).toEqual(['reviewer'])
  })
})
