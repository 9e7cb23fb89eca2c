import { DomainError } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import type { Actor } from '../actor.js'
import { accessRefused } from '../access-refusal.js'

/**
 * The controllers a report covers: the one asked for, or every controller the actor works for. A user scoped to
 * some controllers never gets figures for another (a controller they are not scoped to is reported as not found,
 * as for cases). Returns undefined for "every controller", which is also what a user scoped to all of them gets,
 * so their reports and packs read "all controllers", the same as the scheduled pack.
 */
export async function reportControllerIds(
  db: Queryable,
  actor: Actor,
  controllerId?: string,
): Promise<string[] | undefined> {
  if (controllerId && actor.controllerIds !== null && !actor.controllerIds.includes(controllerId)) {
    throw accessRefused('not-found', `${actor.id} is not scoped to ${controllerId}`, 'controller')
  }
  const wanted = controllerId ? [controllerId] : actor.controllerIds === null ? null : [...actor.controllerIds]
  if (wanted === null) return undefined
  const all = await db.query<{ id: string }>('SELECT id FROM controllers ORDER BY id')
  if (controllerId && !all.rows.some((c) => c.id === controllerId)) {
    throw new DomainError('not-found', `no controller ${controllerId}`)
  }
  const covered = all.rows.every((c) => wanted.includes(c.id))
  return covered && all.rows.length > 0 ? undefined : wanted.sort()
}
