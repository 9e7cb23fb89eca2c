import type { CaseState } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { listCaseDocuments, type DocumentRecord } from '../../persistence/repositories/document-repository.js'
import type { Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import { listLetters, type LetterRecord } from './letter-repository.js'
import { tasksOfCase, type SearchTask } from './search-task-repository.js'

export interface RelatedCase {
  id: string
  reference: string
  caseType: string
  status: string
  relation: string
}

export interface CaseWorkspace {
  documents: DocumentRecord[]
  letters: LetterRecord[]
  tasks: SearchTask[]
  messages: { id: string; direction: string; body: string; createdAt: Date; createdBy: string }[]
  related: RelatedCase[]
  copiedTo: { email: string; notifiedAt: Date }[]
  password: { held: boolean; releasedAt: Date | null; releasedVia: string | null } | null
}

/**
 * Everything held with a case, for its page: files, letters, search tasks, messages, related cases, who was copied.
 * Called with a state getCase returned (which recorded the view); the checks are repeated so it is safe on its own.
 */
export async function caseWorkspace(db: Queryable, actor: Actor, state: CaseState): Promise<CaseWorkspace> {
  requirePermission(actor, 'case:view')
  requireController(actor, state.controllerId)
  const [documents, letters, tasks, messages, related, copies, passwords] = await Promise.all([
    listCaseDocuments(db, state.id),
    listLetters(db, state.id),
    tasksOfCase(db, state.id),
    db.query(
      'SELECT id, direction, body, created_at, created_by FROM case_messages WHERE case_id = $1 ORDER BY created_at',
      [state.id],
    ),
    relatedCases(db, state),
    db.query('SELECT email, notified_at FROM case_copies WHERE case_id = $1 ORDER BY email', [state.id]),
    db.query(
      'SELECT released_at, released_via FROM response_passwords WHERE case_id = $1 ORDER BY created_at DESC LIMIT 1',
      [state.id],
    ),
  ])
  const pw = passwords.rows[0] as { released_at: Date | null; released_via: string | null } | undefined
  return {
    documents,
    letters,
    tasks,
    messages: messages.rows.map((m) => ({
      id: String(m.id),
      direction: String(m.direction),
      body: String(m.body),
      createdAt: m.created_at as Date,
      createdBy: String(m.created_by),
    })),
    related,
    copiedTo: copies.rows.map((c) => ({ email: String(c.email), notifiedAt: c.notified_at as Date })),
    password: pw ? { held: true, releasedAt: pw.released_at, releasedVia: pw.released_via } : null,
  }
}

/** The case it concerns, cases that concern it (appeals, complaints, regulator enquiries) and linked cases. */
export async function relatedCases(db: Queryable, state: CaseState): Promise<RelatedCase[]> {
  const linked = state.links.map((l) => l.caseId)
  const r = await db.query<{
    id: string
    reference: string
    case_type: string
    status: string
    parent_case_id: string | null
  }>(
    `SELECT id, reference, case_type, status, parent_case_id FROM cases
     WHERE controller_id = $2 AND (parent_case_id = $1 OR id = ANY($3::uuid[])) ORDER BY received_on`,
    [state.id, state.controllerId, linked.filter((id) => /^[0-9a-f-]{36}$/i.test(id))],
  )
  return r.rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    caseType: row.case_type,
    status: row.status,
    relation:
      row.parent_case_id === state.id
        ? 'concerns this case'
        : (state.links.find((l) => l.caseId === row.id)?.relation ?? 'related'),
  }))
}
