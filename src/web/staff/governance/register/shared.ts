import type { AppDeps } from '../../../../application/deps.js'
import type { Actor } from '../../../../application/actor.js'
import { DomainError, LAWFUL_BASES, type Controller, type LawfulBasis } from '../../../../domain/index.js'
import { text } from '../../../nunjucks.js'
import { listControllers } from '../../../../persistence/repositories/controller-repository.js'

/** The controllers this member of staff works for (all of them when they are not limited to some). */
export async function controllersOf(deps: AppDeps, actor: Actor): Promise<Controller[]> {
  const all = await listControllers(deps.pool)
  return all.filter((c) => actor.controllerIds === null || actor.controllerIds.includes(c.id))
}

/** One of them by id; another controller's register is reported as not found, like its cases (authorise.ts). */
export async function controllerFor(deps: AppDeps, actor: Actor, id: string): Promise<Controller> {
  const found = (await controllersOf(deps, actor)).find((c) => c.id === id)
  if (!found) throw new DomainError('not-found', `controller ${id}`)
  return found
}

/** Text from a one-per-line textarea: the lines, trimmed, without blanks. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

export const REGISTER_BASE = '/staff/governance/register'

/** Where saving returns to: the register of that controller, with what was done. */
export function registerUrl(controllerId: string, done?: string): string {
  return `${REGISTER_BASE}?controller=${encodeURIComponent(controllerId)}${done ? `&done=${done}` : ''}`
}

/** A lawful basis as staff read it: "Public task (UK GDPR Art 6(1)(e))". */
export function basisLabel(basis: LawfulBasis): string {
  return `${text(`register.bases.${basis}`)} (${LAWFUL_BASES[basis].citation})`
}
