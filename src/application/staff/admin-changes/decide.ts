import { DomainError } from '../../../domain/index.js'
import { withTransaction, type Tx } from '../../../persistence/db.js'
import type { Actor } from '../../actor.js'
import { requirePermission } from '../../authorise.js'
import { recordAudit } from '../../casework/audit.js'
import type { AppDeps } from '../../deps.js'
import { applyChange } from './apply.js'
import { notifyDataProtectionManagers } from './notify.js'
import { loadChangeForUpdate, requireAdminOver } from './propose.js'
import { permissionFor } from './types.js'

/**
 * A second administrator approves a pending change, which then takes effect: never the one who proposed it, never
 * the person it is about, and only an administrator of every organisation it touches (issue 11).
 */
export async function approveAdminChange(deps: AppDeps, actor: Actor, changeId: string): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    const change = await loadChangeForUpdate(tx, changeId)
    requireAdminOver(actor, change)
    if (change.status !== 'pending') throw new DomainError('conflict', `change ${changeId} is ${change.status}`)
    if (change.proposedBy === actor.id)
      throw new DomainError(
        'not-permitted',
        'a second administrator must approve a change: not the one who proposed it',
      )
    await applyChange(tx, deps, change, actor)
    await decided(tx, deps, actor, change.id, 'approved')
    await notifyDataProtectionManagers(tx, deps, change, 'approved', actor.id)
  })
}

/** Turns a pending change down (another administrator), or withdraws it (the one who proposed it). */
export async function rejectAdminChange(deps: AppDeps, actor: Actor, changeId: string): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    const change = await loadChangeForUpdate(tx, changeId)
    // The person a change is about cannot turn it down either (requireAdminOver): removing an administrator's access
    // is decided by two others.
    if (change.proposedBy === actor.id) requirePermission(actor, permissionFor(change.request.kind))
    else requireAdminOver(actor, change)
    if (change.status !== 'pending') throw new DomainError('conflict', `change ${changeId} is ${change.status}`)
    const outcome = change.proposedBy === actor.id ? 'withdrawn' : 'rejected'
    await decided(tx, deps, actor, change.id, outcome)
    await notifyDataProtectionManagers(tx, deps, change, outcome, actor.id)
  })
}

async function decided(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  changeId: string,
  status: 'approved' | 'rejected' | 'withdrawn',
) {
  await tx.query('UPDATE admin_changes SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [
    changeId,
    status,
    actor.id,
    deps.clock.now(),
  ])
  const eventType = {
    approved: 'AdminChangeApproved',
    rejected: 'AdminChangeRejected',
    withdrawn: 'AdminChangeWithdrawn',
  }
  await recordAudit(tx, deps, actor, {
    command: 'DecideAdminChange',
    eventType: eventType[status],
    payload: { changeId, status },
  })
}
