import { randomUUID } from 'node:crypto'
import { DomainError, ROLES } from '../../../domain/index.js'
import { withTransaction, type Tx } from '../../../persistence/db.js'
import { findController, listControllers } from '../../../persistence/repositories/controller-repository.js'
import { findUserByEmail, findUserById } from '../../../persistence/repositories/user-repository.js'
import type { Actor } from '../../actor.js'
import { requirePermission } from '../../authorise.js'
import { recordAudit } from '../../casework/audit.js'
import type { AppDeps } from '../../deps.js'
import { notifyDataProtectionManagers } from './notify.js'
import {
  changeFromRow,
  payloadOf,
  permissionFor,
  targetOf,
  type AdminChange,
  type AdminChangeRequest,
} from './types.js'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * An administrator may act only for organisations they hold themselves (an admin of the OPCC cannot hand out access
 * to the force's cases), and never on their own account: one person alone cannot raise their own access.
 */
export function requireAdminOver(actor: Actor, change: Pick<AdminChange, 'controllerIds' | 'request'>): void {
  if (actor.kind !== 'user') throw new DomainError('not-permitted', 'administrator changes are made by people')
  requirePermission(actor, permissionFor(change.request.kind))
  const missing = change.controllerIds.filter((c) => !actor.controllerIds?.includes(c))
  if (missing.length > 0) throw new DomainError('not-permitted', `${actor.id} does not hold ${missing.join(', ')}`)
  if (targetOf(change.request) === actor.id)
    throw new DomainError('not-permitted', 'nobody may change their own access or sign-in: ask another administrator')
}

/** Proposes a change for a second administrator to approve, audited and reported to the DP managers concerned. */
export async function proposeAdminChange(
  deps: AppDeps,
  actor: Actor,
  request: AdminChangeRequest,
): Promise<{ changeId: string }> {
  return withTransaction(deps.pool, (tx) => proposeIn(tx, deps, actor, request))
}

export async function proposeIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  request: AdminChangeRequest,
): Promise<{ changeId: string }> {
  const controllerIds = await controllersTouched(tx, request)
  requireAdminOver(actor, { controllerIds, request })
  const target = targetOf(request)
  const waiting = await tx.query(
    `SELECT 1 FROM admin_changes WHERE status = 'pending' AND kind = $1
       AND target_user_id IS NOT DISTINCT FROM $2::uuid AND ($1 <> 'create-user' OR payload->'account'->>'email' = $3)`,
    [request.kind, target, request.kind === 'create-user' ? request.account.email : null],
  )
  if (waiting.rowCount) {
    throw new DomainError('conflict', 'a change of this kind is already waiting', {
      userMessage: 'A change like this is already waiting for a second administrator. Approve or reject it first',
    })
  }
  const change: AdminChange = {
    id: randomUUID(),
    request,
    controllerIds,
    proposedBy: actor.id,
    proposedAt: deps.clock.now(),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
  }
  await tx.query(
    `INSERT INTO admin_changes (id, kind, target_user_id, payload, controller_ids, proposed_by, proposed_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending')`,
    [change.id, request.kind, target, payloadOf(request), controllerIds, actor.id, change.proposedAt],
  )
  await recordAudit(tx, deps, actor, {
    command: 'ProposeAdminChange',
    eventType: 'AdminChangeProposed',
    payload: { changeId: change.id, kind: request.kind, ...(target ? { userId: target } : {}), ...payloadOf(request) },
  })
  await notifyDataProtectionManagers(tx, deps, change, 'proposed', actor.id)
  return { changeId: change.id }
}

/** Every organisation a change reaches: the account's before and after, or all of them for a deployment setting. */
async function controllersTouched(tx: Tx, r: AdminChangeRequest): Promise<string[]> {
  if (r.kind === 'security-settings') return (await listControllers(tx)).map((c) => c.id)
  if (r.kind === 'create-user') {
    await validateNewAccount(tx, r.account)
    return [...new Set(r.account.controllerIds)]
  }
  const target = await findUserById(tx, r.targetUserId)
  if (!target) throw new DomainError('not-found', `no user ${r.targetUserId}`)
  const after = r.kind === 'grant-access' ? r.after.controllerIds : []
  return [...new Set([...target.controllerIds, ...after])]
}

async function validateNewAccount(tx: Tx, a: Extract<AdminChangeRequest, { kind: 'create-user' }>['account']) {
  const fields: Record<string, string> = {}
  if (!EMAIL.test(a.email)) fields.email = 'Enter an email address like name@example.org'
  else if (await findUserByEmail(tx, a.email)) fields.email = 'A user with this email already exists'
  if (a.name.trim() === '') fields.name = 'Enter the person’s name'
  if (a.roles.length === 0 || a.roles.some((r) => !ROLES.includes(r))) fields.roles = 'Choose at least one role'
  if (a.controllerIds.length === 0) fields.controllerIds = 'Choose at least one organisation'
  for (const c of a.controllerIds) if (!(await findController(tx, c))) fields.controllerIds = `No organisation ${c}`
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid new account', { fields })
}

export async function loadChangeForUpdate(tx: Tx, changeId: string): Promise<AdminChange> {
  const r = await tx.query('SELECT * FROM admin_changes WHERE id = $1 FOR UPDATE', [changeId])
  if (!r.rows[0]) throw new DomainError('not-found', `no admin change ${changeId}`)
  return changeFromRow(r.rows[0])
}
