import { hash, verify } from '@node-rs/argon2'
import type { Role } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { findUserByEmail } from '../../persistence/repositories/user-repository.js'
import { recordAudit } from '../casework/audit.js'
import { readSettings } from '../casework/settings.js'
import type { AppDeps } from '../deps.js'
import { throttled } from './throttle.js'

export type SignInResult =
  | { status: 'signed-in'; userId: string }
  | { status: 'code-needed'; userId: string }
  | { status: 'code-setup-needed'; userId: string }
  /** Wrong address or password, or an account that cannot sign in: one answer for all (no account probing). */
  | { status: 'refused' }
  /** Too many misses from this client or at this address: try again after this long (HTTP 429, Retry-After). */
  | { status: 'throttled'; retryAfterSeconds: number }

let dummyHash: Promise<string> | null = null
/** Verifying against a throwaway hash for unknown emails makes both answers take as long (no account probing). */
const throwawayHash = () => (dummyHash ??= hash('rightsdesk-no-such-account'))

export const normaliseStaffEmail = (email: string) => email.trim().toLowerCase()

/**
 * Checks an email and password (argon2id); the second factor, if any, comes next (two-factor.ts). Unknown, disabled
 * and password-less accounts are checked against a throwaway hash and refused with the same answer as a wrong
 * password; the throttle counts them all alike (OWASP ASVS 4.0 2.2.1, 3.2; NCSC: no lockout that reveals accounts).
 */
export async function signIn(
  deps: AppDeps,
  input: { email: string; password: string; ip: string },
): Promise<SignInResult> {
  const email = normaliseStaffEmail(input.email).slice(0, 320)
  const outcome = await throttled(deps, { ip: input.ip, email }, async (tx) => {
    const user = email ? await findUserByEmail(tx, email) : null
    const usable = user !== null && !user.disabled && user.passwordHash !== null
    const good = await verify(usable ? user.passwordHash! : await throwawayHash(), input.password || 'x').catch(
      () => false,
    )
    if (!usable || !good) {
      await recordAudit(tx, deps, user ? `user:${user.id}` : 'anonymous', {
        command: 'SignIn',
        eventType: 'SignInFailed',
        payload: user
          ? { userId: user.id, reason: user.disabled ? 'disabled' : 'wrong-password' }
          : { email: email.slice(0, 200), reason: 'unknown-account' },
      })
      return { failed: true, userId: user?.id, value: { status: 'refused' } as SignInResult }
    }
    if (user.totpSecret) return { value: { status: 'code-needed', userId: user.id } as SignInResult }
    if (await secondFactorRequired(tx, user.roles))
      return { value: { status: 'code-setup-needed', userId: user.id } as SignInResult }
    await completeSignIn(tx, deps, user.id, { secondFactor: false })
    return { succeeded: true, value: { status: 'signed-in', userId: user.id } as SignInResult }
  })
  return outcome.throttled ? { status: 'throttled', retryAfterSeconds: outcome.retryAfterSeconds } : outcome.value
}

/** Whether any of these roles must use an authenticator app (a setting; by default admin, DP manager, reviewer, CE). */
export async function secondFactorRequired(db: Queryable, roles: readonly string[]): Promise<boolean> {
  const required = (await readSettings(db)).totpRequiredRoles
  return roles.some((r) => required.includes(r as Role))
}

export async function completeSignIn(
  db: Queryable,
  deps: Pick<AppDeps, 'clock'>,
  userId: string,
  detail: { secondFactor: boolean; recoveryCode?: boolean },
): Promise<void> {
  await db.query('UPDATE users SET last_sign_in_at = $2 WHERE id = $1', [userId, deps.clock.now()])
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
