import { hash, verify } from '@node-rs/argon2'
import type { Role } from '../../domain/index.js'
import { withTransaction, type Queryable } from '../../persistence/db.js'
import { findUserByEmail, type UserRecord } from '../../persistence/repositories/user-repository.js'
import { recordAudit } from '../casework/audit.js'
import { readSettings } from '../casework/settings.js'
import type { AppDeps } from '../deps.js'

/** Lock an account after this many wrong passwords or codes in a row, for LOCK_MINUTES (NCSC: throttle guessing). */
export const MAX_FAILURES = 5
export const LOCK_MINUTES = 15

export type SignInResult =
  | { status: 'signed-in'; userId: string }
  | { status: 'code-needed'; userId: string }
  | { status: 'code-setup-needed'; userId: string }
  | { status: 'refused'; reason: 'bad-credentials' | 'locked' }

let dummyHash: Promise<string> | null = null
/** Verifying against a throwaway hash for unknown emails makes both answers take as long (no account probing). */
const throwawayHash = () => (dummyHash ??= hash('rightsdesk-no-such-account'))

/** Checks an email and password (argon2id); the second factor, if any, comes next (verify-sign-in-code.ts). */
export async function signIn(deps: AppDeps, input: { email: string; password: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const user = email ? await findUserByEmail(deps.pool, email) : null
  if (!user || user.disabled || !user.passwordHash) {
    await verify(await throwawayHash(), input.password || 'x').catch(() => false)
    await recordAudit(deps.pool, deps, 'anonymous', {
      command: 'SignIn',
      eventType: 'SignInFailed',
      payload: { email: email.slice(0, 200), reason: user?.disabled ? 'disabled' : 'unknown-account' },
    })
    return { status: 'refused', reason: 'bad-credentials' }
  }
  if (isLocked(user, deps.clock.now())) return refuseLocked(deps, user)
  const good = await verify(user.passwordHash, input.password).catch(() => false)
  if (!good) return recordFailure(deps, user, 'wrong-password')
  return withTransaction(deps.pool, async (tx) => {
    await tx.query('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [user.id])
    if (user.totpSecret) return { status: 'code-needed' as const, userId: user.id }
    const required = (await readSettings(tx)).totpRequiredRoles
    if (user.roles.some((r) => required.includes(r as Role)))
      return { status: 'code-setup-needed' as const, userId: user.id }
    await completeSignIn(tx, deps, user.id, { secondFactor: false })
    return { status: 'signed-in' as const, userId: user.id }
  })
}

export function isLocked(user: Pick<UserRecord, 'lockedUntil'>, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime()
}

async function refuseLocked(deps: AppDeps, user: UserRecord): Promise<SignInResult> {
  await recordAudit(deps.pool, deps, `user:${user.id}`, {
    command: 'SignIn',
    eventType: 'SignInRefusedLocked',
    payload: { userId: user.id, lockedUntil: user.lockedUntil?.toISOString() },
  })
  return { status: 'refused', reason: 'locked' }
}

/** Counts a wrong password or code; the fifth in a row locks the account for 15 minutes. */
export async function recordFailure(deps: AppDeps, user: UserRecord, reason: string): Promise<SignInResult> {
  return withTransaction(deps.pool, async (tx) => {
    const r = await tx.query<{ failed_sign_ins: number }>(
      'UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins',
      [user.id],
    )
    const failures = r.rows[0]?.failed_sign_ins ?? 1
    const actor = `user:${user.id}`
    await recordAudit(tx, deps, actor, {
      command: 'SignIn',
      eventType: 'SignInFailed',
      payload: { userId: user.id, reason, failures },
    })
    if (failures < MAX_FAILURES) return { status: 'refused' as const, reason: 'bad-credentials' as const }
    const until = new Date(deps.clock.now().getTime() + LOCK_MINUTES * 60_000)
    await tx.query('UPDATE users SET failed_sign_ins = 0, locked_until = $2 WHERE id = $1', [user.id, until])
    await recordAudit(tx, deps, actor, {
      command: 'SignIn',
      eventType: 'AccountLocked',
      payload: { userId: user.id, lockedUntil: until.toISOString(), failures },
    })
    return { status: 'refused' as const, reason: 'locked' as const }
  })
}

export async function completeSignIn(
  db: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  userId: string,
  detail: { secondFactor: boolean },
): Promise<void> {
  await db.query('UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = $2 WHERE id = $1', [
    userId,
    deps.clock.now(),
  ])
  await recordAudit(db, deps, `user:${userId}`, {
    command: 'SignIn',
    eventType: 'SignedIn',
    payload: { userId, ...detail },
  })
}

export async function recordSignOut(deps: AppDeps, userId: string): Promise<void> {
  await recordAudit(deps.pool, deps, `user:${userId}`, {
    command: 'SignOut',
    eventType: 'SignedOut',
    payload: { userId },
  })
}
