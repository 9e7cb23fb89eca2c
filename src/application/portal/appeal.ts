import { DomainError } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findCases, loadCaseForUpdate } from '../../persistence/repositories/case-repository.js'
import type { AppDeps } from '../deps.js'
import { logRequestIn } from '../log-request.js'
import type { UploadProblem } from './check-upload.js'
import { canAppeal } from './follow-case.js'
import {
  acknowledgeIn,
  applyAsPublic,
  publicActor,
  receiptOf,
  type CaseReceipt,
  type EmailText,
} from './intake-support.js'
import { storeUploadIn, type ReceivedFile } from './store-upload.js'

export interface AppealInput {
  parentCaseId: string
  reasons: string
  file?: ReceivedFile
  composeAcknowledgement: (cases: CaseReceipt[]) => EmailText
}

export type AppealResult = { ok: true; review: CaseReceipt } | { ok: false; problem: UploadProblem | 'not-open' }

class UploadRefused extends Error {
  constructor(readonly problem: UploadProblem) {
    super(`upload refused: ${problem}`)
  }
}

/**
 * Asks for an internal review of a decision (seed 002: the Chief Executive considers the request and the response,
 * and every appeal is concluded within 20 working days). The review is a case of its own, pointing at the decision
 * (parentCaseId) and linked from it, with its own clock from clockOf (DEFAULT_CLOCK_TARGETS.reviewWorkingDays).
 * There is no statutory internal review for data protection rights (uk-rules §2): this is the office's policy.
 */
export async function appeal(deps: AppDeps, input: AppealInput): Promise<AppealResult> {
  const actor = publicActor(input.parentCaseId)
  try {
    return await withTransaction(deps.pool, async (tx) => {
      const parent = await loadCaseForUpdate(tx, input.parentCaseId)
      if (!parent) throw new DomainError('not-found', `case ${input.parentCaseId} not found`)
      const reviewIds = parent.links.filter((l) => l.relation === 'review').map((l) => l.caseId)
      if (!canAppeal(parent, await findCases(tx, reviewIds))) return { ok: false, problem: 'not-open' } as const
      const { state: review } = await logRequestIn(tx, deps, actor, reviewRequest(deps, parent, input.reasons))
      if (input.file) {
        const stored = await storeUploadIn(tx, deps, actor, input.file, { caseId: review.id, kind: 'correspondence' })
        if (!stored.ok) throw new UploadRefused(stored.problem)
      }
      await applyAsPublic(tx, deps, actor, parent, { type: 'LinkCase', otherCaseId: review.id, relation: 'review' })
      const to = parent.representative?.email ?? parent.subject.email
      const [acknowledged] = await acknowledgeIn(tx, deps, actor, [review], to, input.composeAcknowledgement)
      return { ok: true, review: receiptOf(deps, acknowledged ?? review) } as const
    })
  } catch (err) {
    if (err instanceof UploadRefused) return { ok: false, problem: err.problem }
    throw err
  }
}

function reviewRequest(deps: AppDeps, parent: CaseState, reasons: string) {
  return {
    controllerId: parent.controllerId,
    caseType: 'review' as const,
    route: parent.route,
    channel: 'portal' as const,
    receivedAt: deps.clock.now().toISOString(),
    subject: parent.subject,
    requesterType: parent.requesterType,
    ...(parent.representative ? { representative: parent.representative } : {}),
    request: {
      description: reasons,
      actionWanted: `Review the decision on ${parent.reference}`,
      reasons,
      details: { decisionReference: parent.reference },
    },
    parentCaseId: parent.id,
  }
}
