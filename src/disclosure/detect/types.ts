/**
 * The contract of personal-data detection, shared by the detectors, the redaction pipeline, the
 * workbench and the `rightsdesk detect` command. Offsets are JavaScript string indices (UTF-16 code
 * units) into the text that was scanned, end exclusive.
 */
export type PiiType =
  | 'PERSON'
  | 'EMAIL'
  | 'PHONE'
  | 'POSTCODE'
  | 'ADDRESS'
  | 'DATE_OF_BIRTH'
  | 'NI_NUMBER'
  | 'NHS_NUMBER'
  | 'VEHICLE_REG'
  | 'CARD_NUMBER'
  | 'BANK_ACCOUNT'
  | 'IP_ADDRESS'
  | 'URL'
  | 'CRIME_REFERENCE'
  /** One of the data subject's own identifiers: shown to the reviewer, never proposed for redaction. */
  | 'SUBJECT'
  /** A member of staff or an officer acting in an official capacity, when the policy is to disclose them. */
  | 'STAFF'

export interface DetectedSpan {
  start: number
  end: number
  type: PiiType
  text: string
  /** 0..1: how sure the recogniser is. Redaction is recall-first, so low scores are still proposed. */
  score: number
  /** Which recogniser found it, e.g. 'email-pattern', 'person-gazetteer', 'subject:PERSON'. */
  recogniser: string
}

/** The data subject's identifiers as entered on the case. */
export interface SubjectIdentifiers {
  names: string[]
  emails?: string[]
  phones?: string[]
  addresses?: string[]
  postcodes?: string[]
  datesOfBirth?: string[]
}

export interface DetectOptions {
  subject?: SubjectIdentifiers
  /** Other people named on the case (third parties): always detected as PERSON, whatever the context. */
  knownParties?: string[]
  /** Names of staff/officers; `staffPolicy` says whether they are disclosed (type STAFF) or redacted (PERSON). */
  staffNames?: string[]
  staffPolicy?: 'disclose' | 'redact'
  /** Force-specific crime reference formats, e.g. /\b\d{2}\/\d{5,6}\/\d{2}\b/ ; defaults cover common shapes. */
  crimeReferencePatterns?: RegExp[]
  /** Keep the built-in crime reference shapes alongside `crimeReferencePatterns` (default true). */
  crimeReferenceDefaults?: boolean
}
