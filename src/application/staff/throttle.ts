import { createHash } from 'node:crypto'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'

/**
 * Throttling of sign-in guesses (NCSC password guidance: "throttle, don't lock out"; OWASP ASVS 4.0 2.2.1), kept in
 * PostgreSQL so it survives a restart and holds across several web processes. Failures are counted per client
 * address and per address typed (whether or not an account has it, so the answer never tells which are real).
 * The first `free` failures cost nothing; each one after that blocks the key for twice as long as the last, from
 * `firstBlockSeconds` up to `maxBlockSeconds`. While a key is blocked nothing is checked at all, and every address
 * gets the same 429 answer.
 */
export const THROTTLE_RULES = {
  /** One account (one address typed): a person mistyping a few times is never slowed. */
  account: { free: 5, firstBlockSeconds: 30, maxBlockSeconds: 3_600, forgetAfterSeconds: 24 * 3_600 },
  /**
   * One client address: a password spray (one guess at each of many accounts) stops after 20 misses. An office
   * behind one address forgets its typos after an hour without one.
   */
  ip: { free: 20, firstBlockSeconds: 30, maxBlockSeconds: 3_600, forgetAfterSeconds: 3_600 },
} as const

export type ThrottleScope = keyof typeof THROTTLE_RULES

/** Who is guessing: the client address and the address typed (normalised). */
export interface Guesser {
  ip: string
  email: string
}

export type Throttled<T> = { throttled: true; retryAfterSeconds: number } | { throttled: false; value: T }

/**
 * What an attempt found: `failed` counts against both keys; `succeeded` clears the account's count (a completed
 * sign-in); neither (a right password still waiting for its second factor) leaves the counts as they are, so a
 * known password cannot be used to reset the count of guesses at the code.
 */
export interface AttemptOutcome<T> {
  value: T
  failed?: boolean
  succeeded?: boolean
  /** The account, if one has this address: named in the audit record when it is blocked. */
  userId?: string
}

const keyHash = (scope: ThrottleScope, value: string) =>
  createHash('sha256').update(`rightsdesk-sign-in:${scope}:${value.trim().toLowerCase()}`).digest('hex')

/**
 * Runs one sign-in attempt under the throttle. The keys' rows are locked for the attempt (client address first, then
 * account, always in that order), so guesses sent at once from many processes are counted one by one and a burst
 * cannot slip past the limit.
 */
export async function throttled<T>(
  deps: Pick<AppDeps, 'pool' | 'clock'>,
  who: Guesser,
  attempt: (tx: Tx) => Promise<AttemptOutcome<T>>,
): Promise<Throttled<T>> {
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock.now()
    const keys = [
      { scope: 'ip' as const, hash: keyHash('ip', who.ip || 'unknown') },
      { scope: 'account' as const, hash: keyHash('account', who.email) },
    ]
    let blockedUntil = 0
    for (const key of keys) {
      await tx.query(
        `INSERT INTO sign_in_throttle (scope, key_hash, failures, last_failure_at) VALUES ($1, $2, 0, $3)
         ON CONFLICT (scope, key_hash) DO NOTHING`,
        [key.scope, key.hash, now],
      )
      const r = await tx.query<{ blocked_until: Date | null }>(
        'SELECT blocked_until FROM sign_in_throttle WHERE scope = $1 AND key_hash = $2 FOR UPDATE',
        [key.scope, key.hash],
      )
      blockedUntil = Math.max(blockedUntil, r.rows[0]?.blocked_until?.getTime() ?? 0)
    }
    if (blockedUntil > now.getTime()) {
      return { throttled: true as const, retryAfterSeconds: Math.ceil((blockedUntil - now.getTime()) / 1000) }
    }
    const outcome = await attempt(tx)
    if (outcome.failed) {
      for (const key of keys) await countFailure(tx, deps, key, now, outcome.userId)
    } else if (outcome.succeeded) {
      await tx.query(`DELETE FROM sign_in_throttle WHERE scope = 'account' AND key_hash = $1`, [keys[1]!.hash])
    }
    return { throttled: false as const, value: outcome.value }
  })
}

async function countFailure(
  tx: Tx,
  deps: Pick<AppDeps, 'clock'>,
  key: { scope: ThrottleScope; hash: string },
  now: Date,
  userId: string | undefined,
) {
  const rule = THROTTLE_RULES[key.scope]
  const r = await tx.query<{ failures: number }>(
    `UPDATE sign_in_throttle
       SET failures = CASE WHEN last_failure_at < $3::timestamptz - make_interval(secs => $4) OR failures = 0
                           THEN 1 ELSE failures + 1 END,
           last_failure_at = $3
     WHERE scope = $1 AND key_hash = $2 RETURNING failures`,
    [key.scope, key.hash, now, rule.forgetAfterSeconds],
  )
  const failures = r.rows[0]?.failures ?? 1
  if (failures < rule.free) return
  const seconds = Math.min(rule.firstBlockSeconds * 2 ** (failures - rule.free), rule.maxBlockSeconds)
  const until = new Date(now.getTime() + seconds * 1000)
  await tx.query('UPDATE sign_in_throttle SET blocked_until = $3 WHERE scope = $1 AND key_hash = $2', [
    key.scope,
    key.hash,
    until,
  ])
  await recordAudit(tx, deps, userId ? `user:${userId}` : 'anonymous', {
    command: 'SignIn',
    eventType: 'SignInThrottled',
    payload: { scope: key.scope, failures, until: until.toISOString(), ...(userId ? { userId } : {}) },
  })
}

/** Until when sign-in to this address is paused, if it is (shown to administrators; `unblockAccount` ends it). */
export async function accountBlockedUntil(db: Queryable, email: string, now: Date): Promise<Date | null> {
  const r = await db.query<{ blocked_until: Date | null }>(
    `SELECT blocked_until FROM sign_in_throttle WHERE scope = 'account' AND key_hash = $1 AND blocked_until > $2`,
    [keyHash('account', email), now],
  )
  return r.rows[0]?.blocked_until ?? null
}

export async function unblockAccount(db: Queryable, email: string): Promise<boolean> {
  const r = await db.query(`DELETE FROM sign_in_throttle WHERE scope = 'account' AND key_hash = $1`, [
    keyHash('account', email),
  ])
  return (r.rowCount ?? 0) > 0
}

/** Rows with nothing to remember any more; run from the worker with expired sessions. */
export async function purgeSignInThrottle(db: Queryable, now: Date): Promise<number> {
  const r = await db.query(
    `DELETE FROM sign_in_throttle WHERE (blocked_until IS NULL OR blocked_until < $1)
       AND last_failure_at < $1::timestamptz - make_interval(secs => $2)`,
    [now, THROTTLE_RULES.account.forgetAfterSeconds],
  )
  return r.rowCount ?? 0
}
