import { describe, expect, it } from 'vitest'
import { harness, logCommand, verifiedAccessRequest } from './case-fixtures.js'
import type { LogRequest } from './commands.js'
import type { Command } from './commands.js'
import { describeEvent } from './describe-event.js'

// Seed 002 asks for three records the statute needs beside the request: another person's consent before their data
// goes out (DPA 2018 Sch 2 Part 3 para 16), a child's competence and whether they were consulted, and compensation
// claims (UK GDPR Art 82 and DPA 2018 s.168; s.169 for Part 3).

const ask: Command = {
  type: 'SeekThirdPartyConsent',
  whoAsked: 'The neighbour named in the incident log',
  how: 'by letter to their home address',
  askedOn: '2026-03-04',
}
const answer = {
  type: 'RecordThirdPartyConsent' as const,
  number: 1,
  answer: 'refused' as const,
  answeredOn: '2026-03-09',
  disclosure: 'withhold' as const,
  reasons: 'They refused and the information was given in confidence',
}
const fieldsOf = (result: { ok: boolean; error?: { fields: Readonly<Record<string, string>> } }) =>
  result.ok ? [] : Object.keys(result.error!.fields)

describe('a third party’s consent before their data is disclosed (Sch 2 Part 3 para 16)', () => {
  it('records who was asked, when and how, their answer and the disclosure decision, on the timeline', () => {
    const h = verifiedAccessRequest()
    const [sought] = h.run(ask, '2026-03-04')
    const [answered] = h.run(answer, '2026-03-10')
    expect(h.state.thirdPartyConsents).toEqual([
      {
        number: 1,
        whoAsked: 'The neighbour named in the incident log',
        how: 'by letter to their home address',
        askedOn: '2026-03-04',
        askedBy: 'dp',
        answer: 'refused',
        answeredOn: '2026-03-09',
        disclosure: 'withhold',
        reasons: 'They refused and the information was given in confidence',
        decidedBy: 'dp',
      },
    ])
    expect(describeEvent(sought!)).toContain('Sch 2 Part 3 para 16')
    expect(describeEvent(answered!)).toContain('consent refused on 9 March 2026; their information will be withheld')
  })

  it('cites s.45(4)(e) on a law-enforcement case, where Schedule 2 does not apply', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3' })
    const [sought] = h.run(ask, '2026-03-04')
    expect(describeEvent(sought!)).toContain('DPA 2018 s.45(4)(e)')
    expect(describeEvent(sought!)).not.toContain('Sch 2')
  })

  it('discloses “with consent” only when consent was given, and needs reasons to disclose without it', () => {
    const h = verifiedAccessRequest()
    h.run(ask, '2026-03-04')
    expect(fieldsOf(h.attempt({ ...answer, disclosure: 'disclose-with-consent' }, '2026-03-10'))).toEqual([
      'disclosure',
    ])
    const short = { ...answer, answer: 'no-reply' as const, disclosure: 'disclose-without-consent' as const }
    expect(fieldsOf(h.attempt({ ...short, reasons: 'No reply' }, '2026-03-10'))).toEqual(['reasons'])
    expect(fieldsOf(h.attempt({ ...answer, answeredOn: '2026-03-03' }, '2026-03-10'))).toEqual(['answeredOn'])
    expect(fieldsOf(h.attempt({ ...answer, number: 2 }, '2026-03-10'))).toEqual(['number'])
  })

  it('is an access-request step: erasure requests have no third-party disclosure', () => {
    const h = verifiedAccessRequest({ right: 'erasure' })
    expect(h.attempt(ask, '2026-03-04')).toMatchObject({ ok: false, error: { code: 'wrong-case-type' } })
  })
})

/** Logged only: the competence of a child is judged while the representative's evidence may still be awaited. */
function logged(overrides: Partial<LogRequest>) {
  const h = harness('2026-03-02')
  h.run(logCommand(overrides))
  return h
}

describe('a child’s competence and whether they were consulted', () => {
  const record: Command = {
    type: 'RecordChildCompetence',
    competent: true,
    consulted: true,
    childView: 'Happy for their mother to see the report',
    reasons: 'Aged 14 and understood what a request is when we spoke',
  }

  it('is kept for a request a parent makes for a child', () => {
    const h = logged({
      requesterType: 'parent-of-child-under-12',
      representative: { name: 'Pat Example', relationship: 'mother' },
    })
    const [event] = h.run(record, '2026-03-05')
    expect(h.state.childCompetence).toMatchObject({ competent: true, consulted: true, assessedOn: '2026-03-05' })
    expect(describeEvent(event!)).toContain('consulted (their view: Happy for their mother to see the report)')
  })

  it('is refused for an adult’s request, and needs the child’s view when they were consulted', () => {
    const adult = logged({ subject: { name: 'Alex Example', dateOfBirth: '1980-01-01' } })
    expect(fieldsOf(adult.attempt(record, '2026-03-05'))).toEqual(['competent'])
    const child = logged({
      subject: { name: 'Sam Example', dateOfBirth: '2012-06-01' },
      requesterType: 'representative-of-person-12-plus',
      representative: { name: 'Pat Example', relationship: 'father' },
    })
    const { childView: _view, ...noView } = record as Extract<Command, { type: 'RecordChildCompetence' }>
    expect(fieldsOf(child.attempt(noView, '2026-03-05'))).toEqual(['childView'])
  })
})

describe('compensation claims (UK GDPR Art 82, DPA 2018 ss.168–169)', () => {
  const claim: Command = {
    type: 'LogCompensationClaim',
    receivedOn: '2026-04-20',
    summary: 'Distress caused by the late response',
    amountClaimedPence: 50_000,
  }

  it('are logged against a closed case with the provision for its route, and their outcome recorded', () => {
    const h = verifiedAccessRequest()
    h.run({ type: 'Withdraw', reason: 'No longer needed' }, '2026-03-05')
    const [logged] = h.run(claim, '2026-04-21')
    h.run({ type: 'RecordCompensationOutcome', number: 1, outcome: 'paid', amountPaidPence: 25_000 }, '2026-05-01')
    expect(h.state.compensationClaims).toEqual([
      {
        number: 1,
        receivedOn: '2026-04-20',
        summary: 'Distress caused by the late response',
        amountClaimedPence: 50_000,
        provision: 'UK GDPR Art 82; DPA 2018 s.168',
        loggedBy: 'dp',
        outcome: 'paid',
        amountPaidPence: 25_000,
        decidedOn: '2026-05-01',
      },
    ])
    expect(describeEvent(logged!)).toContain('£500.00 claimed')
  })

  it('cite s.169 on a law-enforcement case, and an amount goes only with a payment', () => {
    const h = verifiedAccessRequest({ route: 'DPA_PART3' })
    h.run(claim, '2026-04-21')
    expect(h.state.compensationClaims?.[0]?.provision).toBe('DPA 2018 s.169')
    const paidNothing = { type: 'RecordCompensationOutcome' as const, number: 1, outcome: 'paid' as const }
    expect(fieldsOf(h.attempt(paidNothing, '2026-05-01'))).toEqual(['amountPaid'])
    expect(fieldsOf(h.attempt({ ...paidNothing, outcome: 'rejected', amountPaidPence: 100 }, '2026-05-01'))).toEqual([
      'amountPaid',
    ])
  })
})
