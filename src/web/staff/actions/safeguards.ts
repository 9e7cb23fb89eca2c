import {
  aboutAChild,
  COMPENSATION_OUTCOMES,
  CONSENT_ANSWERS,
  CONSENT_DISCLOSURES,
  type CaseState,
  type CompensationOutcome,
  type ConsentAnswer,
  type ConsentDisclosure,
} from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { open, pence, str, type ActionDef, type Item } from './types.js'

const options = (group: string, values: readonly string[]) => (): Item[] =>
  values.map((v) => ({ value: v, text: text(`casework.safeguards.${group}.${v}`) }))
const yesNo = (): Item[] => ['yes', 'no'].map((v) => ({ value: v, text: text(`casework.safeguards.yesNo.${v}`) }))
const accessRequest = (s: CaseState) => s.caseType === 'rights-request' && s.right === 'access'
const awaitingAnswer = (s: CaseState) => (s.thirdPartyConsents ?? []).filter((c) => !c.disclosure)
const undecidedClaims = (s: CaseState) => (s.compensationClaims ?? []).filter((c) => !c.outcome)
/** A typed amount in pence, or undefined when left blank (a non-number stays NaN for the domain to refuse). */
const optionalPence = (v: string) => (v.trim() === '' ? undefined : pence(v))

/**
 * The forms for the seed 002 safeguards: another person's consent before their data goes out (DPA 2018 Sch 2
 * Part 3 para 16), a child's competence and whether they were consulted, and compensation claims (UK GDPR Art 82,
 * DPA 2018 ss.168–169). Each issues one command; the domain checks it.
 */
export const SAFEGUARD_ACTIONS: ActionDef[] = [
  {
    slug: 'seek-consent',
    command: 'SeekThirdPartyConsent',
    fields: [
      { name: 'whoAsked', kind: 'text' },
      { name: 'how', kind: 'text' },
      { name: 'askedOn', kind: 'date', defaultToday: true },
    ],
    available: (s) => accessRequest(s) && open(s),
    toCommand: (v) => ({
      type: 'SeekThirdPartyConsent',
      whoAsked: str(v, 'whoAsked'),
      how: str(v, 'how'),
      askedOn: str(v, 'askedOn'),
    }),
  },
  {
    slug: 'record-consent',
    command: 'RecordThirdPartyConsent',
    fields: [
      {
        name: 'number',
        kind: 'radios',
        items: (ctx) =>
          awaitingAnswer(ctx.state).map((c) => ({ value: String(c.number), text: `${c.number}: ${c.whoAsked}` })),
      },
      { name: 'answer', kind: 'radios', items: options('answers', CONSENT_ANSWERS) },
      { name: 'answeredOn', kind: 'date', optional: true },
      { name: 'disclosure', kind: 'radios', items: options('disclosures', CONSENT_DISCLOSURES) },
      { name: 'reasons', kind: 'textarea' },
    ],
    available: (s) => accessRequest(s) && open(s) && awaitingAnswer(s).length > 0,
    toCommand: (v) => ({
      type: 'RecordThirdPartyConsent',
      number: Number(str(v, 'number')),
      answer: str(v, 'answer') as ConsentAnswer,
      ...(str(v, 'answeredOn') ? { answeredOn: str(v, 'answeredOn') } : {}),
      disclosure: str(v, 'disclosure') as ConsentDisclosure,
      reasons: str(v, 'reasons'),
    }),
  },
  {
    slug: 'child-competence',
    command: 'RecordChildCompetence',
    fields: [
      { name: 'competent', kind: 'radios', items: yesNo },
      { name: 'consulted', kind: 'radios', items: yesNo },
      { name: 'childView', kind: 'textarea', optional: true },
      { name: 'reasons', kind: 'textarea' },
    ],
    available: (s) => s.caseType === 'rights-request' && open(s) && aboutAChild(s),
    toCommand: (v) => ({
      type: 'RecordChildCompetence',
      competent: str(v, 'competent') === 'yes',
      consulted: str(v, 'consulted') === 'yes',
      ...(str(v, 'childView') ? { childView: str(v, 'childView') } : {}),
      reasons: str(v, 'reasons'),
    }),
  },
  {
    slug: 'compensation-claim',
    command: 'LogCompensationClaim',
    fields: [
      { name: 'receivedOn', kind: 'date', defaultToday: true },
      { name: 'summary', kind: 'textarea' },
      { name: 'amountClaimed', kind: 'text', prefix: '£', width: 'govuk-input--width-10', optional: true },
    ],
    available: (s) => s.caseType === 'rights-request',
    fieldMap: { amountClaimedPence: 'amountClaimed' },
    toCommand: (v) => {
      const amount = optionalPence(str(v, 'amountClaimed'))
      return {
        type: 'LogCompensationClaim',
        receivedOn: str(v, 'receivedOn'),
        summary: str(v, 'summary'),
        ...(amount !== undefined ? { amountClaimedPence: amount } : {}),
      }
    },
  },
  {
    slug: 'compensation-outcome',
    command: 'RecordCompensationOutcome',
    fields: [
      {
        name: 'number',
        kind: 'radios',
        items: (ctx) =>
          undecidedClaims(ctx.state).map((c) => ({ value: String(c.number), text: `${c.number}: ${c.summary}` })),
      },
      { name: 'outcome', kind: 'radios', items: options('compensationOutcomes', COMPENSATION_OUTCOMES) },
      { name: 'amountPaid', kind: 'text', prefix: '£', width: 'govuk-input--width-10', optional: true },
    ],
    available: (s) => undecidedClaims(s).length > 0,
    fieldMap: { amountPaidPence: 'amountPaid' },
    toCommand: (v) => {
      const amount = optionalPence(str(v, 'amountPaid'))
      return {
        type: 'RecordCompensationOutcome',
        number: Number(str(v, 'number')),
        outcome: str(v, 'outcome') as CompensationOutcome,
        ...(amount !== undefined ? { amountPaidPence: amount } : {}),
      }
    },
  },
]
