import { formatLongDate, thirdPartyProvision, type CaseState } from '../../../domain/index.js'
import { actorName, type DirectoryEntry } from '../../../application/staff/user-directory.js'
import { text } from '../../nunjucks.js'

type Row = { key: { text: string }; value: { text: string } }
const t = (key: string, values?: Record<string, string | number>) => text(`casework.safeguards.${key}`, values)
const pounds = (p: number) => `£${(p / 100).toFixed(2)}`

/** Third-party consents, a child's competence and compensation claims, as summary-list rows for the case page. */
export function safeguardRows(s: CaseState, directory: readonly DirectoryEntry[]): Row[] {
  const consents = (s.thirdPartyConsents ?? []).map((c) => {
    const provision = thirdPartyProvision(s.route)
    const asked = t('consentAsked', { who: c.whoAsked, how: c.how, date: formatLongDate(c.askedOn), provision })
    const answer = c.answer
      ? `${t(`answers.${c.answer}`)}${c.answeredOn ? ` (${formatLongDate(c.answeredOn)})` : ''}. ${t(`disclosures.${c.disclosure ?? 'withhold'}`)}: ${c.reasons ?? ''}`
      : t('consentAwaiting')
    return row(t('consent', { number: c.number }), `${asked}. ${answer}`)
  })
  const child = s.childCompetence
    ? [
        row(
          t('child'),
          `${t(s.childCompetence.competent ? 'childCompetent' : 'childNotCompetent')}; ${
            s.childCompetence.consulted
              ? t('childConsulted', { view: s.childCompetence.childView ?? '' })
              : t('childNotConsulted')
          }. ${s.childCompetence.reasons} (${formatLongDate(s.childCompetence.assessedOn)}, ${actorName(directory, s.childCompetence.assessedBy)})`,
        ),
      ]
    : []
  const claims = (s.compensationClaims ?? []).map((c) =>
    row(
      t('claim', { number: c.number }),
      [
        t('claimText', { date: formatLongDate(c.receivedOn), provision: c.provision, summary: c.summary }),
        c.amountClaimedPence !== undefined ? t('claimAmount', { amount: pounds(c.amountClaimedPence) }) : null,
        c.outcome
          ? `${t(`compensationOutcomes.${c.outcome}`)}${c.amountPaidPence !== undefined ? ` (${pounds(c.amountPaidPence)})` : ''}`
          : t('claimOpen'),
      ]
        .filter(Boolean)
        .join('. '),
    ),
  )
  return [...consents, ...child, ...claims]
}

const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } })
