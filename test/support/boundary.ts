import { randomBytes } from 'node:crypto'
import { SYSTEM_ACTOR } from '../../src/application/actor.js'
import { createApiToken } from '../../src/application/create-api-token.js'
import { createUser } from '../../src/application/create-user.js'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/cli/demo/demo-controllers.js'
import type { Role } from '../../src/domain/index.js'
import type { Harness } from './app-harness.js'
import { StaffClient } from './casework-client.js'
import { rememberSecret } from './second-factor.js'

export const OPCC = 'northshire-opcc'
export const POLICE = 'northshire-police'

/** A member of staff holding one role for the given controllers, signed in, with an API token of their own. */
export interface ScopedUser {
  id: string
  email: string
  role: Role
  controllerIds: string[]
  client: StaffClient
  token: string
}

export async function scopedUser(h: Harness, role: Role, controllerIds: string[], team?: string): Promise<ScopedUser> {
  const email = `${role}-${controllerIds.join('-')}-${randomBytes(3).toString('hex')}@boundary.example`
  const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: `${role} of ${controllerIds.join(' and ')}`,
    roles: [role],
    controllerIds,
    password: DEMO_PASSWORD,
    ...(team ? { team } : {}),
  })
  // An authenticator app already set up (the demo's published secret), so roles that need one sign in with a code.
  await h.db.pool.query('UPDATE users SET totp_secret = $2 WHERE id = $1', [id, DEMO_TOTP_SECRET])
  rememberSecret(email, DEMO_TOTP_SECRET)
  const client = new StaffClient(h.app)
  if ((await client.signInFully(email, DEMO_PASSWORD)) === null)
    throw new Error(`sign-in as ${email}: ${client.last?.statusCode} ${client.last?.body.slice(0, 200)}`)
  await client.get('/staff/account/password')
  const { token } = await createApiToken(h.deps, SYSTEM_ACTOR, { email, label: 'boundary' })
  return { id, email, role, controllerIds, client, token }
}

/**
 * Path parameters that name something belonging to one controller (a case and everything on it, a task, a disposal
 * list, a search, a source, an intake draft, a register entry, a consent, the controller itself). The others
 * (retention rules, training records, staff accounts, outbox files) belong to the deployment as a whole.
 */
export const CONTROLLER_OWNED_PARAMS = new Set([
  'id',
  'idOrReference',
  'documentId',
  'letterId',
  'itemId',
  'taskId',
  'listId',
  'runId',
  'sourceId',
  'draftId',
  'controllerId',
  'activityId',
  'consentId',
])
export const SHARED_PARAMS = new Set([
  'ruleId',
  'typeId',
  'personId',
  'certificateId',
  'file',
  'userId',
  'changeId',
  'page',
])

export function paramsOf(route: string): string[] {
  return [
    ...route
      .split(' ')[1]!
      .replace(':idOrReference|:id', ':id')
      .matchAll(/:(\w+)/g),
  ].map((m) => m[1]!)
}

/** Everything that identifies the victim controller's data in a page, a file or a JSON body. */
export async function markersOf(h: Harness, controllerId: string, fixtures: Record<string, string>) {
  const refs = await h.db.pool.query<{ reference: string; requester_name: string }>(
    'SELECT reference, requester_name FROM cases WHERE controller_id = $1',
    [controllerId],
  )
  const uuids = Object.entries(fixtures)
    .filter(([name, v]) => CONTROLLER_OWNED_PARAMS.has(name) && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v))
    .map(([, v]) => v)
  return [...refs.rows.map((r) => r.reference), ...uuids, 'Morgan Matrix']
}

/**
 * How many rows of each table belong to the controller: by its own controller_id column, or through the case its
 * case_id names. The audit trail is left out (it records refusals too, and is checked on its own).
 */
export async function ownedRowCounts(h: Harness, controllerId: string): Promise<Record<string, number>> {
  const cols = await h.db.pool.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.column_name IN ('controller_id', 'case_id')
        AND c.table_name NOT LIKE 'audit%' ORDER BY c.table_name, c.column_name`,
  )
  const counts: Record<string, number> = {}
  for (const { table_name: table, column_name: column } of cols.rows) {
    const sql =
      column === 'controller_id'
        ? `SELECT count(*)::int AS n FROM "${table}" WHERE controller_id = $1`
        : `SELECT count(*)::int AS n FROM "${table}" t JOIN cases c ON c.id = t.case_id WHERE c.controller_id = $1`
    counts[`${table}.${column}`] = (await h.db.pool.query<{ n: number }>(sql, [controllerId])).rows[0]!.n
  }
  return counts
}
