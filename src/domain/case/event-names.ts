import type { CaseEventType } from './events.js'

/** Every case event type, as a value (e.g. to tell case events from other audit records). */
export const CASE_EVENT_NAMES = [
  'RequestLogged',
  'Acknowledged',
  'IdentityRequested',
  'AuthorityRequested',
  'FeeRequested',
  'ClarificationRequested',
  'IdentityVerified',
  'AuthorityReceived',
  'FeePaid',
  'ClarificationReceived',
  'ClarificationDeclined',
  'DeadlineExtended',
  'CaseAssigned',
  'WorkStarted',
  'RequestRefused',
  'RequestRedirected',
  'DraftSubmitted',
  'DraftApproved',
  'DraftReturned',
  'ResponseSent',
  'ResponsePasswordReleased',
  'RequestWithdrawn',
  'CaseClosed',
  'CaseReopened',
  'CaseLinked',
  'ReviewDecided',
  'ComplaintOutcomeRecorded',
  'RegulatorEnquiryRecorded',
  'DeadlineFlagged',
  'RestrictionRecorded',
  'FurtherCopyFeeRecorded',
  'ThirdPartyConsentSought',
  'ThirdPartyConsentRecorded',
  'ChildCompetenceRecorded',
  'CompensationClaimLogged',
  'CompensationOutcomeRecorded',
  'RightDecided',
  'RecipientNotified',
  'RestrictionLiftNoticeGiven',
  'ProcessingRestrictionLifted',
] as const satisfies readonly CaseEventType[]

// Fails to type-check if an event type is missing from the list.
type Missing = Exclude<CaseEventType, (typeof CASE_EVENT_NAMES)[number]>
const everyEventListed: Missing extends never ? true : false = true
void everyEventListed
