import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import type pg from 'pg'

/** What a session may hold. Staff sign-in and the public's journeys live in separate sessions (kinds). */
export type SessionKind = 'staff' | 'public'

export interface Session {
  readonly kind: SessionKind | null
  readonly userId: string | null
  /** The data; call `set` to change it so the change is saved with the response. */
  readonly data: Readonly<Record<string, unknown>>
  get<T>(key: string): T | undefined
  set(key: string, value: unknown): void
  unset(key: string): void
  /**
   * Starts a fresh session (new token, old one deleted) — on sign-in, so a token planted before
   * sign-in (session fixation) is worthless afterwards.
   */
  regenerate(kind: SessionKind, userId: string | null): Promise<void>
  destroy(reply: FastifyReply): Promise<void>
}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session
  }
}

export interface SessionOptions {
  pool: pg.Pool
  secure: boolean
  now: () => Date
  /** Minutes of inactivity after which a session ends, per kind. */
  idleMinutes: Record<SessionKind, number>
  /** Hours after sign-in after which a session ends whatever happens. */
  absoluteHours: number
}

/**
 * The session cookie. Over HTTPS the `__Host-` prefix makes the browser refuse it unless it is Secure, has path=/ and
 * no Domain, so a sibling subdomain cannot plant or overwrite a session (OWASP ASVS 4.0 3.4.4).
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-rd_session' : 'rd_session'
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

interface Row {
  id_hash: string
  kind: SessionKind
  user_id: string | null
  data: Record<string, unknown>
  created_at: Date
  last_seen_at: Date
}

async function sessionsPlugin(app: FastifyInstance, opts: SessionOptions) {
  app.decorateRequest('session', null as unknown as Session)
  const name = sessionCookieName(opts.secure)
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[name]
    const row = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await load(opts, hashToken(token)) : null
    request.session = createSession(opts, name, row)
  })
  app.addHook('onSend', async (request, reply, payload) => {
    await (request.session as SessionImpl | null)?.persist(reply)
    return payload
  })
}

async function load(opts: SessionOptions, idHash: string): Promise<Row | null> {
  const r = await opts.pool.query<Row>(
    'SELECT id_hash, kind, user_id, data, created_at, last_seen_at FROM web_sessions WHERE id_hash = $1 AND expires_at > $2',
    [idHash, opts.now()],
  )
  const row = r.rows[0]
  if (!row) return null
  const absoluteEnd = row.created_at.getTime() + opts.absoluteHours * 3_600_000
  return absoluteEnd > opts.now().getTime() ? row : null
}

interface SessionImpl extends Session {
  persist(reply: FastifyReply): Promise<void>
}

function createSession(opts: SessionOptions, cookieName: string, row: Row | null): SessionImpl {
  let current = row
  let data: Record<string, unknown> = { ...(row?.data ?? {}) }
  let dirty = false
  let newToken: string | null = null
  let destroyed = false
  const expiry = (kind: SessionKind) => new Date(opts.now().getTime() + opts.idleMinutes[kind] * 60_000)
  const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secure }
  return {
    get kind() {
      return current?.kind ?? null
    },
    get userId() {
      return current?.user_id ?? null
    },
    get data() {
      return data
    },
    get: <T>(key: string) => data[key] as T | undefined,
    set(key, value) {
      data = { ...data, [key]: value }
      dirty = true
    },
    unset(key) {
      const { [key]: _gone, ...rest } = data
      data = rest
      dirty = true
    },
    async regenerate(kind, userId) {
      if (current) await opts.pool.query('DELETE FROM web_sessions WHERE id_hash = $1', [current.id_hash])
      newToken = randomBytes(32).toString('base64url')
      const now = opts.now()
      current = { id_hash: hashToken(newToken), kind, user_id: userId, data, created_at: now, last_seen_at: now }
      await opts.pool.query(
        'INSERT INTO web_sessions (id_hash, kind, user_id, data, created_at, last_seen_at, expires_at) VALUES ($1,$2,$3,$4,$5,$5,$6)',
        [current.id_hash, kind, userId, JSON.stringify(data), now, expiry(kind)],
      )
      dirty = false
    },
    async destroy(reply) {
      if (current) await opts.pool.query('DELETE FROM web_sessions WHERE id_hash = $1', [current.id_hash])
      current = null
      data = {}
      destroyed = true
      reply.clearCookie(cookieName, cookie)
    },
    async persist(reply) {
      if (destroyed) return
      if (!current && dirty) await this.regenerate('public', null)
      if (!current) return
      if (newToken) reply.setCookie(cookieName, newToken, cookie)
      const now = opts.now()
      // Refresh the idle timer at most once a minute, unless the data changed.
      if (dirty || now.getTime() - current.last_seen_at.getTime() > 60_000) {
        await opts.pool.query(
          'UPDATE web_sessions SET data = $2, last_seen_at = $3, expires_at = $4 WHERE id_hash = $1',
          [current.id_hash, JSON.stringify(data), now, expiry(current.kind)],
        )
      }
    },
  }
}

export const registerSessions = fp(sessionsPlugin, { name: 'rightsdesk-sessions', dependencies: ['@fastify/cookie'] })

/** Deletes expired sessions; run from the worker. */
export async function purgeExpiredSessions(pool: pg.Pool, now: Date): Promise<number> {
  const r = await pool.query('DELETE FROM web_sessions WHERE expires_at <= $1', [now])
  return r.rowCount ?? 0
}
