import * as OTPAuth from 'otpauth'
import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { completeSignIn, isLocked, recordFailure, type SignInResult } from './sign-in.js'

const PERIOD_SECONDS = 30

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Rightsdesk',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  })
}

/** The time step a code belongs to, or null if it is wrong (one step either side allowed for clock drift). */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpFor(secretBase32, 'check').validate({ token, timestamp: now.getTime(), window: 1 })
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta
}

/** The otpauth:// address for a secret, for authenticator apps that accept a pasted link. */
export function twoFactorUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString()
}

/** A new secret and the otpauth:// address an authenticator app can import (typed in or pasted). */
export function newTwoFactorSecret(email: string): { secret: string; uri: string } {
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  return { secret, uri: totpFor(secret, email).toString() }
}

/** The second step of sign-in: the 6-digit code from the person's authenticator app, never accepted twice. */
export async function verifySignInCode(deps: AppDeps, userId: string, code: string): Promise<SignInResult> {
  const user = await findUserById(deps.pool, userId)
  if (!user || user.disabled || !user.totpSecret) return { status: 'refused', reason: 'bad-credentials' }
  const now = deps.clock.now()
  if (isLocked(user, now)) return { status: 'refused', reason: 'locked' }
  const step = matchingStep(user.totpSecret, code, now)
  return withTransaction(deps.pool, async (tx) => {
    // Compare-and-set on the last step used: a code (or an older one) cannot be replayed, even concurrently.
    const fresh =
      step !== null &&
      (
        await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND coalesce(totp_last_step, -1) < $2', [
          userId,
          step,
        ])
      ).rowCount === 1
    if (!fresh) return null
    await completeSignIn(tx, deps, userId, { secondFactor: true })
    return { status: 'signed-in' as const, userId }
  }).then((result) => result ?? recordFailure(deps, user, 'wrong-code'))
}

/** Turns on the second factor once the person proves their app produces the right codes. */
export async function confirmTwoFactor(
  deps: AppDeps,
  userId: string,
  input: { secret: string; code: string },
): Promise<void> {
  const now = deps.clock.now()
  const step = matchingStep(input.secret, input.code, now)
  if (step === null) {
    throw new DomainError('validation', 'wrong set-up code', {
      fields: { code: 'The code is not right. Check the time on your phone and enter the newest code' },
    })
  }
  await withTransaction(deps.pool, async (tx) => {
    await tx.query('UPDATE users SET totp_secret = $2, totp_last_step = $3 WHERE id = $1', [userId, input.secret, step])
    await recordAudit(tx, deps, `user:${userId}`, {
      command: 'SetUpTwoFactor',
      eventType: 'TwoFactorEnabled',
      payload: { userId },
    })
  })
}
