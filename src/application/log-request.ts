import { randomUUID } from 'node:crypto'
import { DomainError, localDateInLondon, missingRequestFields } from '../domain/index.js'
import type { LogRequest } from '../domain/index.js'
import { withTransaction, type Tx } from '../persistence/db.js'
import { nextReference } from '../persistence/repositories/case-repository.js'
import { findController } from '../persistence/repositories/controller-repository.js'
import type { Actor } from './actor.js'
import { applyCommand, type CommandOutcome } from './apply-command.js'
import { requireController, requirePermission } from './authorise.js'
import type { AppDeps } from './deps.js'
import { autoAcknowledgeIn } from './casework/auto-acknowledge.js'
import { once, type IdempotencyKey, type StoredAnswer } from './idempotency.js'

/** A request as an adapter hands it over: everything but the identifiers Rightsdesk assigns. */
export type NewRequest = Omit<LogRequest, 'type' | 'id' | 'reference'>

/**
 * Logs a request received by any channel (portal, email, post, phone, in person, API) as a new case with
 * its own reference. The portal and the API call this same use case (issue: one path for every channel).
 */
export async function logRequest(deps: AppDeps, actor: Actor, input: NewRequest): Promise<CommandOutcome> {
  if (actor.kind !== 'public') requirePermission(actor, 'case:log')
  requireCompleteRequest(input)
  requireController(actor, input.controllerId)
  return withTransaction(deps.pool, (tx) => logRequestIn(tx, deps, actor, input))
}

/** What the API answers when a case is created (and answers again to a retry with the same Idempotency-Key). */
export interface CaseCreated {
  id: string
  reference: string
  status: string
  due: string | null
}

/**
 * A request sent by another system through the API: logged, and acknowledged if the office's setting says so. With
 * an idempotency key it is logged once per key (issue 11): the key, the case and its audit events commit together, so
 * a retried request can never make a second case, and a crash between them cannot leave a key without its case.
 */
export async function logApiRequest(
  deps: AppDeps,
  actor: Actor,
  input: NewRequest,
  key: IdempotencyKey | null = null,
): Promise<StoredAnswer<CaseCreated>> {
  requirePermission(actor, 'case:log')
  requireCompleteRequest(input)
  requireController(actor, input.controllerId)
  return withTransaction(deps.pool, async (tx) => {
    const create = async (): Promise<CaseCreated> => {
      const logged = await logRequestIn(tx, deps, actor, input)
      const { state, clock } = await autoAcknowledgeIn(tx, deps, actor, logged, 'api')
      return { id: state.id, reference: state.reference, status: state.status, due: clock.due }
    }
    return key ? once(tx, key, create) : { body: await create(), replayed: false }
  })
}

/**
 * Names every missing answer at once, before the controller check: with no organisation chosen the form used to
 * answer "Page not found" (the scope check saw an empty controller) and lose what was typed (issue 14).
 */
export function requireCompleteRequest(input: Partial<NewRequest>): void {
  const fields = missingRequestFields(input)
  if (Object.keys(fields).length) throw new DomainError('validation', 'missing answers', { fields })
}

/** The same, inside a transaction the caller already holds (e.g. several linked cases from one form). */
export async function logRequestIn(tx: Tx, deps: AppDeps, actor: Actor, input: NewRequest): Promise<CommandOutcome> {
  const controller = await findController(tx, input.controllerId)
  if (!controller) {
    throw new DomainError('validation', `unknown controller ${input.controllerId}`, {
      fields: { controllerId: 'Choose an organisation this service handles requests for' },
    })
  }
  const received = new Date(input.receivedAt)
  if (Number.isNaN(received.getTime())) {
    throw new DomainError('validation', 'bad receivedAt', { fields: { receivedAt: 'Enter a real date and time' } })
  }
  const year = Number(localDateInLondon(received).slice(0, 4))
  const reference = await nextReference(tx, controller.shortName.toUpperCase(), year)
  return applyCommand(deps, tx, actor, null, { ...input, type: 'LogRequest', id: randomUUID(), reference })
}
