import { DomainError, can, permissionForCommand } from '../domain/index.js'
import type { Command, Permission } from '../domain/index.js'
import type { Actor } from './actor.js'

/**
 * The one place permissions are enforced (issue: least privilege per role). The system actor (jobs) may
 * do what it is programmed to; users need the role permission and the case's controller.
 */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === 'system') return
  if (!can(actor.roles, permission)) {
    throw new DomainError('not-permitted', `${actor.id} lacks ${permission}`)
  }
}

export function requireController(actor: Actor, controllerId: string): void {
  if (actor.controllerIds === null) return
  if (!actor.controllerIds.includes(controllerId)) {
    // Report as not found: a user outside the controller should not learn that the case exists.
    throw new DomainError('not-found', `${actor.id} is not scoped to ${controllerId}`)
  }
}

export function requireCommandPermission(actor: Actor, command: Command): void {
  requirePermission(actor, permissionForCommand(command.type))
}
