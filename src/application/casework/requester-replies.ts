import { can, localDateInLondon, waitingItems } from '../../domain/index.js'
import type { CaseState, LocalDate, WaitingKind } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'

/** What the requester sent that the office has not read, put in front of the officer who opens the case. */
export interface ReplyNotice {
  /** Days on which unread replies arrived, oldest first. */
  repliedOn: LocalDate[]
  /** Each clarification answered, by the day it arrived: the day the pause ended (Art 12A(5)). */
  clarificationReceivedOn: LocalDate[]
  /** What we still wait for that the reply may contain (proof of identity or authority, a fee): an officer checks. */
  toCheck: Exclude<WaitingKind, 'clarification'>[]
}

/**
 * The requester's unread replies on a case. Opening the case marks them read for anyone who works cases, so the
 * "requester replied" flag on the case list clears once someone has seen them; someone who may only look (an
 * auditor, a copy recipient) leaves them unread for the caseworker. Viewing the case is audited by getCase.
 */
export async function openReplies(db: Queryable, actor: Actor, state: CaseState, at: Date): Promise<ReplyNotice> {
  requirePermission(actor, 'case:view')
  requireController(actor, state.controllerId)
  const r = can(actor.roles, 'case:work')
    ? await db.query<{ created_at: Date }>(
        `UPDATE case_messages SET read_at = $2 WHERE case_id = $1 AND direction = 'in' AND read_at IS NULL
         RETURNING created_at`,
        [state.id, at],
      )
    : await db.query<{ created_at: Date }>(
        `SELECT created_at FROM case_messages WHERE case_id = $1 AND direction = 'in' AND read_at IS NULL`,
        [state.id],
      )
  const repliedOn = [...new Set(r.rows.map((m) => localDateInLondon(m.created_at)))].sort()
  return replyNotice(state, repliedOn)
}

export function replyNotice(state: CaseState, repliedOn: LocalDate[]): ReplyNotice {
  if (repliedOn.length === 0) return { repliedOn, clarificationReceivedOn: [], toCheck: [] }
  const clarificationReceivedOn = state.pauses
    .flatMap((p) => (p.resolvedOn && repliedOn.includes(p.resolvedOn) ? [p.resolvedOn] : []))
    .sort()
  const toCheck = waitingItems(state)
    .map((w) => w.kind)
    .filter((k): k is ReplyNotice['toCheck'][number] => k !== 'clarification')
  return { repliedOn, clarificationReceivedOn, toCheck }
}
