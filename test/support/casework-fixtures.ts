import { randomBytes } from 'node:crypto'
import type { Actor } from '../../src/application/actor.js'
import { SYSTEM_ACTOR } from '../../src/application/actor.js'
import { actOnCase } from '../../src/application/casework/act-on-case.js'
import { logStaffRequest } from '../../src/application/casework/log-staff-request.js'
import { createSearchTask } from '../../src/application/casework/search-tasks.js'
import { createUser } from '../../src/application/create-user.js'
import { logRequest, type NewRequest } from '../../src/application/log-request.js'
import { DEMO_SECOND_ADMIN, demoEmail } from '../../src/cli/demo/demo-controllers.js'
import { proposeAdminChange } from '../../src/application/staff/admin-changes/propose.js'
import { findUserByEmail } from '../../src/persistence/repositories/user-repository.js'
import { addDays, localDateInLondon, type Role } from '../../src/domain/index.js'
import type { Harness } from './app-harness.js'
import { disclosureFixtures } from './fixtures/disclosure.js'
import { discoveryFixtures } from './discovery.js'
import { registerFixtures } from './fixtures/register.js'
import { reportsFixtures } from './fixtures/reports.js'
import { retentionFixtures } from './fixtures/retention.js'
import { trainingFixtures } from './fixtures/training.js'

export async function actorFor(h: Harness, role: Role): Promise<Actor> {
  const r = await h.db.pool.query<{ id: string; name: string; controller_ids: string[] }>(
    'SELECT id, name, controller_ids FROM users WHERE email = $1',
    [demoEmail(role)],
  )
  const u = r.rows[0]!
  return { kind: 'user', id: u.id, name: u.name, roles: [role], controllerIds: u.controller_ids }
}

export const NEW_REQUEST: NewRequest = {
  controllerId: 'northshire-opcc',
  caseType: 'rights-request',
  right: 'access',
  route: 'UK_GDPR',
  channel: 'email',
  receivedAt: new Date().toISOString(),
  subject: { name: 'Morgan Matrix', email: 'morgan.matrix@mail.example' },
  requesterType: 'self',
  request: { description: 'Everything about me', actionWanted: 'A copy', reasons: '', details: {} },
}

/** A case copied to the copy recipient, with a sent letter, its PDF and a search task; another case not copied; a spare user. */
export async function makeFixtures(h: Harness) {
  const correspondence = await actorFor(h, 'correspondence')
  const dp = await actorFor(h, 'dp-manager')
  const staff = await actorFor(h, 'staff')
  const { state } = await logStaffRequest(h.deps, correspondence, NEW_REQUEST, null)
  const { letter } = await actOnCase(
    h.deps,
    correspondence,
    state.id,
    { type: 'Acknowledge' },
    { template: 'acknowledgement' },
  )
  const today = localDateInLondon(h.deps.clock.now())
  const task = await createSearchTask(h.deps, dp, state.id, {
    assigneeId: staff.id,
    dueOn: addDays(today, 5),
    identifiers: ['Morgan Matrix'],
    scope: ['live'],
    instructions: 'Search your inbox',
  })
  const other = await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Not Copied' } })
  const { id: userId } = await createUser(h.deps, SYSTEM_ACTOR, {
    email: `throwaway-${randomBytes(3).toString('hex')}@test.example`,
    name: 'Throwaway',
    roles: ['staff'],
    controllerIds: ['northshire-opcc'],
    password: 'throwaway-password',
  })
  return {
    ...(await reportsFixtures(h)),
    ...(await retentionFixtures(h)),
    ...(await trainingFixtures(h)),
    ...(await registerFixtures(h)),
    ...(await disclosureFixtures(h, state.id)),
    ...(await discoveryFixtures(h, state.id)),
    id: state.id,
    idOrReference: state.id,
    letterId: letter!.id,
    documentId: letter!.documentId,
    taskId: task.id,
    userId,
    ...(await adminChangeFixtures(h, userId)),
    file: '2026-01-01-test.eml',
    notCopied: other.state.id,
  }
}

/**
 * A change waiting for a second administrator (the second demo admin proposed removing the throwaway account's
 * authenticator app, so the demo admin may approve it), and a live set-password link for the throwaway account.
 */
async function adminChangeFixtures(h: Harness, userId: string) {
  const second = (await findUserByEmail(h.db.pool, DEMO_SECOND_ADMIN.email))!
  const actor = {
    kind: 'user' as const,
    id: second.id,
    name: second.name,
    roles: ['admin' as const],
    controllerIds: second.controllerIds,
  }
  const { changeId } = await proposeAdminChange(h.deps, actor, { kind: 'reset-two-factor', targetUserId: userId })
  const token = randomBytes(32).toString('base64url')
  await h.db.pool.query(
    `INSERT INTO password_set_tokens (token_hash, user_id, created_at, expires_at)
     VALUES (encode(sha256($1::bytea), 'hex'), $2, now(), now() + interval '1 day')`,
    [token, userId],
  )
  return { changeId, token }
}
