import { describe, expect, it } from 'vitest'
import { calendar, verifiedAccessRequest } from '../domain/case/case-fixtures.js'
import { computeFigures } from './figures.js'
import { safeguardsTable } from './safeguards.js'

// The monthly figures count what the seeds asked to be recorded: consent sought from others (Sch 2 Part 3 para 16),
// children's competence, and compensation claims (Art 82, ss.168–169), each in the month it happened.
describe('consent, children and compensation in the compliance figures', () => {
  it('counts consents by the day asked, claims by the day received, and the amount paid', () => {
    const h = verifiedAccessRequest()
    const ask = { type: 'SeekThirdPartyConsent' as const, whoAsked: 'A witness', how: 'by letter' }
    h.run({ ...ask, askedOn: '2026-03-04' }, '2026-03-04')
    h.run({ ...ask, whoAsked: 'Another witness', askedOn: '2026-03-05' }, '2026-03-05')
    h.run({ ...ask, whoAsked: 'A later witness', askedOn: '2026-04-01' }, '2026-04-01')
    h.run(
      {
        type: 'RecordThirdPartyConsent',
        number: 1,
        answer: 'no-reply',
        disclosure: 'disclose-without-consent',
        reasons: 'Already known to the requester and not confidential',
      },
      '2026-03-20',
    )
    h.run({ type: 'LogCompensationClaim', receivedOn: '2026-03-10', summary: 'Distress at the delay' }, '2026-03-10')
    h.run({ type: 'RecordCompensationOutcome', number: 1, outcome: 'paid', amountPaidPence: 12_500 }, '2026-03-30')
    const f = computeFigures({
      period: { from: '2026-03-01', to: '2026-03-31' },
      asOf: '2026-03-31',
      cases: [h.state],
      calendar,
    })
    expect(f.safeguards).toMatchObject({
      consentsSought: 2,
      consentNoReply: 1,
      consentAwaiting: 1,
      disclosedWithoutConsent: 1,
      compensationClaims: 1,
      compensationPaid: 1,
      compensationPaidPence: 12_500,
      compensationOpen: 0,
    })
    const rows = safeguardsTable(f).rows
    expect(rows).toContainEqual(['Third parties asked for consent (DPA 2018 Sch 2 Part 3 para 16)', '2'])
    expect(rows).toContainEqual(['Amount paid', '£125.00'])
  })
})
