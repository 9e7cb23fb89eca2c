import type { LocalDate, ProcessingRoute } from '../clock/index.js'
import type { DocumentSeen, RequesterType } from '../requester/evidence-rules.js'
import type { Right } from '../rights/rights.js'
import type {
  GroundApplied,
  RecipientNoticeMethod,
  RecipientNoticeStatus,
  RightDecisionDetails,
  RightDecisionResult,
} from './right-decision.js'
import type {
  BoundFile,
  CaseType,
  Channel,
  DeadlineFlagKind,
  ExtensionGround,
  LinkRelation,
  Outcome,
  Person,
  RedirectTarget,
  RefusalBasis,
  Representative,
  PasswordReleaseVia,
  RequestDetails,
  ResponseChannel,
  ResponseDelivery,
} from './types.js'
import type { SafeguardCommand } from './safeguard-commands.js'

/**
 * Everything that can be asked of a case (DESIGN §3: web handlers, CLI commands and jobs issue these; nothing
 * writes status directly). Dates named `…On` are Europe/London calendar dates; the actor and the time come from
 * the DecideContext, not the command.
 */
export type Command =
  | LogRequest
  | { type: 'Acknowledge'; on?: LocalDate }
  | { type: 'RequestIdentity'; rationale?: string }
  | { type: 'RequestAuthority'; note?: string }
  | RequestFee
  | { type: 'RequestClarification'; question: string }
  | RecordIdentityVerified
  | { type: 'RecordAuthorityReceived'; documentType: string; receivedOn: LocalDate }
  | { type: 'RecordFeePaid'; paidOn: LocalDate }
  | { type: 'RecordClarificationReceived'; receivedOn: LocalDate; summary?: string }
  | { type: 'RecordClarificationDeclined'; on: LocalDate }
  | { type: 'Extend'; ground: ExtensionGround; reasons: string; noticeGivenOn?: LocalDate }
  | { type: 'Assign'; assigneeId: string }
  | { type: 'StartWork' }
  | Refuse
  | { type: 'Redirect'; to: RedirectTarget; controllerName?: string; note: string }
  | {
      type: 'SubmitDraft'
      version: number
      summary: string
      letterId?: string
      /** Set by the release gate from the letter itself, never taken from a client. */
      letterSha256?: string
      files?: BoundFile[]
    }
  | { type: 'Approve' }
  | { type: 'ReturnDraft'; comments: string }
  | RecordResponseSent
  | RecordPasswordReleased
  | { type: 'Withdraw'; reason: string }
  | { type: 'Close' }
  | { type: 'Reopen'; reason: string }
  | { type: 'LinkCase'; otherCaseId: string; relation: LinkRelation }
  | {
      type: 'DecideReview'
      upheld: boolean
      /** Upheld in part only (issue 14): some of the original decision stands. Needs upheld: true. */
      partly?: boolean
      reasons: string
      /** Who is to send the outcome: the case becomes theirs, so the step is in their work (issue 14). */
      senderId?: string
      letterId?: string
      letterVersion?: number
    }
  | { type: 'RecordComplaintOutcome'; upheld: boolean; summary: string }
  | { type: 'RecordRegulatorEnquiry'; summary: string; dueOn?: LocalDate; regulatorReference?: string }
  | { type: 'FlagDeadline'; kind: DeadlineFlagKind; forDate: LocalDate }
  | { type: 'RecordFurtherCopyFee'; amountPence: number; basis: string }
  | { type: 'RecordRestriction'; code: string; reasons: string; reviewOn: LocalDate; neitherConfirmNorDeny?: boolean }
  | SafeguardCommand
  | DecideRight
  | NotifyRecipient
  | { type: 'GiveRestrictionLiftNotice'; reason: string }
  | { type: 'LiftProcessingRestriction'; reason: string }

export type CommandType = Command['type']

/** Opens a case of any type. Reviews, complaints and regulator cases name the case they concern in parentCaseId. */
export interface LogRequest {
  type: 'LogRequest'
  id: string
  reference: string
  controllerId: string
  caseType: CaseType
  /** Required for a rights request, absent otherwise. */
  right?: Right
  route: ProcessingRoute
  channel: Channel
  /** ISO 8601 instant of receipt; the received date is its Europe/London calendar date. */
  receivedAt: string
  subject: Person
  requesterType: RequesterType
  representative?: Representative
  request: RequestDetails
  parentCaseId?: string
  /** Regulator cases: the regulator's reference and the date it asked for an answer by. */
  regulatorReference?: string
  regulatorDueOn?: LocalDate
}

/** UK GDPR Art 12(5)(a): a reasonable fee for a manifestly unfounded or excessive request, from admin costs. */
export interface RequestFee {
  type: 'RequestFee'
  amountPence: number
  basis: string
  breakdown: { hours: number; ratePence: number; disbursementsPence: number }
}

/**
 * Identity confirmed from the documents seen (their types only). `receivedOn` is the day the identity information
 * ARRIVED: it ends the identity restart, so the month starts again from that day (Art 12A(2)(b)).
 */
export interface RecordIdentityVerified {
  type: 'RecordIdentityVerified'
  documentsSeen: DocumentSeen[]
  verifiedOn: LocalDate
  verifierId: string
  receivedOn: LocalDate
  /** Evidence other than the listed documents, accepted by the officer with a recorded reason (see OtherEvidence). */
  otherEvidence?: OtherEvidence
}

/**
 * The evidence table is policy, not law: the law asks only for what removes reasonable doubt (UK GDPR Art 12(6),
 * DPA s.52(4); ICO right-of-access guidance). Someone without the listed documents can be identified another way,
 * and the officer who accepts that records what they saw and why it is enough.
 */
export interface OtherEvidence {
  description: string
  reason: string
}

export interface Refuse {
  type: 'Refuse'
  basis: RefusalBasis
  exemptionCodes?: string[]
  /** Why: the controller carries the burden of showing a request is unfounded or excessive (Art 12(5), DPA s.53(3)). */
  justification: string
  /** Neither confirm nor deny that information is held (DPA s.45(6); exemption refusals only). */
  neitherConfirmNorDeny?: boolean
  /**
   * Linked earlier requests the decision relies on: a request that "largely repeats earlier requests without a
   * reasonable interval" may be manifestly excessive (uk-rules §5), and the controller must be able to show it.
   */
  citedCaseIds?: string[]
}

/** The decision on a rectification, erasure, restriction, objection or automated-decision request (Arts 16–22D). */
export interface DecideRight extends RightDecisionDetails {
  type: 'DecideRight'
  result: RightDecisionResult
  /** What we did, or will not do, in words for the requester. */
  summary: string
  /** Each code relied on to refuse or limit the request, with its own reason. */
  grounds?: GroundApplied[]
}

/** Art 19 (s.48(9) Part 3): a recipient told of the change, or why telling them is impossible or disproportionate. */
export interface NotifyRecipient {
  type: 'NotifyRecipient'
  recipient: string
  status: RecipientNoticeStatus
  on: LocalDate
  method?: RecipientNoticeMethod
  reason?: string
}

export interface RecordResponseSent {
  type: 'RecordResponseSent'
  channel: ResponseChannel
  outcome: Outcome
  sentOn: LocalDate
  exemptionCodes?: string[]
  /** What was sent and how it was protected (seed 002); optional for records of responses sent outside Rightsdesk. */
  delivery?: ResponseDelivery
}

/**
 * The password for an encrypted email response was given to the requester, separately from the file, after the
 * officer confirmed again that they were dealing with the requester (seed 002: "confirmation of identity required
 * prior to sending password").
 */
export interface RecordPasswordReleased {
  type: 'RecordPasswordReleased'
  via: PasswordReleaseVia
  identityConfirmedHow: string
}

export const COMMAND_TYPES = [
  'LogRequest',
  'Acknowledge',
  'RequestIdentity',
  'RequestAuthority',
  'RequestFee',
  'RequestClarification',
  'RecordIdentityVerified',
  'RecordAuthorityReceived',
  'RecordFeePaid',
  'RecordClarificationReceived',
  'RecordClarificationDeclined',
  'Extend',
  'Assign',
  'StartWork',
  'Refuse',
  'Redirect',
  'SubmitDraft',
  'Approve',
  'ReturnDraft',
  'RecordResponseSent',
  'RecordPasswordReleased',
  'Withdraw',
  'Close',
  'Reopen',
  'LinkCase',
  'DecideReview',
  'RecordComplaintOutcome',
  'RecordRegulatorEnquiry',
  'FlagDeadline',
  'RecordRestriction',
  'RecordFurtherCopyFee',
  'SeekThirdPartyConsent',
  'RecordThirdPartyConsent',
  'RecordChildCompetence',
  'LogCompensationClaim',
  'RecordCompensationOutcome',
  'DecideRight',
  'NotifyRecipient',
  'GiveRestrictionLiftNotice',
  'LiftProcessingRestriction',
] as const satisfies readonly CommandType[]

// Compile-time check that COMMAND_TYPES lists every command: this fails to type-check if one is missing.
type MissingCommandType = Exclude<CommandType, (typeof COMMAND_TYPES)[number]>
const everyCommandListed: MissingCommandType extends never ? true : false = true
void everyCommandListed
