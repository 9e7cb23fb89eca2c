import type { EventOf } from './events.js'
import { formatLongDate } from './long-dates.js'
import type { SafeguardEventBody } from './safeguard-commands.js'

type SafeguardEventType = SafeguardEventBody['type']

const ANSWERS = { given: 'consent given', refused: 'consent refused', 'no-reply': 'no reply' } as const
const DISCLOSURES = {
  'disclose-with-consent': 'their information will be disclosed with their consent',
  'disclose-without-consent': 'their information will be disclosed without consent, as reasonable in the circumstances',
  withhold: 'their information will be withheld',
} as const
const COMPENSATION = {
  paid: 'compensation paid',
  rejected: 'claim rejected',
  'court-proceedings': 'court proceedings issued',
  withdrawn: 'claim withdrawn',
} as const

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`

/** Timeline lines for the safeguard records; spread into describe-event's table. */
export const safeguardDescribers: { [K in SafeguardEventType]: (e: EventOf<K>) => string } = {
  ThirdPartyConsentSought: (e) =>
    `Consent sought from a third party (${e.provision}), request ${e.number}: ${e.whoAsked}, asked ${e.how} on ${formatLongDate(e.askedOn)}`,
  ThirdPartyConsentRecorded: (e) =>
    `Third party consent request ${e.number}: ${ANSWERS[e.answer]}${e.answeredOn ? ` on ${formatLongDate(e.answeredOn)}` : ''}; ${DISCLOSURES[e.disclosure]}. Reasons: ${e.reasons}`,
  ChildCompetenceRecorded: (e) =>
    `Child’s competence recorded: ${e.competent ? 'competent to understand their rights' : 'not yet competent to understand their rights'}; ${e.consulted ? `consulted (their view: ${e.childView ?? ''})` : 'not consulted'}. Reasons: ${e.reasons}`,
  CompensationClaimLogged: (e) =>
    `Compensation claim ${e.number} received on ${formatLongDate(e.receivedOn)} (${e.provision})${e.amountClaimedPence !== undefined ? `, ${pounds(e.amountClaimedPence)} claimed` : ''}: ${e.summary}`,
  CompensationOutcomeRecorded: (e) =>
    `Compensation claim ${e.number}: ${COMPENSATION[e.outcome]}${e.amountPaidPence !== undefined ? ` (${pounds(e.amountPaidPence)})` : ''}`,
}
