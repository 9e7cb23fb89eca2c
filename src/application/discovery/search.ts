import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import {
  buildProfile,
  findMentions,
  rankMentions,
  type SearchSubject,
  type SubjectProfile,
} from '../../discovery/match/index.js'
import { SHORT_FORMS } from '../../discovery/match/mention-kinds.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { listSources, type Source } from './sources.js'

/** More candidates than this and the search stops and says so: narrow it (fewer sources, more identifiers). */
export const CANDIDATE_CAP = 5000

export interface DiscoveryInput {
  subject: SearchSubject
  sourceIds: string[]
  scopeNote: string
}

interface Candidate {
  source_id: string
  id: string
  locator: string
  message_id: string | null
  title: string
  sender: string | null
  sent_at: Date | null
  body: string
}

const tokens = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
const phrase = (s: string) => tokens(s).join(' <-> ')

/** The full-text query: for each name, the surname with any given form or initial (strong forms need both). */
export function nameQuery(profile: SubjectProfile): string {
  return profile.people
    .map((p) => {
      const givens = [...new Set([...p.givenForms.map(phrase), p.given.charAt(0).toLowerCase()])].filter(Boolean)
      if (!p.surname) return `(${phrase(p.given)})`
      return `(${phrase(p.surname)} & (${givens.map((g) => `(${g})`).join(' | ')}))`
    })
    .join(' | ')
}

/**
 * Candidates from the index: the name query, any identifier column holding one of the subject's identifiers, the
 * person's style of email address, or (pg_trgm) a word spelt like the surname. All of it uses the GIN indexes.
 */
export async function candidates(db: Queryable, sourceIds: string[], profile: SubjectProfile): Promise<Candidate[]> {
  const ids = (k: Parameters<SubjectProfile['identifiers']['get']>[0]) => [...(profile.identifiers.get(k) ?? [])]
  // A surname spelt differently, next to one of the given forms: the full-text index narrows to items with the
  // given name, the trigram index to those with a word like the surname (one "%>" per name, each indexable).
  const fuzzy = profile.people.filter((p) => p.surname.length >= 5)
  const similar = fuzzy
    .map((_, i) => `OR (tsv @@ to_tsquery('simple', $${12 + 2 * i}) AND name_words %> $${13 + 2 * i})`)
    .join(' ')
  const fuzzyParams = fuzzy.flatMap((p) => [
    p.givenForms.map((g) => `(${phrase(g)})`).join(' | '),
    p.surname.toLowerCase(),
  ])
  const r = await db.query<Candidate>(
    `SELECT source_id, id::text AS id, locator, message_id, title, sender, sent_at, body FROM discovery_items
      WHERE source_id = ANY($1::uuid[]) AND (
        ($2 <> '' AND tsv @@ to_tsquery('simple', $2))
        OR emails && $3::text[] OR email_locals && $4::text[] OR phones && $5::text[] OR postcodes && $6::text[]
        OR dobs && $7::text[] OR ni_numbers && $8::text[] OR pnc_ids && $9::text[] OR vehicle_regs && $10::text[]
        OR refs && $11::text[]
        ${similar})
      LIMIT ${CANDIDATE_CAP + 1}`,
    [
      sourceIds,
      nameQuery(profile),
      ids('email'),
      [...profile.emailLocals],
      ids('phone'),
      ids('postcode'),
      ids('dob'),
      ids('ni'),
      ids('pnc'),
      ids('vrm'),
      ids('reference'),
      ...fuzzyParams,
    ],
  )
  return r.rows
}

export interface SearchOutcome {
  hits: ReturnType<typeof scoreCandidate>[]
  candidateCount: number
  capped: boolean
  durationMs: number
}

function scoreCandidate(c: Candidate, profile: SubjectProfile) {
  const mentions = findMentions(c.body, profile)
  const strong = mentions.filter((m) => !SHORT_FORMS.has(m.kind))
  const ranked = rankMentions(mentions)
  const first = strong[0] ?? mentions[0]
  const from = Math.max(0, (first?.start ?? 0) - 80)
  const snippet = c.body
    .slice(from, from + 240)
    .replace(/\s+/g, ' ')
    .trim()
  return { candidate: c, found: strong.length > 0, ...ranked, snippet }
}

/** Finds the subject in some sources: candidates from the index, then every mention read and ranked. */
export async function searchIndex(
  deps: Pick<AppDeps, 'pool' | 'clock'>,
  sourceIds: string[],
  subject: SearchSubject,
): Promise<SearchOutcome> {
  const started = deps.clock.now().getTime()
  const profile = buildProfile(subject)
  const found = await candidates(deps.pool, sourceIds, profile)
  const capped = found.length > CANDIDATE_CAP
  const hits = found
    .slice(0, CANDIDATE_CAP)
    .map((c) => scoreCandidate(c, profile))
    .filter((h) => h.found)
    .sort((a, b) => b.score - a.score || (b.candidate.sent_at?.getTime() ?? 0) - (a.candidate.sent_at?.getTime() ?? 0))
  return {
    hits,
    candidateCount: Math.min(found.length, CANDIDATE_CAP),
    capped,
    durationMs: deps.clock.now().getTime() - started,
  }
}

function validate(input: DiscoveryInput, sources: Source[]): Record<string, string> {
  const fields: Record<string, string> = {}
  const profile = buildProfile(input.subject)
  if (profile.people.length === 0) fields.names = 'Enter the name of the person to search for'
  if (profile.problems.length > 0) fields.names = `These could not be understood: ${profile.problems.join(', ')}`
  if (input.sourceIds.length === 0) fields.sourceIds = 'Choose at least one place to search'
  else if (input.sourceIds.some((id) => !sources.some((s) => s.id === id)))
    fields.sourceIds = 'Choose places from the list'
  return fields
}

/**
 * Runs a person search for a case and saves it with its hits: the record of a reasonable and proportionate search
 * (UK GDPR Art 15(1A), added by DUAA 2025 s.78): what was searched, for what, when, by whom, and what was found.
 * `onlyOwnedBy` limits it to one person's sources (a search task answered by a source owner).
 */
export async function runDiscovery(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  input: DiscoveryInput,
  scope: { taskId?: string; onlyOwnedBy?: string } = {},
): Promise<string> {
  if (!scope.taskId) requirePermission(actor, 'case:work')
  const state = await caseInScope(deps.pool, actor, caseId)
  const sources = (
    await listSources(deps, { ...actor, controllerIds: [state.controllerId] }, state.controllerId)
  ).filter((s) => !scope.onlyOwnedBy || s.ownerId === scope.onlyOwnedBy)
  const fields = validate(input, sources)
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid search', { fields })
  const outcome = await searchIndex(deps, input.sourceIds, input.subject)
  const chosen = sources.filter((s) => input.sourceIds.includes(s.id))
  const id = randomUUID()
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      `INSERT INTO discovery_runs (id, case_id, task_id, controller_id, subject, sources, created_by, created_by_name, created_at,
         candidate_count, hit_count, capped, duration_ms, scope_note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        id,
        caseId,
        scope.taskId ?? null,
        state.controllerId,
        JSON.stringify(subjectRecord(input.subject)),
        JSON.stringify(chosen.map(sourceRecord)),
        actor.id,
        actor.name,
        deps.clock.now(),
        outcome.candidateCount,
        outcome.hits.length,
        outcome.capped,
        outcome.durationMs,
        input.scopeNote.trim(),
      ],
    )
    await insertHits(tx, id, outcome.hits)
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'RunDiscovery',
      eventType: 'DiscoverySearchRun',
      payload: { runId: id, sources: chosen.length, hits: outcome.hits.length, capped: outcome.capped },
    })
  })
  return id
}

function subjectRecord(s: SearchSubject): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(s)) {
    const list = (v as string[] | undefined)?.map((x) => x.trim()).filter(Boolean) ?? []
    if (list.length) out[k] = list
  }
  return out
}

function sourceRecord(s: Source) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    owner: s.ownerName,
    lastIndexedAt: s.lastIndexedAt,
    itemCount: s.itemCount,
  }
}

async function insertHits(db: Queryable, runId: string, hits: SearchOutcome['hits']): Promise<void> {
  for (let i = 0; i < hits.length; i += 500) {
    const part = hits.slice(i, i + 500)
    const values: unknown[] = []
    const rows = part.map((h, j) => {
      const c = h.candidate
      const row = [
        randomUUID(),
        runId,
        c.source_id,
        c.id,
        i + j + 1,
        c.locator,
        c.message_id,
        c.title,
        c.sender,
        c.sent_at,
        h.score,
        JSON.stringify(h.reasons),
        h.snippet,
      ]
      const first = values.length
      values.push(...row)
      return `(${row.map((_, k) => `$${first + k + 1}`).join(',')},'undecided')`
    })
    await db.query(
      `INSERT INTO discovery_hits (id, run_id, source_id, item_id, rank, locator, message_id, title, sender, sent_at, score, reasons,
         snippet, decision) VALUES ${rows.join(',')}`,
      values,
    )
  }
}
