import type { Queryable } from '../../persistence/db.js'

export interface DirectoryEntry {
  id: string
  name: string
  email: string
  roles: string[]
  controllerIds: string[]
  team: string | null
  disabled: boolean
}

/**
 * Names and roles of colleagues, to show "assigned to Daniel Okafor" rather than an id and to offer people to assign
 * work to. Holds no personal data of requesters, so any signed-in member of staff may read it.
 */
export async function userDirectory(db: Queryable): Promise<DirectoryEntry[]> {
  const r = await db.query<Record<string, unknown>>(
    'SELECT id, name, email, roles, controller_ids, team, disabled FROM users ORDER BY name',
  )
  return r.rows.map((u) => ({
    id: String(u.id),
    name: String(u.name),
    email: String(u.email),
    roles: u.roles as string[],
    controllerIds: u.controller_ids as string[],
    team: (u.team as string | null) ?? null,
    disabled: u.disabled === true,
  }))
}

/** "Daniel Okafor" for `user:<id>` or a bare id; "Rightsdesk" for the system; the requester for `public:`. */
export function actorName(directory: readonly DirectoryEntry[], actorId: string): string {
  if (actorId === 'system') return 'Rightsdesk (automatic)'
  if (actorId.startsWith('public:')) return 'The requester (online)'
  const id = actorId.startsWith('user:') ? actorId.slice(5) : actorId
  return directory.find((u) => u.id === id)?.name ?? 'Unknown user'
}
