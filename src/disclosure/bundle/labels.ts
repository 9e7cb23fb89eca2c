import type { RedactionKind } from '../redact/needles.js'
import type { DocumentKind } from '../ingest/index.js'

/** How the schedule names each kind of removed information, in words a requester understands. */
export const REDACTION_LABELS: Record<RedactionKind, string> = {
  TERM: 'Information about another person',
  PERSON: "Another person's name",
  EMAIL: 'Email address',
  PHONE: 'Phone number',
  POSTCODE: 'Postcode',
  ADDRESS: 'Address',
  DATE_OF_BIRTH: 'Date of birth',
  NI_NUMBER: 'National Insurance number',
  NHS_NUMBER: 'NHS number',
  VEHICLE_REG: 'Vehicle registration',
  CARD_NUMBER: 'Payment card number',
  BANK_ACCOUNT: 'Bank account details',
  IP_ADDRESS: 'IP address',
  URL: 'Web address',
  CRIME_REFERENCE: 'Crime reference number',
  SUBJECT: 'Your own information',
  STAFF: 'Name of a member of staff',
  AREA: 'Part of a page',
  PAGE: 'Whole page withheld',
  DOCUMENT: 'Whole document withheld',
}

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  pdf: 'PDF',
  docx: 'Word document',
  xlsx: 'spreadsheet',
  csv: 'table',
  text: 'text file',
  email: 'email',
  msg: 'email',
  image: 'image',
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
