/**
 * Who is asking, and what evidence the office needs before it acts, as data (seed 002's evidence table). The
 * office's policy is to always see identity documents, and it keeps a record of which documents were seen, never
 * copies. The law only requires identity checks where there is reasonable doubt (UK GDPR Art 12(6), DPA s.52(4));
 * that is why the table is data a deployment can replace.
 */
export type RequesterType =
  'self' | 'parent-of-child-under-12' | 'representative-of-person-12-plus' | 'attorney-or-deputy' | 'solicitor-or-agent'

export const REQUESTER_TYPES: readonly RequesterType[] = [
  'self',
  'parent-of-child-under-12',
  'representative-of-person-12-plus',
  'attorney-or-deputy',
  'solicitor-or-agent',
]

export type EvidenceParty = 'subject' | 'representative' | 'authority'

export interface IdentityDocumentType {
  type: string
  label: string
  showsName: boolean
  showsAddress: boolean
  /** How recent it must be, in months, when the address on it is relied on; null when any valid one will do. */
  maxAgeMonths: number | null
  /** A document a child under 12 can have (no bills or statements in a young child's name). */
  forChildren?: boolean
  /**
   * Kept only to name documents recorded on older cases, never offered: biometric residence permits were replaced by
   * eVisas and stopped being proof of status after 2024 (Home Office, "Biometric residence permits").
   */
  retired?: boolean
}

export const IDENTITY_DOCUMENT_TYPES: readonly IdentityDocumentType[] = [
  {
    type: 'passport',
    label: 'Valid passport',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
    forChildren: true,
  },
  {
    type: 'driving-licence',
    label: 'Valid photocard driving licence',
    showsName: true,
    showsAddress: true,
    maxAgeMonths: null,
  },
  {
    type: 'national-identity-card',
    label: 'National identity card',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
  },
  {
    type: 'evisa',
    label: 'eVisa: a copy of your immigration status from your UKVI account',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
    forChildren: true,
  },
  {
    type: 'residence-permit',
    label: 'Biometric residence permit',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
    retired: true,
  },
  {
    type: 'pass-card',
    label: 'Proof of age card with the PASS hologram',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
  },
  {
    type: 'birth-certificate',
    label: 'Birth certificate',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
    forChildren: true,
  },
  {
    type: 'adoption-certificate',
    label: 'Adoption certificate',
    showsName: true,
    showsAddress: false,
    maxAgeMonths: null,
    forChildren: true,
  },
  {
    type: 'utility-bill',
    label: 'Utility bill (under 3 months old)',
    showsName: true,
    showsAddress: true,
    maxAgeMonths: 3,
  },
  {
    type: 'bank-statement',
    label: 'Bank or building society statement (under 3 months old)',
    showsName: true,
    showsAddress: true,
    maxAgeMonths: 3,
  },
  {
    type: 'council-tax-bill',
    label: 'Council tax bill for this year',
    showsName: true,
    showsAddress: true,
    maxAgeMonths: 12,
  },
  {
    type: 'benefit-letter',
    label: 'Letter about benefits or a pension (under 12 months old)',
    showsName: true,
    showsAddress: true,
    maxAgeMonths: 12,
  },
]

export type AuthorityDocumentType =
  | 'full-birth-certificate'
  | 'parental-responsibility-order'
  | 'adoption-order'
  | 'lasting-power-of-attorney'
  | 'enduring-power-of-attorney'
  | 'court-of-protection-order'
  | 'signed-written-authority'

export const AUTHORITY_DOCUMENT_LABELS: Record<AuthorityDocumentType, string> = {
  'full-birth-certificate': 'Full birth certificate naming the parent',
  'parental-responsibility-order': 'Court order giving parental responsibility',
  'adoption-order': 'Adoption order',
  'lasting-power-of-attorney': 'Registered lasting power of attorney',
  'enduring-power-of-attorney': 'Registered enduring power of attorney',
  'court-of-protection-order': 'Court of Protection order appointing a deputy',
  'signed-written-authority': 'Written authority signed by the person the information is about',
}

export interface DocumentRequirement {
  count: number
  /** Between them the documents must show the person's name and their address. */
  mustShowNameAndAddress: boolean
}

export interface EvidenceRule {
  requesterType: RequesterType
  label: string
  subject: DocumentRequirement
  representative: DocumentRequirement | null
  /** Proof the representative may act; any one of the listed documents will do. */
  authority: { documentTypes: readonly AuthorityDocumentType[]; description: string } | null
}

export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  {
    requesterType: 'self',
    label: 'The person the information is about',
    subject: { count: 2, mustShowNameAndAddress: true },
    representative: null,
    authority: null,
  },
  {
    requesterType: 'representative-of-person-12-plus',
    label: 'Someone acting for a person aged 12 or over',
    subject: { count: 1, mustShowNameAndAddress: false },
    representative: { count: 2, mustShowNameAndAddress: true },
    // The seed's table lists identity only, but its section on representatives (and the ICO) puts the burden of
    // proving entitlement on the third party: a person of 12 or over is usually able to give their own consent.
    authority: { documentTypes: ['signed-written-authority'], description: 'the person’s signed consent' },
  },
  {
    requesterType: 'parent-of-child-under-12',
    label: 'A parent or guardian acting for a child under 12',
    subject: { count: 1, mustShowNameAndAddress: false },
    representative: { count: 2, mustShowNameAndAddress: true },
    authority: {
      documentTypes: ['full-birth-certificate', 'parental-responsibility-order', 'adoption-order'],
      description: 'proof of parental responsibility',
    },
  },
  {
    requesterType: 'attorney-or-deputy',
    label: 'An attorney or Court of Protection deputy',
    subject: { count: 1, mustShowNameAndAddress: false },
    representative: { count: 1, mustShowNameAndAddress: false },
    authority: {
      documentTypes: ['lasting-power-of-attorney', 'enduring-power-of-attorney', 'court-of-protection-order'],
      description: 'the power of attorney or Court of Protection order',
    },
  },
  {
    requesterType: 'solicitor-or-agent',
    label: 'A solicitor or other agent',
    subject: { count: 1, mustShowNameAndAddress: false },
    representative: { count: 1, mustShowNameAndAddress: false },
    authority: { documentTypes: ['signed-written-authority'], description: 'the person’s signed written authority' },
  },
]

export interface DocumentSeen {
  party: EvidenceParty
  documentType: string
}

export interface EvidenceCheck {
  satisfied: boolean
  missing: string[]
}

const identityTypes = new Map(IDENTITY_DOCUMENT_TYPES.map((d) => [d.type, d]))

/** The documents offered to requesters today (no retired ones); for a child under 12, only a child's documents. */
export function offeredIdentityDocuments(forChild = false): IdentityDocumentType[] {
  return IDENTITY_DOCUMENT_TYPES.filter((d) => !d.retired && (!forChild || d.forChildren))
}

/**
 * Proof of parental responsibility that also names the child: a full birth certificate or an adoption order proves
 * who the child is as well, so a parent sends it once, not a second copy as the child's identity (ICO: ask only
 * for what is necessary; seed 002 asks for one document for the child).
 */
const AUTHORITY_THAT_IDENTIFIES_CHILD: ReadonlySet<string> = new Set(['full-birth-certificate', 'adoption-order'])

export function isRequesterType(value: unknown): value is RequesterType {
  return typeof value === 'string' && (REQUESTER_TYPES as readonly string[]).includes(value)
}

export function evidenceRuleFor(requesterType: RequesterType, rules = EVIDENCE_RULES): EvidenceRule {
  const rule = rules.find((r) => r.requesterType === requesterType)
  if (!rule) throw new RangeError(`no evidence rule for requester type '${String(requesterType)}'`)
  return rule
}

export function isAuthorityDocumentType(value: unknown): value is AuthorityDocumentType {
  return typeof value === 'string' && Object.hasOwn(AUTHORITY_DOCUMENT_LABELS, value)
}

function identityGaps(
  whose: string,
  requirement: DocumentRequirement,
  seen: readonly DocumentSeen[],
  party: EvidenceParty,
): string[] {
  const documents = seen.filter((s) => s.party === party).flatMap((s) => identityTypes.get(s.documentType) ?? [])
  const gaps: string[] = []
  const short = requirement.count - documents.length
  if (short > 0)
    gaps.push(`${short === 1 ? 'One more identity document' : `${short} more identity documents`} for ${whose}`)
  if (requirement.mustShowNameAndAddress) {
    if (!documents.some((d) => d.showsName)) gaps.push(`A document showing the name of ${whose}`)
    if (!documents.some((d) => d.showsAddress)) gaps.push(`A document showing the address of ${whose}`)
  }
  return gaps
}

/** Which of the policy's evidence is still missing for this kind of requester, in plain words. */
export function checkEvidence(
  requesterType: RequesterType,
  seen: readonly DocumentSeen[],
  rules: readonly EvidenceRule[] = EVIDENCE_RULES,
): EvidenceCheck {
  const rule = evidenceRuleFor(requesterType, rules)
  const childNamedByAuthority =
    requesterType === 'parent-of-child-under-12' &&
    seen.some((s) => s.party === 'authority' && AUTHORITY_THAT_IDENTIFIES_CHILD.has(s.documentType))
  const subjectSeen = childNamedByAuthority
    ? [...seen, { party: 'subject' as const, documentType: 'birth-certificate' }]
    : seen
  const missing = identityGaps('the person the information is about', rule.subject, subjectSeen, 'subject')
  if (rule.representative)
    missing.push(...identityGaps('the representative', rule.representative, seen, 'representative'))
  if (rule.authority) {
    const accepted: readonly string[] = rule.authority.documentTypes
    if (!seen.some((s) => s.party === 'authority' && accepted.includes(s.documentType))) {
      missing.push(`Proof the representative may act: ${rule.authority.description}`)
    }
  }
  return { satisfied: missing.length === 0, missing }
}

/** The same check without the authority part, for recording identity before authority has arrived. */
export function checkIdentityEvidence(
  requesterType: RequesterType,
  seen: readonly DocumentSeen[],
  rules: readonly EvidenceRule[] = EVIDENCE_RULES,
): EvidenceCheck {
  const rule = evidenceRuleFor(requesterType, rules)
  return checkEvidence(requesterType, seen, [{ ...rule, authority: null }])
}
