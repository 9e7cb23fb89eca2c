import type { LocalDate } from '../clock/index.js'
import type { CompensationOutcome, ConsentAnswer, ConsentDisclosure } from './safeguards.js'

/** Commands for the records in safeguards.ts (seed 002): consent of others, a child's competence, compensation. */
export type SafeguardCommand =
  | { type: 'SeekThirdPartyConsent'; whoAsked: string; how: string; askedOn: LocalDate }
  | {
      type: 'RecordThirdPartyConsent'
      number: number
      answer: ConsentAnswer
      answeredOn?: LocalDate
      disclosure: ConsentDisclosure
      reasons: string
    }
  | { type: 'RecordChildCompetence'; competent: boolean; consulted: boolean; childView?: string; reasons: string }
  | { type: 'LogCompensationClaim'; receivedOn: LocalDate; summary: string; amountClaimedPence?: number }
  | { type: 'RecordCompensationOutcome'; number: number; outcome: CompensationOutcome; amountPaidPence?: number }

/** The events they record (without the actor and time every event carries). */
export type SafeguardEventBody =
  | {
      type: 'ThirdPartyConsentSought'
      number: number
      whoAsked: string
      how: string
      askedOn: LocalDate
      provision: string
    }
  | {
      type: 'ThirdPartyConsentRecorded'
      number: number
      answer: ConsentAnswer
      answeredOn?: LocalDate
      disclosure: ConsentDisclosure
      reasons: string
      on: LocalDate
    }
  | {
      type: 'ChildCompetenceRecorded'
      competent: boolean
      consulted: boolean
      childView?: string
      reasons: string
      on: LocalDate
    }
  | {
      type: 'CompensationClaimLogged'
      number: number
      receivedOn: LocalDate
      summary: string
      amountClaimedPence?: number
      provision: string
    }
  | {
      type: 'CompensationOutcomeRecorded'
      number: number
      outcome: CompensationOutcome
      amountPaidPence?: number
      on: LocalDate
    }
