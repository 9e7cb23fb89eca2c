import type { LocalDate, ProcessingRoute } from '../clock/index.js'
import type { RequesterType } from '../requester/evidence-rules.js'

/**
 * Records the seeds ask for beside the request itself (seed 002 "Third party information", "Requests about
 * children", "Compensation"): who else was asked before their data went out, whether a child was competent and
 * consulted, and claims for compensation. They are kept per case, on the timeline and in the API.
 */

/** What the third party said when asked (or that they did not answer in time). */
export type ConsentAnswer = 'given' | 'refused' | 'no-reply'
export const CONSENT_ANSWERS: readonly ConsentAnswer[] = ['given', 'refused', 'no-reply']

/**
 * The disclosure decision the answer informs. DPA 2018 Sch 2 Part 3 para 16(1): another person's data goes out
 * only with their consent, or where it is reasonable to disclose without it (para 16(3) lists what to weigh).
 */
export type ConsentDisclosure = 'disclose-with-consent' | 'disclose-without-consent' | 'withhold'
export const CONSENT_DISCLOSURES: readonly ConsentDisclosure[] = [
  'disclose-with-consent',
  'disclose-without-consent',
  'withhold',
]

export interface ThirdPartyConsent {
  /** 1, 2, 3… in the order asked: how the answer names the request it answers. */
  number: number
  /** A description of who was asked ("the requester's former neighbour"), never more of their data than needed. */
  whoAsked: string
  how: string
  askedOn: LocalDate
  askedBy: string
  answer?: ConsentAnswer
  answeredOn?: LocalDate
  disclosure?: ConsentDisclosure
  reasons?: string
  decidedBy?: string
}

/**
 * A child's competence to understand their rights, and whether they were consulted about a request made for them
 * (ICO guidance: from about 12 a child is usually mature enough; their view decides whether a parent gets the data).
 */
export interface ChildCompetence {
  competent: boolean
  consulted: boolean
  /** The child's view, where they were consulted. */
  childView?: string
  reasons: string
  assessedOn: LocalDate
  assessedBy: string
}

export type CompensationOutcome = 'paid' | 'rejected' | 'court-proceedings' | 'withdrawn'
export const COMPENSATION_OUTCOMES: readonly CompensationOutcome[] = [
  'paid',
  'rejected',
  'court-proceedings',
  'withdrawn',
]

export interface CompensationClaim {
  number: number
  receivedOn: LocalDate
  summary: string
  amountClaimedPence?: number
  /** The provision the claim is made under, from the case's route (see compensationProvision). */
  provision: string
  loggedBy: string
  outcome?: CompensationOutcome
  amountPaidPence?: number
  decidedOn?: LocalDate
}

/**
 * UK GDPR Art 82 with DPA 2018 s.168 (material and non-material damage) for UK GDPR processing; DPA 2018 s.169 for a
 * contravention of Part 3 (law-enforcement processing), where Art 82 does not apply.
 */
export function compensationProvision(route: ProcessingRoute): string {
  return route === 'DPA_PART3' ? 'DPA 2018 s.169' : 'UK GDPR Art 82; DPA 2018 s.168'
}

/**
 * Sch 2 Part 3 para 16 on the UK GDPR route; on the Part 3 route another person's rights are protected by a
 * restriction under DPA 2018 s.45(4)(e), which has no consent rule of its own but is weighed the same way.
 */
export function thirdPartyProvision(route: ProcessingRoute): string {
  return route === 'DPA_PART3' ? 'DPA 2018 s.45(4)(e)' : 'DPA 2018 Sch 2 Part 3 para 16'
}

/**
 * A request made for a child: by a parent, or for someone under 18 on the day it was received (a representative of
 * someone 12 or over whose date of birth we do not know may be acting for a child, so it counts).
 */
export function aboutAChild(state: {
  requesterType: RequesterType
  receivedOn: LocalDate
  subject: { dateOfBirth?: LocalDate }
}): boolean {
  if (state.requesterType === 'parent-of-child-under-12') return true
  const dob = state.subject.dateOfBirth
  if (!dob) return state.requesterType === 'representative-of-person-12-plus'
  const eighteenth = `${String(Number(dob.slice(0, 4)) + 18).padStart(4, '0')}${dob.slice(4)}`
  return eighteenth > state.receivedOn
}
