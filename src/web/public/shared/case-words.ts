import type { CaseStatus, CaseType, Right } from '../../../domain/index.js'
import { text } from '../../nunjucks.js'

/** How a case is named to the requester: the right asked for, or "review" / "complaint". */
export function caseTitle(c: { caseType: CaseType; right?: Right }): string {
  if (c.caseType === 'rights-request' && c.right) return text(`portal.rights.${c.right}.title`)
  return text(`portal.caseTypes.${c.caseType}`)
}

/** A status in the requester's words (the internal names mean nothing to them). */
export function statusWords(status: CaseStatus): string {
  return text(`portal.status.${status}`)
}
