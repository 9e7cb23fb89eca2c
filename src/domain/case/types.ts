import type { ClarificationPause, ClockRestart, LocalDate, ProcessingRoute } from '../clock/index.js'
import type { DocumentSeen, RequesterType } from '../requester/evidence-rules.js'
import type { Right } from '../rights/rights.js'
import type { ChildCompetence, CompensationClaim, ThirdPartyConsent } from './safeguards.js'
import type { ProcessingRestriction, RecipientNotice, RightDecision } from './right-decision.js'

export type * from './right-decision.js'

export type CaseType = 'rights-request' | 'review' | 'complaint' | 'regulator-case'

export type CaseStatus =
  | 'received'
  | 'awaiting-identity'
  | 'awaiting-authority'
  | 'awaiting-fee'
  | 'awaiting-clarification'
  | 'in-progress'
  | 'in-review'
  | 'approved'
  | 'responded'
  | 'closed'
  | 'withdrawn'

export const CASE_STATUSES = [
  'received',
  'awaiting-identity',
  'awaiting-authority',
  'awaiting-fee',
  'awaiting-clarification',
  'in-progress',
  'in-review',
  'approved',
  'responded',
  'closed',
  'withdrawn',
] as const satisfies readonly CaseStatus[]

export type Channel = 'email' | 'post' | 'phone' | 'in-person' | 'portal' | 'api'

/** How a response can be sent: always in writing (DPA s.45(3) for Part 3; seed 002 sends by email or post). */
export type ResponseChannel = 'email' | 'post' | 'portal'

export type Outcome =
  | 'disclosed-in-full'
  | 'disclosed-in-part'
  | 'no-data-held'
  | 'refused-manifestly-unfounded'
  | 'refused-manifestly-excessive'
  | 'refused-exemption'
  | 'neither-confirm-nor-deny'
  | 'not-valid-no-authority'
  | 'redirected-other-controller'
  | 'redirected-deceased-foi'
  | 'redirected-acro'
  | 'not-personal-data'
  | 'action-taken'
  | 'action-declined'
  | 'review-upheld'
  | 'review-partly-upheld'
  | 'review-not-upheld'
  | 'complaint-upheld'
  | 'complaint-not-upheld'
  | 'regulator-answered'
  | 'withdrawn'

/**
 * How a response physically reached the requester (seed 002, "Responding to a SAR"): by email as a
 * password-protected file whose password is released only after identity is confirmed again; through the
 * portal download; or by post under the sensitive-information protocol (double envelope, data protection
 * disclaimer, special delivery). `documentIds` are the files sent.
 */
export type ResponseDelivery =
  | { method: 'encrypted-email'; documentIds: string[] }
  | { method: 'portal'; documentIds: string[] }
  | {
      method: 'post'
      documentIds: string[]
      doubleEnvelope: boolean
      disclaimerIncluded: boolean
      specialDeliveryReference: string
    }

/** Seed 002: the password goes separately from the file, by a second email or by telephone. */
export type PasswordReleaseVia = 'separate-email' | 'phone-call'

export interface PasswordRelease {
  via: PasswordReleaseVia
  /** How the officer confirmed they were dealing with the requester before giving the password. */
  identityConfirmedHow: string
  releasedBy: string
  releasedOn: LocalDate
}

export interface PostalAddress {
  lines: string[]
  postcode?: string
}

export interface Person {
  name: string
  email?: string
  phone?: string
  address?: PostalAddress
  dateOfBirth?: LocalDate
  otherNames?: string[]
}

export interface Representative extends Person {
  /** In the requester's words, e.g. "mother", "solicitor", "attorney (property and financial affairs)". */
  relationship: string
  organisation?: string
  /** A solicitor's or agent's own file reference, quoted back to them; their SRA number when they have one. */
  ownReference?: string
  sraNumber?: string
}

export interface RequestDetails {
  description: string
  actionWanted: string
  reasons: string
  preferredFormat?: string
  /** Right-specific answers keyed by RightDefinition.requiredDetails[].field. */
  details: Record<string, string>
}

export type ExtensionGround = 'complexity' | 'number'

export interface Extension {
  ground: ExtensionGround
  reasons: string
  noticeGivenOn: LocalDate
}

export type RefusalBasis = 'manifestly-unfounded' | 'manifestly-excessive' | 'no-authority' | 'exemption'

/**
 * Where the office cannot act, it says who can (signposting): another controller; ACRO Criminal Records Office, which
 * answers access requests for Police National Computer records, DNA profiles and fingerprints for the forces of
 * England and Wales; Freedom of Information for a person who has died; or the information is not personal data at
 * all (UK GDPR Art 4(1); DPA 2018 s.3(2)), so the right of access does not reach it.
 */
export type RedirectTarget = 'other-controller' | 'deceased-foi' | 'acro' | 'not-personal-data'
export const REDIRECT_TARGETS: readonly RedirectTarget[] = [
  'other-controller',
  'acro',
  'not-personal-data',
  'deceased-foi',
]

export type LinkRelation =
  | 'related'
  | 'same-requester'
  | 'duplicate'
  | 'concerns'
  | 'review'
  | 'complaint'
  | 'regulator-case'
  /** uk-rules §9: one request split into its UK GDPR and DPA 2018 Part 3 parts, each a case with its own clock. */
  | 'other-route-part'

export type DeadlineFlagKind = 'due-soon' | 'overdue' | 'extension-notice-due' | 'acknowledgement-due'

export interface CaseLink {
  caseId: string
  relation: LinkRelation
}

/**
 * DPA 2018 s.45(7): the controller records the reasons for restricting a person's rights under Part 3 and makes the
 * record available to the Commissioner. One entry per restriction, with the date it is next reviewed (a restriction
 * lasts only "for so long as" it is necessary: s.45(4); uk-rules §9).
 */
export interface RestrictionRecord {
  code: string
  reasons: string
  reviewOn: LocalDate
  /** s.45(6): the fact of the restriction itself was withheld (neither confirm nor deny). */
  neitherConfirmNorDeny: boolean
  recordedBy: string
  recordedOn: LocalDate
}

/** The aggregate snapshot: plain JSON data, rebuilt by folding the case's events with `evolve`. */
export interface CaseState {
  id: string
  reference: string
  controllerId: string
  caseType: CaseType
  /** Rights requests only. */
  right?: Right
  route: ProcessingRoute
  status: CaseStatus
  channel: Channel
  receivedOn: LocalDate
  receivedAt: string
  subject: Person
  requesterType: RequesterType
  representative?: Representative
  request: RequestDetails
  /** Clock inputs (uk-rules §1.3): identity, authority and fee restarts, clarification pauses, the extension. */
  restarts: ClockRestart[]
  pauses: ClarificationPause[]
  clarificationQuestions: string[]
  extension?: Extension
  acknowledgedOn?: LocalDate
  /** Which documents were seen and by whom: never their contents or copies (seed 002). */
  identity?: {
    documentsSeen: DocumentSeen[]
    verifiedOn: LocalDate
    verifierId: string
    otherEvidence?: { description: string; reason: string }
  }
  authority?: { documentType: string; receivedOn: LocalDate; recordedBy: string }
  fee?: {
    amountPence: number
    basis: string
    breakdown: { hours: number; ratePence: number; disbursementsPence: number }
    requestedOn: LocalDate
    paidOn?: LocalDate
  }
  assigneeId?: string
  workStartedOn?: LocalDate
  draft?: {
    version: number
    drafterId: string
    submittedAt?: string
    summary: string
    letterId?: string
    /** The exact letter text and files submitted (the release gate binds the approval to them). */
    letterSha256?: string
    files?: BoundFile[]
    comments?: string[]
  }
  /** What the reviewer approved: one letter version and the exact files, by SHA-256 (issue 10). */
  approval?: {
    approverId: string
    approvedAt: string
    /** The letter version approved; none when an appeal was decided without a letter written in Rightsdesk. */
    version?: number
    letterId?: string
    letterSha256?: string
    files?: BoundFile[]
  }
  refusal?: {
    basis: RefusalBasis
    exemptionCodes: string[]
    justification: string
    decidedBy: string
    decidedOn: LocalDate
    /** Earlier requests linked to this case that the decision relies on (issue 14: repeat requests). */
    citedCaseIds?: string[]
  }
  redirect?: { to: RedirectTarget; controllerName?: string; note: string; decidedOn: LocalDate }
  reviewDecision?: {
    upheld: boolean
    partly?: boolean
    reasons: string
    decidedBy: string
    decidedOn: LocalDate
    /** Who was asked to send the outcome. */
    senderId?: string
  }
  complaintOutcome?: { upheld: boolean; summary: string; recordedBy: string; recordedOn: LocalDate }
  regulator?: { reference?: string; dueOn?: LocalDate; enquiries: { on: LocalDate; summary: string }[] }
  response?: {
    channel: ResponseChannel
    outcome: Outcome
    sentOn: LocalDate
    exemptionCodes: string[]
    delivery?: ResponseDelivery
    passwordRelease?: PasswordRelease
  }
  outcome?: Outcome
  /** Art 15(3) UK GDPR: fees for further copies. Unlike an Art 12(5) fee they never restart the clock. */
  furtherCopyFees?: { amountPence: number; basis: string; recordedOn: LocalDate }[]
  /** Part 3 cases: the s.45(7) reasons record, one entry per restriction. */
  restrictions?: RestrictionRecord[]
  /** DPA 2018 Sch 2 Part 3 para 16: each third party asked for consent, their answer and the decision it informs. */
  thirdPartyConsents?: ThirdPartyConsent[]
  /** Requests made for a child: their competence and whether they were consulted. */
  childCompetence?: ChildCompetence
  /** Claims for compensation about this request (UK GDPR Art 82, DPA 2018 ss.168–169). */
  compensationClaims?: CompensationClaim[]
  /** Arts 16–22D / ss.46–50D: the decision on a right other than access, with its grounds and reasons. */
  rightDecision?: RightDecision
  /** Art 18 (s.46(4), s.47(2)–(3) for Part 3): processing restricted, and whether and when it was lifted. */
  processingRestriction?: ProcessingRestriction
  /** Art 19 (s.48(9)): each recipient told of the change, or why that was impossible or disproportionate. */
  recipientNotices?: RecipientNotice[]
  withdrawal?: { reason: string; on: LocalDate }
  links: CaseLink[]
  /** Reviews, complaints and regulator cases point at the case they concern. */
  parentCaseId?: string
  /** The date last flagged for each kind, so a repeated deadline sweep adds nothing (see decide: FlagDeadline). */
  deadlineFlags: Partial<Record<DeadlineFlagKind, LocalDate>>
  closedOn?: LocalDate
  /** Number of events applied; the expected version for optimistic concurrency. */
  version: number
}

/**
 * A file bound to a submitted or approved response: its SHA-256, and why it may go out ("bundle:<run>" for a verified
 * bundle, "marking:<id>" for a document marked "disclose in full"), so a rebuilt bundle or a changed marking no
 * longer matches what was approved.
 */
export interface BoundFile {
  documentId: string
  sha256: string
  basis: string
}

/** Statuses in which the office is waiting on the requester; the matching restart or pause is open. */
export const AWAITING_STATUSES = [
  'awaiting-identity',
  'awaiting-authority',
  'awaiting-fee',
  'awaiting-clarification',
] as const satisfies readonly CaseStatus[]

/** Statuses in which nothing more happens to the case unless it is reopened. */
export const FINISHED_STATUSES = ['closed', 'withdrawn'] as const satisfies readonly CaseStatus[]
