import type { Role } from '../../../domain/index.js'

/**
 * What one administrator may only propose and a second must approve (issue 11: duties separated for admins). Each
 * payload carries what it changes from, so an approval never applies a change to something that has moved on since.
 */
export type AdminChangeRequest =
  | {
      kind: 'grant-access'
      targetUserId: string
      before: { roles: Role[]; controllerIds: string[] }
      after: { roles: Role[]; controllerIds: string[] }
    }
  | {
      kind: 'create-user'
      account: { email: string; name: string; roles: Role[]; controllerIds: string[]; team: string | null }
    }
  | { kind: 'reset-password'; targetUserId: string }
  | { kind: 'reset-two-factor'; targetUserId: string }
  | {
      kind: 'security-settings'
      before: { totpRequiredRoles: Role[] }
      after: { totpRequiredRoles: Role[] }
    }

export type AdminChangeKind = AdminChangeRequest['kind']
export type AdminChangeStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn'

export interface AdminChange {
  id: string
  request: AdminChangeRequest
  /** The organisations it touches: both administrators must hold them all, and their DP managers are told. */
  controllerIds: string[]
  proposedBy: string
  proposedAt: Date
  status: AdminChangeStatus
  decidedBy: string | null
  decidedAt: Date | null
}

export const targetOf = (r: AdminChangeRequest): string | null => ('targetUserId' in r ? r.targetUserId : null)

/** Which permission deciding a change needs: deployment settings, or user accounts. */
export const permissionFor = (kind: AdminChangeKind) =>
  kind === 'security-settings' ? ('settings:admin' as const) : ('user:admin' as const)

export function changeFromRow(row: Record<string, unknown>): AdminChange {
  const payload = row.payload as Record<string, unknown>
  const targetUserId = row.target_user_id as string | null
  return {
    id: String(row.id),
    request: { ...payload, kind: row.kind, ...(targetUserId ? { targetUserId } : {}) } as AdminChangeRequest,
    controllerIds: row.controller_ids as string[],
    proposedBy: String(row.proposed_by),
    proposedAt: row.proposed_at as Date,
    status: row.status as AdminChangeStatus,
    decidedBy: (row.decided_by as string | null) ?? null,
    decidedAt: (row.decided_at as Date | null) ?? null,
  }
}

/** The payload column: the request without the fields that have columns of their own. */
export function payloadOf(r: AdminChangeRequest): Record<string, unknown> {
  const { kind: _kind, ...rest } = r
  if ('targetUserId' in rest) {
    const { targetUserId: _target, ...payload } = rest
    return payload
  }
  return rest
}
