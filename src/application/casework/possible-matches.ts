import { addMonthsClamped } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { findMatchRows, type MatchRow } from '../../persistence/repositories/person-search-sql.js'
import type { Actor } from '../actor.js'
import { inScope } from '../boundary.js'
import { seesAllCases } from '../authorise.js'
import { emailKey, phoneKey, postcodeKey } from './person-keys.js'
import { readSettings } from './settings.js'

/** Why a case may be the same person's, or a repeat of their request (issue 14; plan row 41). */
export type MatchReason = 'same-email' | 'same-phone' | 'same-name-dob' | 'same-name-postcode' | 'similar-request'

export interface PossibleMatch {
  id: string
  reference: string
  requesterName: string
  receivedOn: string
  right: string | null
  status: string
  reasons: MatchReason[]
}

export interface PossibleMatches {
  /** The office's repeat window (setting), named in the "similar request" reason. */
  repeatMonths: number
  matches: PossibleMatch[]
}

/** Descriptions this alike (pg_trgm similarity) count as "a similar request", whatever right they named. */
const SIMILAR_DESCRIPTION = 0.3

/**
 * Other requests that may be the same person's, with why, for staff to see at intake and link in one click. Shown to
 * staff only, never to the requester; and only to staff who see every case of the controller (a copy recipient would
 * otherwise learn of cases not copied to them). Only the case's own controller is searched (application/boundary.ts).
 *
 * uk-rules §5: a request that "largely repeats earlier requests without a reasonable interval" may be manifestly
 * excessive, but a request is never unfounded or excessive just because the person asked before; this only points
 * the officer at the earlier requests, it decides nothing.
 */
export async function possibleMatches(db: Queryable, actor: Actor, state: CaseState): Promise<PossibleMatches> {
  const { repeatRequestMonths } = await readSettings(db)
  const none = { repeatMonths: repeatRequestMonths, matches: [] }
  if (state.caseType !== 'rights-request' || !seesAllCases(actor) || !inScope(actor, state.controllerId)) return none
  const s = state.subject
  const key = (prefix: string, value: string | undefined) => (value ? `${prefix}:${value}` : undefined)
  const rows = await findMatchRows(db, {
    caseId: state.id,
    controllerIds: [state.controllerId],
    emailKey: key('email', s.email && emailKey(s.email)),
    phoneKey: key('phone', s.phone && phoneKey(s.phone)),
    postcodeKey: key('postcode', s.address?.postcode && postcodeKey(s.address.postcode)),
    dobKey: key('dob', s.dateOfBirth),
    name: s.name.trim().replace(/\s+/g, ' ').toLowerCase(),
    right: state.right ?? null,
    description: state.request.description,
    recentFrom: addMonthsClamped(state.receivedOn, -repeatRequestMonths),
    recentTo: addMonthsClamped(state.receivedOn, repeatRequestMonths),
    // Already linked either way, or the request this one was split from: nothing to point out.
    exclude: [...state.links.map((l) => l.caseId), ...(state.parentCaseId ? [state.parentCaseId] : [])],
  })
  const matches = rows.flatMap((row) => {
    const reasons = reasonsFor(row)
    return reasons.length ? [{ ...pick(row), reasons }] : []
  })
  return { repeatMonths: repeatRequestMonths, matches }
}

/** The reasons a row shows; a row matched on the name alone counts only with a similar request in the window. */
export function reasonsFor(row: MatchRow): MatchReason[] {
  const reasons: MatchReason[] = []
  if (row.sameEmail) reasons.push('same-email')
  if (row.samePhone) reasons.push('same-phone')
  if (row.sameNameDob) reasons.push('same-name-dob')
  if (row.sameNamePostcode) reasons.push('same-name-postcode')
  const samePerson = reasons.length > 0 || row.sameName
  const similar = row.recent && (row.sameRight || row.descriptionSimilarity >= SIMILAR_DESCRIPTION)
  if (samePerson && similar) reasons.push('similar-request')
  return reasons
}

function pick(row: MatchRow): Omit<PossibleMatch, 'reasons'> {
  const { id, reference, requesterName, receivedOn, right, status } = row
  return { id, reference, requesterName, receivedOn, right, status }
}
