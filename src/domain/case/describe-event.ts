import {
  AUTHORITY_DOCUMENT_LABELS,
  IDENTITY_DOCUMENT_TYPES,
  isAuthorityDocumentType,
} from '../requester/evidence-rules.js'
import type { CaseEvent, CaseEventType, EventOf } from './events.js'
import { formatLongDate } from './long-dates.js'
import { OUTCOME_LABELS } from './outcome.js'
import { safeguardDescribers } from './describe-safeguards.js'
import { describeRightDecision, describeRecipientNotice } from './describe-right-decision.js'

const identityLabels = new Map(IDENTITY_DOCUMENT_TYPES.map((d) => [d.type, d.label.toLowerCase()]))

function documentLabel(type: string): string {
  if (isAuthorityDocumentType(type)) return AUTHORITY_DOCUMENT_LABELS[type].toLowerCase()
  return identityLabels.get(type) ?? type
}

function codes(list: readonly string[]): string {
  return list.length === 0 ? '' : ` (${list.join(', ')})`
}

function deliveryWords(e: EventOf<'ResponseSent'>): string {
  const d = e.delivery
  if (!d) return `by ${e.channel}`
  if (d.method === 'encrypted-email') return 'by email as a password-protected file (password to follow separately)'
  if (d.method === 'portal') return 'for download from the online service'
  const protocol = [d.doubleEnvelope ? 'double envelope' : '', d.disclaimerIncluded ? 'data protection disclaimer' : '']
    .filter(Boolean)
    .join(', ')
  return `by post (special delivery ${d.specialDeliveryReference}${protocol ? `, ${protocol}` : ''})`
}

const CASE_TYPE_NAMES = {
  'rights-request': 'Request',
  review: 'Review request',
  complaint: 'Complaint',
  'regulator-case': 'Regulator enquiry',
} as const

type Describers = { [K in CaseEventType]: (event: EventOf<K>) => string }

// One line per event for the case timeline. Wording for letters and the public lives in the web locales.
const describers: Describers = {
  RequestLogged: (e) => `${CASE_TYPE_NAMES[e.caseType]} received by ${e.channel} on ${formatLongDate(e.receivedOn)}`,
  Acknowledged: (e) => `Acknowledgement sent on ${formatLongDate(e.on)}`,
  IdentityRequested: (e) => `Proof of identity asked for${e.rationale ? `: ${e.rationale}` : ''}`,
  AuthorityRequested: (e) => `Proof that the representative may act asked for${e.note ? `: ${e.note}` : ''}`,
  FeeRequested: (e) => `Fee of £${(e.amountPence / 100).toFixed(2)} asked for: ${e.basis}`,
  ClarificationRequested: (e) => `Clarification asked for: ${e.question}`,
  IdentityVerified: (e) =>
    `Identity verified: ${e.documentsSeen.map((d) => documentLabel(d.documentType)).join(', ')} (seen by ${e.verifierId})`,
  AuthorityReceived: (e) =>
    `Authority to act received on ${formatLongDate(e.receivedOn)}: ${documentLabel(e.documentType)}`,
  FeePaid: (e) => `Fee paid on ${formatLongDate(e.paidOn)}`,
  ClarificationReceived: (e) =>
    `Clarification received on ${formatLongDate(e.receivedOn)}${e.summary ? `: ${e.summary}` : ''}`,
  ClarificationDeclined: (e) =>
    `Requester declined to clarify (${formatLongDate(e.on)}); searching on what they asked for`,
  DeadlineExtended: (e) =>
    e.workingDays
      ? `Review extended to ${e.workingDays} working days because it is complex: decision due by ${formatLongDate(e.due)}. Reasons: ${e.reasons}`
      : `Deadline extended to ${formatLongDate(e.due)} ${e.ground === 'complexity' ? 'because the request is complex' : 'because of the number of requests'}; notice given on ${formatLongDate(e.noticeGivenOn)}`,
  CaseAssigned: (e) => `Assigned to ${e.assigneeId}`,
  WorkStarted: () => 'Work started',
  RequestRefused: (e) =>
    `Decision to refuse: ${OUTCOME_LABELS[e.outcome]}${codes(e.exemptionCodes)}${e.citedCaseIds?.length ? `, citing earlier requests ${e.citedCaseIds.join(', ')}` : ''}`,
  RequestRedirected: (e) =>
    e.to === 'deceased-foi'
      ? 'Redirected: about a person who has died, handled outside data protection law'
      : e.to === 'acro'
        ? 'Signposted to ACRO Criminal Records Office (Police National Computer records, DNA and fingerprints)'
        : e.to === 'not-personal-data'
          ? 'Answered: the information asked for is not personal data'
          : `Redirected to ${e.controllerName ?? 'another organisation'}`,
  DraftSubmitted: (e) => `Draft response version ${e.version} submitted for approval`,
  DraftApproved: (e) => `Draft response version ${e.version} approved by ${e.actorId}`,
  DraftReturned: (e) => `Draft response version ${e.version} returned with comments: ${e.comments}`,
  ResponseSent: (e) =>
    `Response sent ${deliveryWords(e)} on ${formatLongDate(e.sentOn)}: ${OUTCOME_LABELS[e.outcome]}${codes(e.exemptionCodes)}`,
  ResponsePasswordReleased: (e) =>
    `Password for the response given ${e.via === 'phone-call' ? 'by telephone' : 'in a separate email'} on ${formatLongDate(e.on)}, after identity was confirmed: ${e.identityConfirmedHow}`,
  RequestWithdrawn: (e) => `Withdrawn: ${e.reason}`,
  CaseClosed: (e) => `Case closed on ${formatLongDate(e.on)}`,
  CaseReopened: (e) => `Case reopened: ${e.reason}`,
  CaseLinked: (e) => `Linked to case ${e.otherCaseId} (${e.relation})`,
  ReviewDecided: (e) =>
    `Review decided: ${OUTCOME_LABELS[e.outcome]}${e.senderId ? `. Outcome to be sent by ${e.senderId}` : ''}`,
  ComplaintOutcomeRecorded: (e) => `Complaint outcome: ${OUTCOME_LABELS[e.outcome]}`,
  RegulatorEnquiryRecorded: (e) =>
    `Regulator enquiry recorded${e.dueOn ? `, answer due ${formatLongDate(e.dueOn)}` : ''}: ${e.summary}`,
  DeadlineFlagged: (e) => `Deadline flag: ${e.kind.replaceAll('-', ' ')} (${formatLongDate(e.forDate)})`,
  FurtherCopyFeeRecorded: (e) =>
    `Fee for further copies recorded (UK GDPR Art 15(3)): £${(e.amountPence / 100).toFixed(2)}, ${e.basis}. The time limit is unchanged.`,
  RestrictionRecorded: (e) =>
    `Restriction recorded (DPA 2018 s.45(7)): ${e.code}${e.neitherConfirmNorDeny ? ', neither confirm nor deny' : ''}; review by ${formatLongDate(e.reviewOn)}. Reasons: ${e.reasons}`,
  ...safeguardDescribers,
  RightDecided: describeRightDecision,
  RecipientNotified: describeRecipientNotice,
  RestrictionLiftNoticeGiven: (e) =>
    `Requester told the restriction of processing will be lifted (before lifting it): ${e.reason}`,
  ProcessingRestrictionLifted: (e) => `Restriction of processing lifted on ${formatLongDate(e.on)}: ${e.reason}`,
}

/** A plain-English line for the case timeline. */
export function describeEvent(event: CaseEvent): string {
  const describe = describers[event.type] as (e: CaseEvent) => string
  return describe(event)
}
