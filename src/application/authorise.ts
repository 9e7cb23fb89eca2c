import { can, permissionForCommand } from '../domain/index.js'
import type { Command, Permission } from '../domain/index.js'
import { accessRefused } from './access-refusal.js'
import type { Actor } from './actor.js'

/**
 * The one place permissions are enforced (issue: least privilege per role). The system actor (jobs) may
 * do what it is programmed to; users need the role permission and the case's controller.
 */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'system') return
  if (!can(actor.roles, permission)) {
    throw accessRefused('not-permitted', `${actor.id} lacks ${permission}`, 'permission')
  }
}

export function requireController(actor: Actor, controllerId: string): void {
  if (actor.controllerIds === null) return
  if (!actor.controllerIds.includes(controllerId)) {
    // Report as not found: a user outside the controller should not learn that the case exists.
    throw accessRefused('not-found', `${actor.id} is not scoped to ${controllerId}`, 'controller')
  }
}

export function requireCommandPermission(actor: Actor, command: Command): void {
  requirePermission(actor, permissionForCommand(command.type))
}

/** For pages open to holders of any of several permissions (e.g. "my tasks": whoever sets or answers tasks). */
export function requireAnyPermission(actor: Actor, permissions: readonly Permission[]): void {
  if (actor.kind === 'system') return
  if (!permissions.some((p) => can(actor.roles, p))) {
    throw accessRefused('not-permitted', `${actor.id} lacks any of ${permissions.join(', ')}`, 'permission')
  }
}

/** Whether the actor sees every case of their controllers, or only those assigned to them or copied to them. */
export function seesAllCases(actor: Actor): boolean {
  return actor.kind === 'system' || can(actor.roles, 'case:view-all')
}

/**
 * A copy recipient (role 'copy-recipient': case:view without case:view-all) reads only the cases they were copied
 * on or assigned; for anyone else the case is reported as not found, so its existence is not disclosed either.
 */
export function requireCaseVisible(actor: Actor, caseId: string, access: { assigned: boolean; copied: boolean }): void {
  if (seesAllCases(actor) || access.assigned || access.copied) return
  throw accessRefused('not-found', `${actor.id} was not copied on case ${caseId}`, 'not-copied')
}
