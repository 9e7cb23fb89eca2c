/**
 * The domain's error catalogue (DESIGN §3). Each code is stable: the web layer maps it to an HTTP status, a GOV.UK
 * error page or an API problem+json, and tests assert on it. `message` is for logs and caseworkers' support;
 * `userMessage` is plain English that can be shown to the person who tried the action.
 */
export type DomainErrorCode =
  | 'validation'
  | 'invalid-transition'
  | 'case-closed'
  | 'not-found'
  | 'conflict'
  | 'not-permitted'
  | 'four-eyes'
  | 'approval-required'
  | 'extension-too-late'
  | 'extension-already-given'
  | 'extension-not-allowed'
  | 'clarification-not-for-this-right'
  | 'right-not-available'
  | 'wrong-case-type'
  | 'not-releasable'
  | 'redacted-text'
  | 'nothing-enclosed'
  | 'approval-mismatch'

const defaultUserMessages: Record<DomainErrorCode, string> = {
  validation: 'Some of the information given is missing or not in the right form.',
  'invalid-transition': 'That action is not possible at this stage of the case.',
  'case-closed': 'This case is closed. Reopen it before making changes.',
  'not-found': 'We could not find what you asked for.',
  conflict: 'Someone else has already made this change, or it has already been recorded.',
  'not-permitted': 'You do not have permission to do that.',
  'four-eyes': 'A response must be approved by someone other than the person who drafted it.',
  'approval-required': 'A response can only be sent after it has been approved.',
  'extension-too-late': 'The deadline for telling the requester about an extension has passed.',
  'extension-already-given': 'The deadline for this case has already been extended once.',
  'extension-not-allowed': 'The law does not allow an extension for this request.',
  'clarification-not-for-this-right': 'The clock can only be paused for clarification on a request for access.',
  'right-not-available': 'That right is not available for this kind of processing.',
  'wrong-case-type': 'That action does not apply to this type of case.',
  // The release gate (issue 10): what may go to a requester, and only as approved.
  'not-releasable': 'Only the verified disclosure bundle, or a document marked “disclose in full”, can be sent.',
  'redacted-text': 'The response mentions something this case redacted.',
  'nothing-enclosed': 'The response says information is enclosed, but nothing is attached.',
  'approval-mismatch': 'What would be sent is not what was approved. It needs approval again.',
}

export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly userMessage: string
  /** Per-field messages for forms and API problem details (field name → plain-English message). */
  readonly fields: Readonly<Record<string, string>>

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { userMessage?: string; fields?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.userMessage = options.userMessage ?? defaultUserMessages[code]
    this.fields = options.fields ?? {}
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(
  code: DomainErrorCode,
  message: string,
  options: { userMessage?: string; fields?: Record<string, string> } = {},
): Result<T> {
  return { ok: false, error: new DomainError(code, message, options) }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError
}
