import { DomainError, clockOf, localDateInLondon, waitingItems } from '../../domain/index.js'
import type { CaseClock, CaseState, CaseStatus, WaitingItem } from '../../domain/index.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { findCase, findCases } from '../../persistence/repositories/case-repository.js'
import { listCaseDocuments, type DocumentRecord } from '../../persistence/repositories/document-repository.js'
import type { AppDeps } from '../deps.js'
import { conversationOf, type ConversationItem } from './conversation.js'

/** The kinds of file the office can release to the requester's download list. */
export const RELEASABLE_KINDS: readonly string[] = ['response', 'bundle', 'letter']

export interface RequesterCaseView {
  state: CaseState
  clock: CaseClock
  waiting: WaitingItem[]
  /**
   * Identity and authority files the requester has sent for this case (kept or already checked and deleted), so
   * the page never asks again for what has arrived: it says it is being checked instead.
   */
  evidenceSent: { identity: number; authority: number }
  /** Letters and messages both ways, newest first (issue 14). */
  conversation: ConversationItem[]
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
    const conversation = await conversationOf(tx, state, documents, isReleased)
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
    // Letters are listed with the conversation, each with its PDF; this list is for the answer and its files.
    const released = documents
      .filter((d) => isReleased(d) && d.kind !== 'letter')
      .map(({ id, filename, contentType, size, releasedToRequesterAt }) => ({
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
      evidenceSent: {
        identity: documents.filter((d) => d.kind === 'identity').length,
        authority: documents.filter((d) => d.kind === 'authority').length,
      },
      conversation,
      released,
      reviews,
      canAppeal: canAppeal(state, reviews),
    }
  })
}
