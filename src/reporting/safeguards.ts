// Third-party consents, children's competence and compensation claims in the period (seed 002; domain
// safeguards.ts). Counted from live cases by the date each thing happened: consents by the day they were asked,
// assessments by the day they were made, claims by the day they were received. A claim's outcome counts with the
// claim. Disposal records do not keep these, so a month whose cases were destroyed shows them no longer.
import type { CaseState, LocalDate } from '../domain/index.js'
import type { DataTable } from './charts/model.js'
import { inPeriod } from './period.js'
import type { Period } from './types.js'

export interface SafeguardFigures {
  consentsSought: number
  consentGiven: number
  consentRefused: number
  consentNoReply: number
  consentAwaiting: number
  /** DPA 2018 Sch 2 Part 3 para 16(1)(b): disclosed without consent because reasonable in the circumstances. */
  disclosedWithoutConsent: number
  childAssessments: number
  childrenConsulted: number
  compensationClaims: number
  compensationPaid: number
  compensationPaidPence: number
  compensationOpen: number
}

export function safeguardFigures(cases: readonly CaseState[], period: Period): SafeguardFigures {
  const within = (d: LocalDate | undefined) => inPeriod(d, period)
  const consents = cases.flatMap((c) => (c.thirdPartyConsents ?? []).filter((x) => within(x.askedOn)))
  const children = cases.flatMap((c) => (c.childCompetence && within(c.childCompetence.assessedOn) ? [c] : []))
  const claims = cases.flatMap((c) => (c.compensationClaims ?? []).filter((x) => within(x.receivedOn)))
  const paid = claims.filter((x) => x.outcome === 'paid')
  return {
    consentsSought: consents.length,
    consentGiven: consents.filter((x) => x.answer === 'given').length,
    consentRefused: consents.filter((x) => x.answer === 'refused').length,
    consentNoReply: consents.filter((x) => x.answer === 'no-reply').length,
    consentAwaiting: consents.filter((x) => !x.answer).length,
    disclosedWithoutConsent: consents.filter((x) => x.disclosure === 'disclose-without-consent').length,
    childAssessments: children.length,
    childrenConsulted: children.filter((c) => c.childCompetence?.consulted).length,
    compensationClaims: claims.length,
    compensationPaid: paid.length,
    compensationPaidPence: paid.reduce((sum, x) => sum + (x.amountPaidPence ?? 0), 0),
    compensationOpen: claims.filter((x) => !x.outcome).length,
  }
}

export function safeguardsTable(f: { safeguards: SafeguardFigures }): DataTable {
  const s = f.safeguards
  return {
    caption: 'Third parties asked for consent, children’s competence and compensation claims',
    headers: ['Measure', 'Number'],
    rows: [
      ['Third parties asked for consent (DPA 2018 Sch 2 Part 3 para 16)', String(s.consentsSought)],
      ['Consent given', String(s.consentGiven)],
      ['Consent refused', String(s.consentRefused)],
      ['No reply', String(s.consentNoReply)],
      ['Still waiting for an answer', String(s.consentAwaiting)],
      ['Disclosed without consent, as reasonable', String(s.disclosedWithoutConsent)],
      ['Children’s competence assessed', String(s.childAssessments)],
      ['Children consulted', String(s.childrenConsulted)],
      ['Compensation claims received (UK GDPR Art 82; DPA 2018 ss.168–169)', String(s.compensationClaims)],
      ['Claims paid', String(s.compensationPaid)],
      ['Amount paid', `£${(s.compensationPaidPence / 100).toFixed(2)}`],
      ['Claims with no outcome yet', String(s.compensationOpen)],
    ],
    numericColumns: [1],
  }
}
