import { DomainError, can } from '../domain/index.js'
import type { CaseState, Command, Permission, Role } from '../domain/index.js'
import type { Queryable } from '../persistence/db.js'
import { findCase, loadCaseForUpdate } from '../persistence/repositories/case-repository.js'
import type { Actor } from './actor.js'
import { requireCaseVisible, requireController, seesAllCases } from './authorise.js'

/**
 * The controller boundary (issue 11, DESIGN §8). One deployment serves several controllers (an OPCC and its force);
 * each controller's cases, and everything hanging off them, are its own. Every use case that reads or changes a case
 * loads it here, so the check of the actor's controllers lives in one place (lint forbids loading a case elsewhere in
 * the application layer), and every command that names another case or a person is checked here before it is decided.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The controllers the actor works for, for scoping queries; null means every controller (the system itself). */
export function controllerScope(actor: Actor): string[] | null {
  return actor.controllerIds === null ? null : [...actor.controllerIds]
}

/** Whether the actor works for this controller. */
export function inScope(actor: Actor, controllerId: string): boolean {
  return actor.controllerIds === null || actor.controllerIds.includes(controllerId)
}

/**
 * A case the actor's controllers own, by id or reference (locked for update when asked). A case of another controller
 * is reported exactly as a case that does not exist, so its existence is not disclosed either.
 */
export async function caseInScope(
  db: Queryable,
  actor: Actor,
  idOrReference: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseState> {
  const state = options.forUpdate
    ? UUID.test(idOrReference)
      ? await loadCaseForUpdate(db, idOrReference)
      : null
    : await findCase(db, idOrReference)
  if (!state) throw new DomainError('not-found', `case ${idOrReference} not found`)
  requireController(actor, state.controllerId)
  return state
}

/**
 * A case the actor may read: their controller's, and for a copy recipient (case:view without case:view-all) only one
 * they were copied on or assigned; any other is reported as not found.
 */
export async function viewableCase(db: Queryable, actor: Actor, idOrReference: string): Promise<CaseState> {
  const state = await caseInScope(db, actor, idOrReference)
  if (!seesAllCases(actor)) {
    const copied = await db.query('SELECT 1 FROM case_copies WHERE case_id = $1 AND user_id = $2', [state.id, actor.id])
    requireCaseVisible(actor, state.id, { assigned: state.assigneeId === actor.id, copied: copied.rowCount !== 0 })
  }
  return state
}

/** A case another one names (the case an appeal concerns), when it is the same controller's; otherwise none. */
export async function relatedCaseOf(db: Queryable, state: CaseState, otherCaseId: string): Promise<CaseState | null> {
  const other = UUID.test(otherCaseId) ? await findCase(db, otherCaseId) : null
  return other && other.controllerId === state.controllerId ? other : null
}

function refuse(field: string, message: string, why: string): never {
  throw new DomainError('validation', why, { fields: { [field]: message }, userMessage: message })
}

/**
 * Another case a command names (a link, the case an appeal or complaint concerns) must belong to the same
 * controller: one controller's file may not point into another's (UK GDPR Art 5(1)(f), Art 24). A case the actor cannot
 * see is treated as one that does not exist.
 */
export async function requireSameControllerCase(
  db: Queryable,
  actor: Actor,
  controllerId: string,
  otherCaseId: string,
  field: string,
): Promise<CaseState> {
  const other = UUID.test(otherCaseId) ? await findCase(db, otherCaseId) : null
  if (!other || other.controllerId !== controllerId || !inScope(actor, other.controllerId)) {
    refuse(field, 'Choose a case of the same organisation', `no case ${otherCaseId} of ${controllerId}`)
  }
  return other
}

export interface Colleague {
  id: string
  name: string
  roles: Role[]
  team: string | null
}

/**
 * Staff of one controller (optionally holding one of the permissions): who may be named on its cases. Active ones
 * only, unless a past fact is being recorded (who saw identity documents may have left since).
 */
export async function colleaguesOf(
  db: Queryable,
  controllerId: string,
  permissions: readonly Permission[] = [],
  options: { includeDisabled?: boolean } = {},
): Promise<Colleague[]> {
  const r = await db.query<{ id: string; name: string; roles: Role[]; team: string | null }>(
    `SELECT id, name, roles, team FROM users WHERE ($2 OR NOT disabled) AND $1 = ANY(controller_ids) ORDER BY name`,
    [controllerId, options.includeDisabled ?? false],
  )
  return r.rows.filter((u) => permissions.length === 0 || permissions.some((p) => can(u.roles, p)))
}

/** A person a command names (an assignee, the officer who saw identity documents) must be real staff of the case's controller. */
export async function requireColleague(
  db: Queryable,
  controllerId: string,
  userId: string,
  field: string,
  permissions: readonly Permission[] = [],
  options: { includeDisabled?: boolean } = {},
): Promise<Colleague> {
  const found = UUID.test(userId)
    ? (await colleaguesOf(db, controllerId, permissions, options)).find((u) => u.id === userId)
    : null
  if (!found) refuse(field, 'Choose someone who works on this organisation’s cases', `no colleague ${userId}`)
  return found
}

/** Who may be given a case to work on: staff of its controller who do or approve casework. */
export const ASSIGNABLE: readonly Permission[] = ['case:work', 'case:approve']

/** Who may be asked to send an outcome: staff of the controller who send responses. */
export const SENDERS: readonly Permission[] = ['case:send-response']

/**
 * Checks what a command says about anything beyond the case itself, before it is decided (application/apply-command):
 * the controller of a new case is one the actor works for, and cases and people it names belong to that controller.
 */
export async function checkCommandBoundary(
  db: Queryable,
  actor: Actor,
  state: CaseState | null,
  command: Command,
): Promise<void> {
  const controllerId = state?.controllerId ?? (command.type === 'LogRequest' ? command.controllerId : '')
  requireController(actor, controllerId)
  switch (command.type) {
    case 'LogRequest':
      if (command.parentCaseId)
        await requireSameControllerCase(db, actor, controllerId, command.parentCaseId, 'parentCaseId')
      return
    case 'LinkCase':
      await requireSameControllerCase(db, actor, controllerId, command.otherCaseId, 'otherCaseId')
      return
    case 'Assign':
      // Taking a case oneself (issue 14: doing casework assigns it to the doer) needs only the actor's own roles.
      if (command.assigneeId === actor.id && ASSIGNABLE.some((p) => can(actor.roles, p))) return
      await requireColleague(db, controllerId, command.assigneeId, 'assigneeId', ASSIGNABLE)
      return
    case 'DecideReview':
      // Whoever is to send the outcome must be able to send responses for this controller (issue 14).
      if (command.senderId) await requireColleague(db, controllerId, command.senderId, 'senderId', SENDERS)
      return
    case 'RecordIdentityVerified':
      // Whoever saw the documents is named on the record: the officer recording it, or a colleague of this controller.
      if (command.verifierId === actor.id) return
      await requireColleague(db, controllerId, command.verifierId, 'verifierId', [], { includeDisabled: true })
      return
    default:
      return
  }
}
