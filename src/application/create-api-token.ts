import { randomUUID } from 'node:crypto'
import { DomainError } from '../domain/index.js'
import { appendAudit } from '../persistence/audit-log.js'
import { withTransaction } from '../persistence/db.js'
import { findUserByEmail, insertApiToken } from '../persistence/repositories/user-repository.js'
import { newApiToken } from './api-token-secret.js'
import { auditActorId, type Actor } from './actor.js'
import { requirePermission } from './authorise.js'
import type { AppDeps } from './deps.js'

/** Issues an API token for a user. The token is shown once; only its hash is kept. */
export async function createApiToken(
  deps: AppDeps,
  actor: Actor,
  input: { email: string; label: string },
): Promise<{ token: string; userId: string }> {
  requirePermission(actor, 'user:admin')
  return withTransaction(deps.pool, async (tx) => {
    const user = await findUserByEmail(tx, input.email)
    if (!user)
      throw new DomainError('not-found', `no user ${input.email}`, {
        userMessage: `There is no user with the email ${input.email}.`,
      })
    const { token, tokenHash } = newApiToken()
    await insertApiToken(tx, { id: randomUUID(), userId: user.id, tokenHash, label: input.label })
    const payload = { userId: user.id, label: input.label }
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
    return { token, userId: user.id }
  })
}
