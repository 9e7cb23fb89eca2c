import { randomUUID } from 'node:crypto'
import { DomainError } from '../domain/index.js'
import { appendAudit } from '../persistence/audit-log.js'
import { withTransaction } from '../persistence/db.js'
import { findUserByEmail, insertApiToken } from '../persistence/repositories/user-repository.js'
import { newApiToken } from './api-token-secret.js'
import { auditActorId, type Actor } from './actor.js'
import { requirePermission } from './authorise.js'
import type { AppDeps } from './deps.js'

/**
 * Issues an API token for a user. The token is shown once; only its hash is kept. It acts for the controllers named
 * (issue 11: a token for the force's case system should not reach the OPCC's cases), by default all of the user's;
 * a controller the user does not hold is refused.
 */
export async function createApiToken(
  deps: AppDeps,
  actor: Actor,
  input: { email: string; label: string; controllerIds?: readonly string[] },
): Promise<{ token: string; userId: string; controllerIds: string[] }> {
  requirePermission(actor, 'user:admin')
  return withTransaction(deps.pool, async (tx) => {
    const user = await findUserByEmail(tx, input.email)
    if (!user)
      throw new DomainError('not-found', `no user ${input.email}`, {
        userMessage: `There is no user with the email ${input.email}.`,
      })
    const controllerIds = [...(input.controllerIds ?? user.controllerIds)]
    const foreign = controllerIds.filter((c) => !user.controllerIds.includes(c))
    if (controllerIds.length === 0 || foreign.length > 0)
      throw new DomainError('validation', `token scope ${controllerIds.join(',')} for ${input.email}`, {
        fields: { controllerIds: `Choose controllers ${input.email} works for: ${user.controllerIds.join(', ')}` },
        userMessage: `A token can only act for controllers ${input.email} works for (${user.controllerIds.join(', ')}).`,
      })
    const { token, tokenHash } = newApiToken()
    await insertApiToken(tx, { id: randomUUID(), userId: user.id, tokenHash, label: input.label, controllerIds })
    const payload = { userId: user.id, label: input.label, controllerIds }
    await appendAudit(tx, [
      {
        caseId: null,
        actorId: auditActorId(actor),
        occurredAt: deps.clock.now(),
        command: 'CreateApiToken',
        eventType: 'ApiTokenCreated',
        payload,
      },
    ])
    return { token, userId: user.id, controllerIds }
  })
}
