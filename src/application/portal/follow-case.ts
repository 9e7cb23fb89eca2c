import { DomainError, clockOf, localDateInLondon, waitingItems } from '../../domain/index.js'
import type { CaseClock, CaseState, CaseStatus, WaitingItem } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { findCase, findCases } from '../../persistence/repositories/case-repository.js'
import { listCaseDocuments, type DocumentRecord } from '../../persistence/repositories/document-repository.js'
import type { AppDeps } from '../deps.js'

/** The kinds of file the office can release to the requester's download list. */
export const RELEASABLE_KINDS: readonly string[] = ['response', 'bundle', 'letter']

export interface RequesterMessage {
  id: string
  direction: 'in' | 'out'
  body: string
  createdAt: Date
  filenames: string[]
}

export interface RequesterCaseView {
  state: CaseState
  clock: CaseClock
  waiting: WaitingItem[]
  messages: RequesterMessage[]
  released: Pick<DocumentRecord, 'id' | 'filename' | 'contentType' | 'size' | 'releasedToRequesterAt'>[]
  reviews: { reference: string; status: CaseStatus }[]
  canAppeal: boolean
}

/** Seed 002: an appeal is against a decision, so it is offered once the office has answered. */
export function canAppeal(state: CaseState, reviews: readonly unknown[]): boolean {
  return state.caseType === 'rights-request' && ['responded', 'closed'].includes(state.status) && reviews.length === 0
}

export function isReleased(d: DocumentRecord): boolean {
  return (
    d.releasedToRequesterAt !== null &&
    d.purgedAt === null &&
    d.storageKey !== null &&
    RELEASABLE_KINDS.includes(d.kind)
  )
}

/**
 * What a requester signed in with a one-time code sees of their case. Viewing is audited like any view of personal
 * data (DESIGN §3), and the office's messages are marked as read.
 */
export async function followCase(deps: AppDeps, caseId: string): Promise<RequesterCaseView> {
  return withTransaction(deps.pool, async (tx) => {
    const state = await findCase(tx, caseId)
    if (!state) throw new DomainError('not-found', `case ${caseId} not found`)
    const now = deps.clock.now()
    const documents = await listCaseDocuments(tx, caseId)
    const messages = await messagesOf(tx, caseId, documents)
    await tx.query(
      `UPDATE case_messages SET read_at = $2 WHERE case_id = $1 AND direction = 'out' AND read_at IS NULL`,
      [caseId, now],
    )
    const reviewIds = state.links.filter((l) => l.relation === 'review').map((l) => l.caseId)
    const reviews = (await findCases(tx, reviewIds)).map((r) => ({ reference: r.reference, status: r.status }))
    await appendAudit(tx, [
      {
        caseId,
        actorId: `public:${caseId}`,
        occurredAt: now,
        command: 'FollowCase',
        eventType: 'CaseViewedByRequester',
        payload: {},
      },
    ])
    const released = documents.filter(isReleased).map(({ id, filename, contentType, size, releasedToRequesterAt }) => ({
      id,
      filename,
      contentType,
      size,
      releasedToRequesterAt,
    }))
    return {
      state,
      clock: clockOf(state, deps.calendar, deps.clockSettings, localDateInLondon(now)),
      waiting: waitingItems(state),
      messages,
      released,
      reviews,
      canAppeal: canAppeal(state, reviews),
    }
  })
}

async function messagesOf(db: Queryable, caseId: string, documents: DocumentRecord[]): Promise<RequesterMessage[]> {
  const r = await db.query<{
    id: string
    direction: 'in' | 'out'
    body: string
    created_at: Date
    document_ids: string[]
  }>(
    'SELECT id, direction, body, created_at, document_ids FROM case_messages WHERE case_id = $1 ORDER BY created_at, id',
    [caseId],
  )
  const names = new Map(documents.map((d) => [d.id, d.filename]))
  return r.rows.map((m) => ({
    id: m.id,
    direction: m.direction,
    body: m.body,
    createdAt: m.created_at,
    filenames: m.document_ids.flatMap((id) => names.get(id) ?? []),
  }))
}
