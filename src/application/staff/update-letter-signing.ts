import { DomainError } from '../../domain/index.js'
import type { Controller, LetterSigning, ReviewPolicy, Signatory } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findController, upsertController } from '../../persistence/repositories/controller-repository.js'
import { isLetterTemplateId } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'

/** A controller's letter signing and review policy, for its administrators only (another's is not found). */
export async function letterSigningOf(deps: AppDeps, actor: Actor, controllerId: string): Promise<Controller> {
  requirePermission(actor, 'settings:admin')
  requireController(actor, controllerId)
  const c = await findController(deps.pool, controllerId)
  if (!c) throw new DomainError('not-found', `no controller ${controllerId}`)
  return c
}

export interface LetterSigningChange {
  signing: LetterSigning
  review: ReviewPolicy
}

const complete = (s: Signatory) => [s.name, s.role, s.office].every((v) => v.trim() !== '' && v.length <= 200)

/** Field problems, keyed by the form's field names, so nothing half-valid is stored. */
function problems(change: LetterSigningChange): Record<string, string> {
  const fields: Record<string, string> = {}
  const d = change.signing.default
  if (d && !complete(d))
    fields.defaultName = 'Give the name, role and office of the person who signs, or leave all three empty'
  const byLetter = Object.entries(change.signing.byLetter ?? {})
  if (byLetter.some(([id, s]) => !isLetterTemplateId(id) || !complete(s)))
    fields.byLetter = 'Write one letter per line as: letter | name | role | office, using a letter from the list'
  const r = change.review
  if (r.reviewer.trim() === '' || r.reviewer.length > 200) fields.reviewer = 'Say who reviews a decision'
  const days = (n: number) => Number.isInteger(n) && n >= 1 && n <= 60
  if (!days(r.askWithinWorkingDays)) fields.askWithinWorkingDays = 'Enter a whole number of working days from 1 to 60'
  if (!days(r.replyWithinWorkingDays))
    fields.replyWithinWorkingDays = 'Enter a whole number of working days from 1 to 60'
  return fields
}

/**
 * Sets who signs a controller's letters and how its reviews work (issue 13). The controller's settings are kept in
 * its record; the audit event keeps the old and new values.
 */
export async function updateLetterSigning(
  deps: AppDeps,
  actor: Actor,
  controllerId: string,
  change: LetterSigningChange,
): Promise<Controller> {
  requirePermission(actor, 'settings:admin')
  // Issue 11: an administrator of one controller does not set who signs another's letters (refused as not found).
  requireController(actor, controllerId)
  const fields = problems(change)
  if (Object.keys(fields).length) throw new DomainError('validation', 'invalid letter signing', { fields })
  return withTransaction(deps.pool, async (tx) => {
    const before = await findController(tx, controllerId)
    if (!before) throw new DomainError('not-found', `no controller ${controllerId}`)
    const after: Controller = { ...before, signing: change.signing, review: change.review }
    await upsertController(tx, after)
    await recordAudit(tx, deps, actor, {
      command: 'UpdateLetterSigning',
      eventType: 'LetterSigningChanged',
      payload: { controllerId, before: { signing: before.signing, review: before.review }, after: change },
    })
    return after
  })
}
