import { randomUUID } from 'node:crypto'
import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'
import { buildLetterContext, recipientOf } from './letter-context.js'
import { queueEmail } from './send-response.js'
import { checkEmail } from '../release/letter-check.js'

/**
 * A message to the requester, shown when they follow the case in the portal. The email only says there is a message
 * (not what it says), so nothing personal sits in a mailbox that someone else may read.
 */
export async function sendMessageToRequester(deps: AppDeps, actor: Actor, caseId: string, body: string): Promise<void> {
  requirePermission(actor, 'case:request-info')
  const text = body.replace(/\r\n?/g, '\n').trim()
  if (text.length < 2 || text.length > 5000) {
    throw new DomainError('validation', 'message length', {
      fields: { body: 'Enter a message of up to 5,000 characters' },
    })
  }
  await withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId)
    // The requester reads it in the portal: the release gate's text check applies (issue 10).
    await checkEmail(tx, state, { subject: '', body: text }, [], 'message')
    const id = randomUUID()
    await tx.query(
      `INSERT INTO case_messages (id, case_id, direction, body, document_ids, created_by, created_at)
       VALUES ($1, $2, 'out', $3, '{}', $4, $5)`,
      [id, caseId, text, `user:${actor.id}`, deps.clock.now()],
    )
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'SendMessage',
      eventType: 'MessageSent',
      payload: { messageId: id },
    })
    const to = recipientOf(state).email
    if (to) {
      const { context } = await buildLetterContext(tx, deps, state, actor)
      await queueEmail(tx, deps, to, 'requester-message', { ...context, followUrl: `${deps.baseUrl}/follow` })
    }
  })
}
