import { DomainError } from '../../domain/index.js'
import type { CaseState, Controller } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import type { Actor } from '../actor.js'
import { requirePermission } from '../authorise.js'
import { viewableCase } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import { recordAudit } from './audit.js'
import { findLetter, type LetterRecord } from './letter-repository.js'
import { letterPdfFor } from './send-letter.js'
import { readSettings } from './settings.js'
import { letterAsSent } from '../release/rendered-letter.js'

/** Opens a letter of a case (its text, or its PDF); like any view of personal data it is recorded. */
export async function openLetter(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  letterId: string,
  as: 'text' | 'pdf',
): Promise<{ letter: LetterRecord; state: CaseState; controller: Controller; pdf?: Uint8Array }> {
  requirePermission(actor, 'case:view')
  return withTransaction(deps.pool, async (tx) => {
    const state = await viewableCase(tx, actor, caseId)
    const letter = await findLetter(tx, state.id, letterId)
    if (!letter) throw new DomainError('not-found', `no letter ${letterId} on case ${caseId}`)
    const controller = await findController(tx, state.controllerId)
    if (!controller) throw new Error(`no controller ${state.controllerId}`)
    await recordAudit(tx, deps, actor, {
      caseId,
      command: 'OpenLetter',
      eventType: 'LetterViewed',
      payload: { letterId, version: letter.version, as },
    })
    const regulator = (await readSettings(tx)).regulator
    const pdf =
      as === 'pdf' ? await letterPdfFor(deps, state, controller, await letterAsSent(tx, letter), regulator) : undefined
    return { letter, state, controller, ...(pdf ? { pdf } : {}) }
  })
}
