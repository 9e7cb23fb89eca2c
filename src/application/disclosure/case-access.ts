import { DEFAULT_REDACTION_EXEMPTION, DomainError, type CaseState } from '../../domain/index.js'
import type { SubjectIdentifiers } from '../../disclosure/detect/types.js'
import type { Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'

/**
 * The disclosure workbench shows third parties' personal data in the clear: only those who do the casework
 * (case:work, the DP manager) may open it, and only for their controllers.
 */
export async function disclosureCase(db: Queryable, actor: Actor, caseId: string, lock = false): Promise<CaseState> {
  requirePermission(actor, 'case:work')
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw new DomainError('not-found', `case ${caseId} not found`)
  return caseInScope(db, actor, caseId, { forUpdate: lock })
}

/** The data subject's identifiers as entered on the case: never proposed for redaction (their own data). */
export function subjectIdentifiers(state: CaseState): SubjectIdentifiers {
  const s = state.subject
  return {
    names: [s.name, ...(s.otherNames ?? [])].filter((n) => n.trim().length > 0),
    emails: s.email ? [s.email] : [],
    phones: s.phone ? [s.phone] : [],
    addresses: s.address ? [s.address.lines.join(', ')] : [],
    postcodes: s.address?.postcode ? [s.address.postcode] : [],
    datesOfBirth: s.dateOfBirth ? [s.dateOfBirth] : [],
  }
}

/** Everything on the case that must never be blacked out on detection alone (also the verifier's protected list). */
export function protectedStrings(state: CaseState): string[] {
  const s = subjectIdentifiers(state)
  return [s.names, s.emails, s.phones, s.addresses, s.postcodes].flatMap((l) => l ?? [])
}

/**
 * The exemption a proposal carries until a reviewer chooses: other people's data, DPA 2018 Sch 2 Part 3 para 16; on a
 * law-enforcement case (DPA 2018 Part 3), where Schedule 2 does not apply (uk-rules §9), s.45(4)(e), the rights of
 * others.
 */
export function proposalExemption(state: CaseState): string {
  return state.route === 'DPA_PART3' ? 'LE_45_4_E' : DEFAULT_REDACTION_EXEMPTION
}
