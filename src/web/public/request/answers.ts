import type { EvidenceParty, RequesterType, ResponseChannel, Right } from '../../../domain/index.js'

/**
 * Everything the make-a-request journey has been told so far. It lives server-side in the public session
 * (src/web/session.ts) between pages, never in hidden fields, so going back shows what was entered and nothing
 * can be skipped by editing the page.
 */
export interface RequestAnswers {
  controllerId?: string
  requesterType?: RequesterType
  /** Asked only when someone acts for another person: data about the dead is not personal data (uk-rules §7). */
  alive?: 'yes' | 'no'
  rights?: Right[]
  subjectName?: string
  subjectOtherNames?: string
  /** As typed, so an invalid date can be shown back; `dateOfBirth` is set only when it is a real date. */
  dobParts?: { day: string; month: string; year: string }
  dateOfBirth?: string
  representative?: {
    name: string
    relationship: string
    organisation: string
    /** A solicitor's or agent's own file reference and SRA number (solicitor-or-agent only). */
    ownReference?: string
    sraNumber?: string
  }
  contact?: Contact
  responseFormat?: ResponseChannel
  details?: Partial<Record<Right, Record<string, string>>>
  /** 'none': the requester has none of the listed documents and says what they can offer instead (ICO: be flexible). */
  evidenceMethod?: 'upload' | 'post' | 'none'
  noDocuments?: string
  uploads?: UploadAnswer[]
}

export interface Contact {
  email: string
  phone: string
  line1: string
  line2: string
  town: string
  postcode: string
}

export interface UploadAnswer {
  documentId: string
  filename: string
  party: EvidenceParty
  documentType: string
  size: number
}

export const SESSION_KEY = 'request'
export const SUBMITTED_KEY = 'requestSubmitted'

export function hasPostalAddress(c: Contact | undefined): boolean {
  return !!c && c.line1 !== '' && c.town !== '' && c.postcode !== ''
}

export function isRepresentative(answers: RequestAnswers): boolean {
  return answers.requesterType !== undefined && answers.requesterType !== 'self'
}
