import type { LocalDate, ProcessingRoute } from '../clock/index.js'
import type { DocumentSeen, RequesterType } from '../requester/evidence-rules.js'
import type { OtherEvidence } from './commands.js'
import type { Right } from '../rights/rights.js'
import type { RecipientNoticeMethod, RecipientNoticeStatus, RightDecision } from './right-decision.js'
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
import type { SafeguardEventBody } from './safeguard-commands.js'

export { describeEvent } from './describe-event.js'

/**
 * What happened to a case, in the past tense. The events are the audit trail and the timeline (DESIGN §3): each
 * carries who did it (`actorId`), when (`at`, an ISO instant) and the data `evolve` needs, so the state can always
 * be rebuilt from them.
 */
interface Base {
  actorId: string
  at: string
}

export interface RequestLogged extends Base {
  type: 'RequestLogged'
  caseId: string
  reference: string
  controllerId: string
  caseType: CaseType
  right?: Right
  route: ProcessingRoute
  channel: Channel
  receivedAt: string
  receivedOn: LocalDate
  subject: Person
  requesterType: RequesterType
  representative?: Representative
  request: RequestDetails
  parentCaseId?: string
  regulatorReference?: string
  regulatorDueOn?: LocalDate
}

export type CaseEvent =
  | RequestLogged
  | (Base & { type: 'Acknowledged'; on: LocalDate })
  | (Base & { type: 'IdentityRequested'; requestedOn: LocalDate; rationale?: string })
  | (Base & { type: 'AuthorityRequested'; requestedOn: LocalDate; note?: string })
  | (Base & {
      type: 'FeeRequested'
      requestedOn: LocalDate
      amountPence: number
      basis: string
      breakdown: { hours: number; ratePence: number; disbursementsPence: number }
    })
  | (Base & { type: 'ClarificationRequested'; requestedOn: LocalDate; question: string })
  | (Base & {
      type: 'IdentityVerified'
      documentsSeen: DocumentSeen[]
      verifiedOn: LocalDate
      verifierId: string
      receivedOn: LocalDate
      otherEvidence?: OtherEvidence
      /** True when this ends an identity restart, so the clock starts again from receivedOn. */
      endsRestart: boolean
    })
  | (Base & { type: 'AuthorityReceived'; documentType: string; receivedOn: LocalDate; endsRestart: boolean })
  | (Base & { type: 'FeePaid'; paidOn: LocalDate })
  | (Base & { type: 'ClarificationReceived'; receivedOn: LocalDate; summary?: string })
  | (Base & { type: 'ClarificationDeclined'; on: LocalDate })
  | (Base & {
      type: 'DeadlineExtended'
      ground: ExtensionGround
      reasons: string
      noticeGivenOn: LocalDate
      due: LocalDate
      /** Reviews: the longer limit, in working days, the review now has (issue 14). */
      workingDays?: number
    })
  | (Base & { type: 'CaseAssigned'; assigneeId: string; previousAssigneeId?: string })
  | (Base & { type: 'WorkStarted'; on: LocalDate })
  | (Base & {
      type: 'RequestRefused'
      basis: RefusalBasis
      exemptionCodes: string[]
      justification: string
      outcome: Outcome
      on: LocalDate
      citedCaseIds?: string[]
    })
  | (Base & {
      type: 'RequestRedirected'
      to: RedirectTarget
      controllerName?: string
      note: string
      outcome: Outcome
      on: LocalDate
    })
  | (Base & {
      type: 'DraftSubmitted'
      version: number
      summary: string
      letterId?: string
      letterSha256?: string
      files?: BoundFile[]
    })
  | (Base & { type: 'DraftApproved'; version: number; letterId?: string; letterSha256?: string; files?: BoundFile[] })
  | (Base & { type: 'DraftReturned'; version: number; comments: string })
  | (Base & {
      type: 'ResponseSent'
      channel: ResponseChannel
      outcome: Outcome
      sentOn: LocalDate
      exemptionCodes: string[]
      delivery?: ResponseDelivery
    })
  | (Base & {
      type: 'ResponsePasswordReleased'
      via: PasswordReleaseVia
      identityConfirmedHow: string
      on: LocalDate
    })
  | (Base & { type: 'RequestWithdrawn'; reason: string; on: LocalDate })
  | (Base & { type: 'CaseClosed'; on: LocalDate })
  | (Base & { type: 'CaseReopened'; reason: string; on: LocalDate })
  | (Base & { type: 'CaseLinked'; otherCaseId: string; relation: LinkRelation })
  | (Base & {
      type: 'ReviewDecided'
      upheld: boolean
      partly?: boolean
      reasons: string
      senderId?: string
      outcome: Outcome
      on: LocalDate
      letterId?: string
      letterVersion?: number
    })
  | (Base & { type: 'ComplaintOutcomeRecorded'; upheld: boolean; summary: string; outcome: Outcome; on: LocalDate })
  | (Base & {
      type: 'RegulatorEnquiryRecorded'
      summary: string
      on: LocalDate
      dueOn?: LocalDate
      regulatorReference?: string
    })
  | (Base & { type: 'DeadlineFlagged'; kind: DeadlineFlagKind; forDate: LocalDate })
  | (Base & { type: 'FurtherCopyFeeRecorded'; amountPence: number; basis: string; on: LocalDate })
  | (Base & {
      type: 'RestrictionRecorded'
      code: string
      reasons: string
      reviewOn: LocalDate
      neitherConfirmNorDeny: boolean
      on: LocalDate
    })
  | (Base & SafeguardEventBody)
  | (Base &
      Omit<RightDecision, 'decidedBy' | 'decidedOn'> & {
        type: 'RightDecided'
        outcome: Outcome
        on: LocalDate
        /** The ground a processing restriction starts on (Art 18 granted, or s.46(4)/s.47(2) evidence), if any. */
        restrictionStarts?: string
      })
  | (Base & {
      type: 'RecipientNotified'
      recipient: string
      status: RecipientNoticeStatus
      on: LocalDate
      method?: RecipientNoticeMethod
      reason?: string
    })
  | (Base & { type: 'RestrictionLiftNoticeGiven'; reason: string; on: LocalDate })
  | (Base & { type: 'ProcessingRestrictionLifted'; reason: string; on: LocalDate })

export type CaseEventType = CaseEvent['type']

/** The event of one type, e.g. `EventOf<'DraftApproved'>`. */
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>
