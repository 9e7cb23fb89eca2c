import type { LocalDate } from '../clock/index.js'
import type { Right } from '../rights/rights.js'

/**
 * The decision on a request to exercise a right other than access (UK GDPR Arts 16–22D; DPA 2018 ss.46–50D), with
 * what the article itself asks to be recorded (uk-rules §8: accuracyDecision, supplementaryStatement, exceptionCode,
 * restrictionGround, objectionType, compellingGroundsAssessment, adm). Every ground relied on carries its own reason.
 */
export type RightDecisionResult = 'in-full' | 'in-part' | 'declined'

/** The rights decided with their own steps (portability stays a plain response). */
export const DECIDED_RIGHTS = ['rectification', 'erasure', 'restriction', 'objection', 'automated-decision'] as const
export type DecidedRight = (typeof DECIDED_RIGHTS)[number]

export function isDecidedRight(right: Right | undefined): right is DecidedRight {
  return (DECIDED_RIGHTS as readonly (Right | undefined)[]).includes(right)
}

/** A code relied on, with the reason it applies to this item (issue 13: a reason for every exemption, per item). */
export interface GroundApplied {
  code: string
  reason: string
}

/** Art 16 / s.46: corrected, completed, completed by the requester's supplementary statement, or (s.46(4)) restricted. */
export type RectificationMethod = 'corrected' | 'completed' | 'supplementary-statement' | 'restricted-instead'
export type ObjectionKind = 'particular-situation' | 'direct-marketing'
/** Art 22C(2) (Art 22(3) before 5 February 2026): the safeguards a person can ask for. */
export type AutomatedSafeguard = 'information' | 'representations' | 'human-intervention' | 'contest'
/** Art 22 and DPA ss.49–50 for requests received before 5 February 2026; Arts 22A–22D and ss.50A–50D from then. */
export type AutomatedRegime = 'OLD_ART22' | 'ARTS_22A_22D'

export interface RightDecisionDetails {
  rectification?: { method: RectificationMethod; supplementaryStatement?: string }
  /** Why processing is restricted (Art 18(1)(a)–(d); s.47(2)–(3)), for a restriction granted. */
  restrictionGround?: string
  objection?: { kind: ObjectionKind; balance?: string }
  automated?: { safeguards: AutomatedSafeguard[]; reviewer?: string; decisionChanged?: boolean }
}

export interface RightDecision extends RightDecisionDetails {
  right: DecidedRight
  result: RightDecisionResult
  summary: string
  grounds: GroundApplied[]
  automatedRegime?: AutomatedRegime
  decidedBy: string
  decidedOn: LocalDate
}

/** Art 18 (or s.46(4), s.47(2)–(3)): processing restricted, and the steps to lift it (Art 18(3): notice first). */
export interface ProcessingRestriction {
  ground: string
  since: LocalDate
  liftNotice?: { on: LocalDate; reason: string; by: string }
  lifted?: { on: LocalDate; reason: string; by: string }
}

export type RecipientNoticeStatus = 'notified' | 'impossible' | 'disproportionate'
export type RecipientNoticeMethod = 'email' | 'post' | 'phone' | 'secure-transfer' | 'system-update'

/** Art 19 (s.48(9) for Part 3): one entry per recipient told of a rectification, erasure or restriction. */
export interface RecipientNotice {
  recipient: string
  status: RecipientNoticeStatus
  on: LocalDate
  method?: RecipientNoticeMethod
  /** Why it was impossible or disproportionate, or anything else worth keeping. */
  reason?: string
  recordedBy: string
}
