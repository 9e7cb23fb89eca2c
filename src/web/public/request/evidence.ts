import {
  AUTHORITY_DOCUMENT_LABELS,
  IDENTITY_DOCUMENT_TYPES,
  checkEvidence,
  evidenceRuleFor,
  offeredIdentityDocuments,
} from '../../../domain/index.js'
import type { DocumentRequirement, EvidenceParty, IdentityDocumentType } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'
import type { RequestAnswers, UploadAnswer } from './answers.js'
import { whose } from './page-types.js'

/**
 * The evidence this applicant must give, as the pages show it: seed 002's table (EVIDENCE_RULES) for their
 * requester type, one section per party (the person, the representative, the authority to act).
 */
export interface EvidenceSection {
  party: EvidenceParty
  heading: string
  needs: string[]
  /** The documents that will do, grouped (those that show an address first, when one must). */
  lists: { heading: string | null; items: string[] }[]
  options: { value: string; text: string }[]
  uploads: (UploadAnswer & { documentLabel: string })[]
}

const E = 'portal.evidence'

function identityNeeds(
  requirement: DocumentRequirement,
  self: boolean,
  documents: readonly IdentityDocumentType[],
): Pick<EvidenceSection, 'needs' | 'lists'> {
  const count = requirement.count === 1 ? text(`${E}.one`) : text(`${E}.many`, { count: requirement.count })
  const labels = (pick: (d: IdentityDocumentType) => boolean) => documents.filter(pick).map((d) => d.label)
  if (!requirement.mustShowNameAndAddress) {
    return { needs: [text(`${E}.youNeed`, { count })], lists: [{ heading: null, items: labels(() => true) }] }
  }
  return {
    needs: [text(`${E}.youNeedWithAddress`, { count, whose: text(self ? `${E}.your` : `${E}.their`) })],
    lists: [
      { heading: text(`${E}.showAddress`), items: labels((d) => d.showsAddress) },
      { heading: text(`${E}.otherDocuments`), items: labels((d) => !d.showsAddress) },
    ],
  }
}

const optionsOf = (documents: readonly IdentityDocumentType[]) =>
  documents.map((d) => ({ value: d.type, text: d.label }))

export function evidenceSections(a: RequestAnswers): EvidenceSection[] {
  if (!a.requesterType) return []
  const rule = evidenceRuleFor(a.requesterType)
  const name = a.subjectName || text(`${E}.thePerson`)
  const uploads = (party: EvidenceParty) =>
    (a.uploads ?? [])
      .filter((u) => u.party === party)
      .map((u) => ({ ...u, documentLabel: documentLabel(u.documentType) }))
  const self = whose(a) === 'self'
  const child = whose(a) === 'child'
  // A young child has no bills or statements: only a child's documents are listed for them.
  const subjectDocuments = offeredIdentityDocuments(child)
  const subject = identityNeeds(rule.subject, self, subjectDocuments)
  const sections: EvidenceSection[] = [
    {
      party: 'subject',
      heading: self ? text(`${E}.subjectSelf`) : text(`${E}.subjectOther`, { name }),
      ...subject,
      needs: child ? [...subject.needs, text(`${E}.childCertificateCounts`)] : subject.needs,
      options: optionsOf(subjectDocuments),
      uploads: uploads('subject'),
    },
  ]
  if (rule.representative) {
    sections.push({
      party: 'representative',
      heading: text(`${E}.representative`),
      ...identityNeeds(rule.representative, true, offeredIdentityDocuments()),
      options: optionsOf(offeredIdentityDocuments()),
      uploads: uploads('representative'),
    })
  }
  if (rule.authority) {
    const options = rule.authority.documentTypes.map((t) => ({ value: t, text: AUTHORITY_DOCUMENT_LABELS[t] }))
    sections.push({
      party: 'authority',
      heading: text(`${E}.authority`, { name }),
      needs: [text(`${E}.oneOf`)],
      lists: [{ heading: null, items: options.map((o) => o.text) }],
      options,
      uploads: uploads('authority'),
    })
  }
  return sections
}

/** What is still missing from the uploads, in the domain's plain words (checkEvidence). */
export function missingEvidence(a: RequestAnswers): string[] {
  if (!a.requesterType) return []
  const seen = (a.uploads ?? []).map((u) => ({ party: u.party, documentType: u.documentType }))
  return checkEvidence(a.requesterType, seen).missing
}

export function documentLabel(type: string): string {
  const identity = IDENTITY_DOCUMENT_TYPES.find((d) => d.type === type)
  if (identity) return identity.label
  return (AUTHORITY_DOCUMENT_LABELS as Record<string, string>)[type] ?? type
}
