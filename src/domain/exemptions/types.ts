import type { Right } from '../rights/rights.js'

/**
 * What an exemption or restriction can limit: one of the seven rights, or the duties the uk-rules §6 table lists
 * beside them: privacy information (Arts 13–14, DPA s.44), notifying recipients (Art 19), telling people about a
 * breach (Art 34) and the Art 5 principles as they correspond to those rights.
 */
export type RestrictedDuty = Right | 'info' | 'notify' | 'breach' | 'art5'

export type ExemptionRoute = 'UK_GDPR' | 'DPA_PART3' | 'both'

/**
 * How the exemption is applied. prejudice: only to the extent compliance would be likely to cause the stated harm,
 * judged item by item. class: the kind of information is exempt as such. necessary-and-proportionate: Part 3
 * restrictions (DPA s.44(4), s.45(4), s.48(3)). n/a: not a harm test (out of scope, refusal grounds, balancing).
 */
export type ExemptionTest = 'prejudice' | 'class' | 'necessary-and-proportionate' | 'n/a'

export interface Exemption {
  code: string
  citation: string
  shortName: string
  /** Our own plain-English wording, suitable for a response letter. */
  explanation: string
  restricts: readonly RestrictedDuty[]
  route: ExemptionRoute
  test: ExemptionTest
  scotlandOnly: boolean
  /** What a caseworker should weigh or record when relying on it. */
  notes?: string
  /** A code usable on both routes is cited in the law of the case's route (a Part 3 letter never cites the UK GDPR). */
  citationByRoute?: { UK_GDPR: string; DPA_PART3: string }
}

export const ALL_RIGHTS: readonly Right[] = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated-decision',
]

/** Sch 2 para 1's "listed GDPR provisions": privacy information, Arts 15–21 and Art 5 so far as it corresponds. */
export const LISTED_PROVISIONS: readonly RestrictedDuty[] = [
  'info',
  'access',
  'rectification',
  'erasure',
  'restriction',
  'notify',
  'portability',
  'objection',
  'art5',
]

/** "Info–Object" in uk-rules §6.1: Arts 13 to 21. */
export const INFO_TO_OBJECT: readonly RestrictedDuty[] = LISTED_PROVISIONS.filter((d) => d !== 'art5')

export const INFO_AND_ACCESS: readonly RestrictedDuty[] = ['info', 'access']
