import type { CaseReceipt } from '../../../application/portal/intake-support.js'
import type { SubmitRequestInput } from '../../../application/portal/submit-request.js'
import { RIGHTS, checkEvidence, rightDefinition } from '../../../domain/index.js'
import type { Controller, Person, PostalAddress, Representative } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import { acknowledgementEmail } from '../shared/emails.js'
import { hasPostalAddress, type Contact, type RequestAnswers } from './answers.js'
import { documentLabel, missingEvidence } from './evidence.js'

/** What the confirmation page needs after the answers themselves have been cleared from the session. */
export interface Submitted {
  receipts: CaseReceipt[]
  controllerId: string
  email: string
  posting: boolean
  missing: string[]
}

function addressOf(c: Contact): PostalAddress | undefined {
  if (!hasPostalAddress(c)) return undefined
  return { lines: [c.line1, c.line2, c.town].filter((l) => l !== ''), postcode: c.postcode }
}

function contactFields(c: Contact): Pick<Person, 'email' | 'phone' | 'address'> {
  const address = addressOf(c)
  return {
    ...(c.email ? { email: c.email } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(address ? { address } : {}),
  }
}

function subjectOf(a: RequestAnswers, contact: Contact): Person {
  return {
    name: a.subjectName ?? '',
    ...(a.subjectOtherNames ? { otherNames: [a.subjectOtherNames] } : {}),
    ...(a.dateOfBirth ? { dateOfBirth: a.dateOfBirth } : {}),
    // The person asking is the one we write to: the subject when asking for themselves, else the representative.
    ...(a.requesterType === 'self' ? contactFields(contact) : {}),
  }
}

function representativeOf(a: RequestAnswers, contact: Contact): Representative | undefined {
  if (a.requesterType === 'self' || !a.representative) return undefined
  const { name, relationship, organisation, ownReference, sraNumber } = a.representative
  return {
    name,
    relationship,
    ...(organisation ? { organisation } : {}),
    ...(ownReference ? { ownReference } : {}),
    ...(sraNumber ? { sraNumber } : {}),
    ...contactFields(contact),
  }
}

/** A line for the caseworker about the evidence, since the document table has no column for what a file is. */
function evidenceNote(a: RequestAnswers): string {
  if (a.evidenceMethod === 'post') return text('portal.caseNotes.willPost')
  if (a.evidenceMethod === 'none') return text('portal.caseNotes.noDocuments', { offered: a.noDocuments ?? '' })
  const files = (a.uploads ?? []).map((u) =>
    text('portal.caseNotes.file', {
      type: documentLabel(u.documentType),
      party: text(`portal.caseNotes.party.${u.party}`),
      filename: u.filename,
    }),
  )
  return `${text('portal.caseNotes.uploaded')} ${files.join('; ')}`
}

/** The fields in which a right's page asks why (erasure, restriction, objection): the case's reasons. */
const WHY_FIELDS = new Set(['grounds', 'particularSituation'])

/**
 * The case's description and reasons, from each right's own page. They used to be asked again on pages of their
 * own ("What is this about?", "Why are you making this request?"), so people answered the same thing three times.
 */
function describedBy(a: RequestAnswers): { description: string; reasons: string } {
  const description: string[] = []
  const reasons: string[] = []
  for (const right of RIGHTS.filter((r) => a.rights?.includes(r))) {
    const given = a.details?.[right] ?? {}
    const [first] = rightDefinition(right).requiredDetails
    if (first && given[first.field]) description.push(given[first.field] ?? '')
    for (const [field, value] of Object.entries(given)) if (WHY_FIELDS.has(field) && value) reasons.push(value)
  }
  return { description: description.join('\n\n'), reasons: [...new Set(reasons)].join('\n\n') }
}

/** Everything still owed: what the uploads did not cover, or the whole list when sending later or not at all. */
function stillNeeded(a: RequestAnswers): string[] {
  if (!a.requesterType) return []
  const seen = a.evidenceMethod === 'upload' ? (a.uploads ?? []) : []
  return checkEvidence(a.requesterType, seen).missing
}

export function toSubmission(a: RequestAnswers, controller: Controller, baseUrl: string): SubmitRequestInput {
  const contact = a.contact ?? { email: '', phone: '', line1: '', line2: '', town: '', postcode: '' }
  const representative = representativeOf(a, contact)
  return {
    controllerId: controller.id,
    rights: a.rights ?? [],
    requesterType: a.requesterType ?? 'self',
    subject: subjectOf(a, contact),
    ...(representative ? { representative } : {}),
    ...describedBy(a),
    preferredFormat: a.responseFormat ?? 'email',
    details: a.details ?? {},
    uploads: a.evidenceMethod === 'upload' ? (a.uploads ?? []) : [],
    evidenceNote: evidenceNote(a),
    ...(a.evidenceMethod === 'post' ? { identityByPost: true } : {}),
    ...(a.evidenceMethod === 'none' ? { identityOffer: a.noDocuments ?? '' } : {}),
    ...(contact.email ? { acknowledgementTo: contact.email } : {}),
    composeAcknowledgement: acknowledgementEmail('request', {
      organisation: controller.name,
      baseUrl,
      controllerId: controller.id,
      owed: {
        missing: stillNeeded(a),
        postalAddress: controller.contact.postalAddress,
        noDocuments: a.evidenceMethod === 'none',
      },
    }),
  }
}

export function submittedFrom(a: RequestAnswers, controller: Controller, receipts: CaseReceipt[]): Submitted {
  return {
    receipts,
    controllerId: controller.id,
    email: a.contact?.email ?? '',
    posting: a.evidenceMethod === 'post',
    missing: a.evidenceMethod === 'upload' ? missingEvidence(a) : [],
  }
}
