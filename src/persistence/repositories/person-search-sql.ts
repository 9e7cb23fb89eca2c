import type { Queryable } from '../db.js'

/**
 * "Find a person" and duplicate/repeat detection (issue 14) over `cases.search_keys` and `cases.search_names`
 * (GIN indexes: the keys array, pg_trgm on the names, and full text on the names). Callers pass the controllers the
 * actor works for (application/boundary.ts, controllerScope): nothing here ever looks beyond them.
 */

export interface PersonSearch {
  reference?: string
  keys: string[]
  name?: string
}

/**
 * The SQL condition one search box entry makes on `cases`, with its values pushed through `param`. A name is matched
 * by its words in any order (full text), as part of a name (substring, served by the trigram index from three
 * letters) or by similar spelling (pg_trgm similarity, so "Jon Smyth" finds "John Smith").
 */
export function personSearchCondition(q: PersonSearch, param: (value: unknown) => string): string {
  const parts: string[] = []
  if (q.reference) parts.push(`reference = ${param(q.reference)}`)
  if (q.keys.length) parts.push(`search_keys && ${param(q.keys)}::text[]`)
  if (q.name) {
    const name = param(q.name)
    parts.push(`to_tsvector('simple'::regconfig, search_names) @@ plainto_tsquery('simple'::regconfig, ${name})`)
    parts.push(`search_names LIKE '%' || ${name} || '%'`)
    if (q.name.length >= 4) parts.push(`search_names % ${name}`)
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE'
}

/**
 * For a name, the closest names first (then the list's own order): "John Smith" among many similar names, or one
 * person among a hundred with the same first name, must not be left on a later page behind earlier due dates.
 */
export function personSearchOrder(q: PersonSearch, param: (value: unknown) => string): string {
  return q.name ? `similarity(search_names, ${param(q.name)}) DESC, ` : ''
}

/** A case that may be the same person's, with what matched. */
export interface MatchRow {
  id: string
  reference: string
  requesterName: string
  receivedOn: string
  right: string | null
  status: string
  sameEmail: boolean
  samePhone: boolean
  sameNameDob: boolean
  sameNamePostcode: boolean
  sameName: boolean
  /** Received within the repeat window (the setting's months) of the case being looked at. */
  recent: boolean
  sameRight: boolean
  /** pg_trgm similarity of the two request descriptions, 0–1. */
  descriptionSimilarity: number
}

export interface MatchProbe {
  caseId: string
  controllerIds: string[]
  /** The subject's own keys (a representative's email is not the person's: a solicitor acts for many). */
  emailKey?: string
  phoneKey?: string
  postcodeKey?: string
  dobKey?: string
  name: string
  right: string | null
  description: string
  /** Window around the case's received date for "a similar request within N months". */
  recentFrom: string
  recentTo: string
  exclude: string[]
}

/** Rights requests of the same controllers that share an identifier or the exact name, newest first. */
export async function findMatchRows(db: Queryable, p: MatchProbe): Promise<MatchRow[]> {
  const keys = [p.emailKey, p.phoneKey, p.dobKey, p.postcodeKey].filter((k): k is string => !!k)
  const r = await db.query(
    `SELECT id, reference, requester_name, received_on, "right", status,
       ($3::text IS NOT NULL AND $3 = ANY(search_keys)) AS same_email,
       ($4::text IS NOT NULL AND $4 = ANY(search_keys)) AS same_phone,
       ($5::text IS NOT NULL AND $5 = ANY(search_keys) AND similarity(lower(requester_name), $7) >= 0.5) AS same_name_dob,
       ($6::text IS NOT NULL AND $6 = ANY(search_keys) AND lower(requester_name) = $7) AS same_name_postcode,
       lower(requester_name) = $7 AS same_name,
       received_on BETWEEN $9::date AND $10::date AS recent,
       "right" IS NOT DISTINCT FROM $8 AS same_right,
       similarity(coalesce(state #>> '{request,description}', ''), $11) AS description_similarity
     FROM cases
     WHERE controller_id = ANY($2) AND case_type = 'rights-request' AND id <> $1 AND NOT (id = ANY($12::uuid[]))
       AND (search_keys && $13::text[] OR lower(requester_name) = $7)
     ORDER BY received_on DESC, reference DESC
     LIMIT 50`,
    [
      p.caseId,
      p.controllerIds,
      p.emailKey ?? null,
      p.phoneKey ?? null,
      p.dobKey ?? null,
      p.postcodeKey ?? null,
      p.name,
      p.right,
      p.recentFrom,
      p.recentTo,
      p.description,
      p.exclude,
      keys,
    ],
  )
  return r.rows.map((row: Record<string, unknown>) => ({
    id: String(row.id),
    reference: String(row.reference),
    requesterName: String(row.requester_name),
    receivedOn: String(row.received_on),
    right: (row.right as string | null) ?? null,
    status: String(row.status),
    sameEmail: row.same_email === true,
    samePhone: row.same_phone === true,
    sameNameDob: row.same_name_dob === true,
    sameNamePostcode: row.same_name_postcode === true,
    sameName: row.same_name === true,
    recent: row.recent === true,
    sameRight: row.same_right === true,
    descriptionSimilarity: Number(row.description_similarity ?? 0),
  }))
}
