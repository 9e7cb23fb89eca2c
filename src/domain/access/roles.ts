import type { CommandType } from '../case/commands.js'

/**
 * Default roles, after the office's policy (seed 002): Correspondence logs and acknowledges; the Office & Data
 * Protection Manager does the casework and drafts; the Head of Policy Coordination & Research (or another senior
 * manager) reviews and approves drafts; the Chief Executive decides appeals and watches compliance. A deployment
 * may change the grants; the domain only ever asks `can`.
 */
export type Role =
  'correspondence' | 'dp-manager' | 'reviewer' | 'chief-executive' | 'staff' | 'copy-recipient' | 'admin'

export const ROLES: readonly Role[] = [
  'correspondence',
  'dp-manager',
  'reviewer',
  'chief-executive',
  'staff',
  'copy-recipient',
  'admin',
]

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  correspondence: 'Logs every request as it arrives, sends the acknowledgement and asks for proof of identity.',
  'dp-manager': 'Handles requests from start to finish: searches, applies exemptions, drafts responses and sends them.',
  reviewer: 'Oversees all requests and checks and approves draft responses before they are sent.',
  'chief-executive': 'Decides appeals against refusals and reviews compliance reports.',
  staff: 'Searches for information when asked and answers their own tasks.',
  'copy-recipient': 'Can read the cases they have been copied on, and nothing else.',
  admin: 'Manages user accounts and settings and checks the audit trail; does not decide cases.',
}

export type Permission =
  | 'case:log'
  /** Seed 002: any member of staff who receives a request passes it to Correspondence the same day. */
  | 'case:refer'
  | 'case:view'
  | 'case:view-all'
  | 'case:acknowledge'
  | 'case:verify-identity'
  | 'case:request-info'
  | 'case:charge-fee'
  | 'case:extend'
  | 'case:assign'
  | 'case:work'
  | 'case:refuse'
  | 'case:redirect'
  | 'case:draft'
  | 'case:approve'
  | 'case:send-response'
  | 'case:close'
  | 'case:reopen'
  | 'case:withdraw'
  | 'case:link'
  | 'review:decide'
  | 'complaint:handle'
  | 'regulator:log'
  | 'task:assign'
  | 'task:answer'
  | 'report:view'
  | 'user:admin'
  | 'settings:admin'
  | 'audit:verify'
  | 'api:use'
  | 'deadline:flag'
  | 'retention:propose'
  | 'retention:approve'
  | 'retention:manage'
  | 'legal-hold:manage'
  | 'register:manage'
  | 'training:manage'
  /** Seed 002: the Chief Executive "will occasionally review the Training Record Status List". */
  | 'training:view'
  /** Issue 16: register the places records are kept (mailboxes, shares, databases) and the intake mailbox. */
  | 'discovery:manage'

const CASEWORK: readonly Permission[] = [
  'case:log',
  'case:view',
  'case:view-all',
  'case:acknowledge',
  'case:verify-identity',
  'case:request-info',
  'case:charge-fee',
  'case:extend',
  'case:assign',
  'case:work',
  'case:refuse',
  'case:redirect',
  'case:draft',
  'case:send-response',
  'case:close',
  'case:reopen',
  'case:withdraw',
  'case:link',
  'complaint:handle',
  'regulator:log',
  'task:assign',
  'report:view',
]

/**
 * Least privilege by default. Nobody holds 'deadline:flag' (the deadline sweep runs as the system) or 'api:use'
 * (granted to API clients explicitly). The dp-manager drafts and the reviewer approves, so four-eyes is also
 * built into the default grants; decide enforces it regardless.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  correspondence: [
    'case:log',
    'case:refer',
    'case:view',
    'case:view-all',
    'case:acknowledge',
    'case:verify-identity',
    'case:request-info',
    'case:link',
  ],
  // The DP manager is also the office's Data Protection Officer: the register and training records are theirs.
  'dp-manager': [
    ...CASEWORK,
    'case:refer',
    'retention:propose',
    'legal-hold:manage',
    'register:manage',
    'training:manage',
  ],
  reviewer: ['case:refer', 'case:view', 'case:view-all', 'case:approve', 'case:assign', 'case:link', 'report:view'],
  // The Chief Executive is the authorising officer for disposal (four eyes: the DP manager proposes).
  'chief-executive': [
    'case:refer',
    'case:view',
    'case:view-all',
    'case:approve',
    'review:decide',
    'report:view',
    'retention:approve',
    'legal-hold:manage',
    'training:view',
  ],
  staff: ['task:answer', 'case:refer'],
  'copy-recipient': ['case:view'],
  admin: [
    'case:refer',
    'user:admin',
    'settings:admin',
    'audit:verify',
    'retention:manage',
    'register:manage',
    'training:manage',
    'discovery:manage',
  ],
}

export function can(
  roles: readonly Role[],
  permission: Permission,
  grants: Record<Role, readonly Permission[]> = rolePermissions,
): boolean {
  return roles.some((role) => grants[role]?.includes(permission) ?? false)
}

const COMMAND_PERMISSIONS: Record<CommandType, Permission> = {
  LogRequest: 'case:log',
  Acknowledge: 'case:acknowledge',
  RequestIdentity: 'case:request-info',
  RequestAuthority: 'case:request-info',
  RequestFee: 'case:charge-fee',
  RequestClarification: 'case:request-info',
  RecordIdentityVerified: 'case:verify-identity',
  RecordAuthorityReceived: 'case:verify-identity',
  RecordFeePaid: 'case:charge-fee',
  RecordClarificationReceived: 'case:request-info',
  RecordClarificationDeclined: 'case:request-info',
  Extend: 'case:extend',
  Assign: 'case:assign',
  StartWork: 'case:work',
  Refuse: 'case:refuse',
  Redirect: 'case:redirect',
  SubmitDraft: 'case:draft',
  Approve: 'case:approve',
  ReturnDraft: 'case:approve',
  RecordResponseSent: 'case:send-response',
  RecordPasswordReleased: 'case:send-response',
  Withdraw: 'case:withdraw',
  Close: 'case:close',
  Reopen: 'case:reopen',
  LinkCase: 'case:link',
  DecideReview: 'review:decide',
  RecordComplaintOutcome: 'complaint:handle',
  RecordRegulatorEnquiry: 'regulator:log',
  // Restricting a right is a decision to withhold, like a refusal (DPA s.45(4)).
  RecordRestriction: 'case:refuse',
  RecordFurtherCopyFee: 'case:charge-fee',
  // Casework steps on the material (Sch 2 para 16) and the request (a child's competence): the caseworker's.
  SeekThirdPartyConsent: 'case:work',
  RecordThirdPartyConsent: 'case:work',
  RecordChildCompetence: 'case:work',
  // A claim is a complaint-like matter about how the request was handled.
  LogCompensationClaim: 'complaint:handle',
  RecordCompensationOutcome: 'complaint:handle',
  // Deciding a right other than access is a decision like a refusal; telling recipients is casework.
  DecideRight: 'case:refuse',
  NotifyRecipient: 'case:work',
  GiveRestrictionLiftNotice: 'case:refuse',
  LiftProcessingRestriction: 'case:refuse',
  FlagDeadline: 'deadline:flag',
}

/** The permission a command needs; the application layer checks it before calling decide. */
export function permissionForCommand(commandType: CommandType): Permission {
  return COMMAND_PERMISSIONS[commandType]
}
