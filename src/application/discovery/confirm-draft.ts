import { DomainError } from '../../domain/index.js'
import type { Right } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import type { CommandOutcome } from '../apply-command.js'
import { requireController, requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import { notifyCopyListIn } from '../casework/notify-copy-list.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'
import { findDraft } from './mailbox-intake.js'

export interface DraftConfirmation {
  requesterName: string
  requesterEmail: string
  right: Right
  description: string
}

/** A draft for Correspondence of its controller (case:log); anyone else is told it does not exist. */
export async function pendingDraft(deps: AppDeps, actor: Actor, draftId: string) {
  requirePermission(actor, 'case:log')
  const draft = await findDraft(deps.pool, draftId)
  if (!draft) throw new DomainError('not-found', `no draft ${draftId}`)
  requireController(actor, draft.controllerId)
  if (draft.status !== 'pending') throw new DomainError('conflict', `draft ${draftId} is ${draft.status}`)
  return draft
}

/**
 * Correspondence confirms an emailed request: a case is logged with the channel email and the date the email was
 * sent (the statutory clock runs from receipt, UK GDPR Art 12(3)), the email and its attachments become its documents,
 * and the copy list is told (seed 002 "Process on receipt"). One transaction.
 */
export async function confirmDraft(
  deps: AppDeps,
  actor: Actor,
  draftId: string,
  input: DraftConfirmation,
): Promise<CommandOutcome> {
  const draft = await pendingDraft(deps, actor, draftId)
  const fields: Record<string, string> = {}
  if (!input.requesterName.trim()) fields.requesterName = 'Enter the name of the person the request is about'
  if (!input.description.trim()) fields.description = 'Say what the requester asked for'
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid draft', { fields })
  return withTransaction(deps.pool, async (tx) => {
    const lock = await tx.query(`SELECT status FROM intake_drafts WHERE id = $1 FOR UPDATE`, [draftId])
    if (lock.rows[0]?.status !== 'pending') throw new DomainError('conflict', `draft ${draftId} was already decided`)
    const outcome = await logRequestIn(tx, deps, actor, {
      controllerId: draft.controllerId,
      caseType: 'rights-request',
      right: input.right,
      route: 'UK_GDPR',
      channel: 'email',
      receivedAt: new Date(draft.receivedAt).toISOString(),
      subject: { name: input.requesterName.trim(), email: input.requesterEmail.trim() || draft.fromEmail },
      requesterType: 'self',
      request: { description: input.description.trim(), actionWanted: '', reasons: '', details: {} },
    })
    await tx.query('UPDATE documents SET case_id = $2 WHERE id = ANY($1::uuid[]) AND case_id IS NULL', [
      draft.documentIds,
      outcome.state.id,
    ])
    await tx.query(
      `UPDATE intake_drafts SET status = 'confirmed', case_id = $2, decided_by = $3, decided_at = $4 WHERE id = $1`,
      [draftId, outcome.state.id, actor.id, deps.clock.now()],
    )
    await notifyCopyListIn(tx, deps, actor, outcome.state, outcome.clock.due)
    return outcome
  })
}

/** Not a request (spam, a reply to something else): kept as dismissed, its files deleted with it. */
export async function dismissDraft(deps: AppDeps, actor: Actor, draftId: string, reason: string): Promise<void> {
  const draft = await pendingDraft(deps, actor, draftId)
  if (!reason.trim())
    throw new DomainError('validation', 'no reason', { fields: { reason: 'Say why this is not a request' } })
  await withTransaction(deps.pool, async (tx) => {
    const held = await tx.query<{ storage_key: string }>(
      'SELECT storage_key FROM documents WHERE id = ANY($1::uuid[]) AND case_id IS NULL AND storage_key IS NOT NULL',
      [draft.documentIds],
    )
    await tx.query(
      `UPDATE documents SET storage_key = NULL, purged_at = $2, purge_reason = 'intake email dismissed'
        WHERE id = ANY($1::uuid[]) AND case_id IS NULL`,
      [draft.documentIds, deps.clock.now()],
    )
    // The files go once the change has committed (the same queue every purge uses).
    await deps.jobs.enqueue(tx, 'blob-delete', { keys: held.rows.map((r) => r.storage_key) })
    await tx.query(`UPDATE intake_drafts SET status = 'dismissed', decided_by = $2, decided_at = $3 WHERE id = $1`, [
      draftId,
      actor.id,
      deps.clock.now(),
    ])
    await recordAudit(tx, deps, actor, {
      command: 'DismissDraft',
      eventType: 'IntakeDraftDismissed',
      payload: { draftId, reason: reason.trim() },
    })
  })
}
