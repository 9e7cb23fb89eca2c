import type { Role } from '../domain/index.js'

/** Who is acting: a signed-in member of staff or API client, the system itself (jobs), or the public portal. */
export interface Actor {
  kind: 'user' | 'system' | 'public'
  id: string
  name: string
  roles: readonly Role[]
  /** Controllers this actor may work for; null means all (system). */
  controllerIds: readonly string[] | null
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', name: 'Rightsdesk', roles: [], controllerIds: null }

export function auditActorId(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.id}` : actor.kind === 'system' ? 'system' : `public:${actor.id}`
}
