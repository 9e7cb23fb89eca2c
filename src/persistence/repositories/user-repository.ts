import type { Queryable } from '../db.js'

export interface UserRecord {
  id: string
  email: string
  name: string
  roles: string[]
  controllerIds: string[]
  passwordHash: string | null
  totpSecret: string | null
  disabled: boolean
}

function toUser(r: Record<string, unknown>): UserRecord {
  return {
    id: String(r.id),
    email: String(r.email),
    name: String(r.name),
    roles: r.roles as string[],
    controllerIds: r.controller_ids as string[],
    passwordHash: (r.password_hash as string | null) ?? null,
    totpSecret: (r.totp_secret as string | null) ?? null,
    disabled: Boolean(r.disabled),
  }
}

export async function insertUser(db: Queryable, u: Omit<UserRecord, 'disabled'>) {
  await db.query(
    `INSERT INTO users (id, email, name, roles, controller_ids, password_hash, totp_secret) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [u.id, u.email.toLowerCase(), u.name, u.roles, u.controllerIds, u.passwordHash, u.totpSecret],
  )
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRecord | null> {
  const r = await db.query('SELECT * FROM users WHERE email = $1', [email.toLowerCase()])
  return r.rows[0] ? toUser(r.rows[0]) : null
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | null> {
  const r = await db.query('SELECT * FROM users WHERE id = $1', [id])
  return r.rows[0] ? toUser(r.rows[0]) : null
}

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const r = await db.query('SELECT * FROM users ORDER BY name')
  return r.rows.map(toUser)
}

export async function insertApiToken(
  db: Queryable,
  t: { id: string; userId: string; tokenHash: string; label: string; controllerIds: readonly string[] },
) {
  await db.query('INSERT INTO api_tokens (id, user_id, token_hash, label, controller_ids) VALUES ($1,$2,$3,$4,$5)', [
    t.id,
    t.userId,
    t.tokenHash,
    t.label,
    t.controllerIds,
  ])
}

/** A live token (not revoked), marked as used now, with its scope and its user. */
export async function findApiToken(
  db: Queryable,
  tokenHash: string,
): Promise<{ tokenId: string; controllerIds: string[]; user: UserRecord } | null> {
  const r = await db.query<{ id: string; user_id: string; controller_ids: string[] }>(
    `UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL
     RETURNING id, user_id, controller_ids`,
    [tokenHash],
  )
  const row = r.rows[0]
  const user = row ? await findUserById(db, row.user_id) : null
  return row && user ? { tokenId: row.id, controllerIds: row.controller_ids, user } : null
}

export async function countUsers(db: Queryable): Promise<number> {
  const r = await db.query<{ n: string }>('SELECT count(*) AS n FROM users')
  return Number(r.rows[0]?.n ?? 0)
}
