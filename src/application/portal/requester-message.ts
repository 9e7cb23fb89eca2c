import { randomUUID } from 'node:crypto'
import { DomainError, localDateInLondon, waitingItems } from '../../domain/index.js'
import { applyCommand } from '../apply-command.js'
import { appendAudit } from '../../persistence/audit-log.js'
import { withTransaction } from '../../persistence/db.js'
import { findCase } from '../../persistence/repositories/case-repository.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import type { DocumentKind } from '../../persistence/repositories/document-repository.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import type { UploadProblem } from './check-upload.js'
import { publicActor, type EmailText } from './intake-support.js'
import { storeUploadIn, type ReceivedFile } from './store-upload.js'
import { notifyStaffIn } from '../casework/notify-staff.js'

/** What a requester may send with a reply: proof of identity, proof of authority, or anything else. */
export type ReplyFileKind = Extract<DocumentKind, 'identity' | 'authority' | 'correspondence'>

export interface RequesterMessageInput {
  caseId: string
  body: string
  file?: ReceivedFile & { kind: ReplyFileKind }
  /** The note to the office's mailbox that something arrived (no personal data beyond the reference). */
  composeNotification: (facts: { reference: string; caseUrl: string }) => EmailText
}

export type RequesterMessageResult = { ok: true; messageId: string } | { ok: false; problem: UploadProblem }

/**
 * A reply from the requester following their case: a message, a file, or both (answers to a request for ID,
 * clarification or fee information arrive this way). It is stored with the case, unread until an officer opens the
 * case, and the office is told.
 *
 * A reply while we wait for clarification ends the pause on the day it arrives: Art 12A(5) UK GDPR (and DPA s.54(3C))
 * exclude the days "beginning with the day on which the controller requests" and "ending with the day on which the
 * controller receives" the information, so receipt, not the day an officer notices, resumes the clock (issue 14).
 * If the answer is not enough the officer asks again, which starts a new pause. Proof of identity, authority or a fee
 * still needs an officer to check it; the reply records what it answered so the case page puts the date of receipt
 * in front of them. Identity documents sent here are stored as identity, so they are purged when identity is verified.
 */
export async function sendRequesterMessage(
  deps: AppDeps,
  input: RequesterMessageInput,
): Promise<RequesterMessageResult> {
  const actor = publicActor(input.caseId)
  return withTransaction(deps.pool, async (tx) => {
    const state = await findCase(tx, input.caseId)
    if (!state) throw new DomainError('not-found', `case ${input.caseId} not found`)
    const documentIds: string[] = []
    if (input.file) {
      const stored = await storeUploadIn(tx, deps, actor, input.file, { caseId: state.id, kind: input.file.kind })
      if (!stored.ok) return stored
      documentIds.push(stored.documentId)
    }
    const id = randomUUID()
    const now = deps.clock.now()
    const answers = waitingItems(state).map((w) => w.kind)
    await tx.query(
      `INSERT INTO case_messages (id, case_id, direction, body, document_ids, created_by, created_at)
       VALUES ($1, $2, 'in', $3, $4::uuid[], $5, $6)`,
      [id, state.id, input.body, documentIds, `public:${state.id}`, now],
    )
    await appendAudit(tx, [
      {
        caseId: state.id,
        actorId: `public:${state.id}`,
        occurredAt: now,
        command: 'SendRequesterMessage',
        eventType: 'RequesterMessageReceived',
        payload: { messageId: id, documentIds, characters: input.body.length, answers },
      },
    ])
    if (answers.includes('clarification')) {
      await applyCommand(deps, tx, actor, state, {
        type: 'RecordClarificationReceived',
        receivedOn: localDateInLondon(now),
        summary: 'Answered through the online service',
      })
    }
    // Issue 14: the officer the case is assigned to is told, not only the shared mailbox.
    if (state.assigneeId)
      await notifyStaffIn(tx, deps, {
        userIds: [state.assigneeId],
        caseId: state.id,
        reference: state.reference,
        kind: 'requester-replied',
      })
    const controller = await findController(tx, state.controllerId)
    if (controller) {
      const caseUrl = `${deps.baseUrl}/staff/cases/${state.id}`
      const email: EmailJob = {
        to: [controller.contact.email],
        ...input.composeNotification({ reference: state.reference, caseUrl }),
      }
      await deps.jobs.enqueue(tx, 'email-send', email)
    }
    return { ok: true, messageId: id }
  })
}
