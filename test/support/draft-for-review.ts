import { draftResponseLetter } from '../../src/application/casework/draft-letter.js'
import { submitLetterForReview } from '../../src/application/casework/submit-letter.js'
import { executeCommand } from '../../src/application/execute-command.js'
import { logRequest } from '../../src/application/log-request.js'
import { localDateInLondon, type CaseState } from '../../src/domain/index.js'
import type { Harness } from './app-harness.js'
import { actorFor, NEW_REQUEST } from './casework-fixtures.js'

/** A subject access request the DP manager has verified, worked and drafted ("no data held"), waiting for review. */
export async function draftAwaitingReview(h: Harness, name: string): Promise<CaseState> {
  const dp = await actorFor(h, 'dp-manager')
  const { state } = await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name } })
  await executeCommand(h.deps, dp, state.id, { type: 'Acknowledge' })
  const today = localDateInLondon(h.deps.clock.now())
  await executeCommand(h.deps, dp, state.id, {
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: today,
    verifierId: dp.id,
    receivedOn: today,
  })
  await executeCommand(h.deps, dp, state.id, { type: 'StartWork' })
  const letter = await draftResponseLetter(h.deps, dp, state.id, {
    outcome: 'no-data-held',
    exemptionCodes: [],
    attachmentDocumentIds: [],
  })
  await submitLetterForReview(h.deps, dp, state.id, letter.id)
  return state
}
