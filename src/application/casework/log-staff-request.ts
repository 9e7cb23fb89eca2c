import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import type { CommandOutcome } from '../apply-command.js'
import { requireController, requirePermission } from '../authorise.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn, requireCompleteRequest, type NewRequest } from '../log-request.js'
import { storeDocumentIn } from '../store-document.js'
import { checkStaffUpload, type UploadedFile } from './staff-upload.js'
import { notifyCopyListIn } from './notify-copy-list.js'
import { autoAcknowledgeIn } from './auto-acknowledge.js'

/**
 * Correspondence logs a request that arrived by email, post, phone or in person, with the original attached, and
 * the copy list is told (seed 002 "Process on receipt"). One transaction: the case, the file and the emails.
 */
export async function logStaffRequest(
  deps: AppDeps,
  actor: Actor,
  input: NewRequest,
  original: UploadedFile | null,
  how: 'logged' | 'referred' = 'logged',
): Promise<CommandOutcome> {
  // Seed 002: any member of staff who receives a request refers it to Correspondence; the case is logged with the
  // day the organisation received it (the clock runs from then: Art 12A(1); DPA s.54), and the copy list is told.
  requirePermission(actor, how === 'referred' ? 'case:refer' : 'case:log')
  requireCompleteRequest(input)
  requireController(actor, input.controllerId)
  const checked = original ? await checkStaffUpload(original, { scanner: deps.virusScanner }) : null
  if (checked && !checked.ok) {
    throw new DomainError('validation', `original not accepted: ${checked.problem}`, {
      fields: { original: checked.message },
    })
  }
  return withTransaction(deps.pool, async (tx) => {
    const outcome = await logRequestIn(tx, deps, actor, input)
    if (original && checked?.ok) {
      await storeDocumentIn(tx, deps, actor, {
        caseId: outcome.state.id,
        kind: 'original-request',
        filename: original.filename,
        contentType: checked.contentType,
        bytes: original.bytes,
      })
    }
    await notifyCopyListIn(tx, deps, actor, outcome.state, outcome.clock.due)
    // A referral is acknowledged by Correspondence, who now hold it; the referrer may not write to requesters.
    if (input.channel === 'portal' || how === 'referred') return outcome
    return autoAcknowledgeIn(tx, deps, actor, outcome, input.channel)
  })
}
