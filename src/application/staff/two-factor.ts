import { DomainError } from '../../domain/index.js'
import { withTransaction } from '../../persistence/db.js'
import { findUserById } from '../../persistence/repositories/user-repository.js'
import { recordAudit } from '../casework/audit.js'
import type { AppDeps } from '../deps.js'
import { isRecoveryCodeShaped, newRecoveryCodes, useRecoveryCode } from './recovery-codes.js'
import { completeSignIn, type SignInResult } from './sign-in.js'
import { throttled } from './throttle.js'
import { matchingStep } from './totp.js'

/**
 * The second step of sign-in: the 6-digit code from the person's authenticator app (never accepted twice), or one
 * of their recovery codes (each works once). Guesses count against the same throttle as passwords.
 */
export async function verifySignInCode(
  deps: AppDeps,
  userId: string,
  input: { code: string; ip: string },
): Promise<SignInResult> {
  const user = await findUserById(deps.pool, userId)
  if (!user || user.disabled || !user.totpSecret) return { status: 'refused' }
  const secret = user.totpSecret
  const outcome = await throttled(deps, { ip: input.ip, email: user.email }, async (tx) => {
    const now = deps.clock.now()
    let recoveryCode = false
    const step = matchingStep(secret, input.code, now)
    // Compare-and-set on the last step used: a code (or an older one) cannot be replayed, even concurrently.
    let good =
      step !== null &&
      (
        await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND coalesce(totp_last_step, -1) < $2', [
          userId,
          step,
        ])
      ).rowCount === 1
    if (!good && step === null && isRecoveryCodeShaped(input.code)) {
      good = recoveryCode = await useRecoveryCode(tx, userId, input.code)
    }
    if (!good) {
      await recordAudit(tx, deps, `user:${userId}`, {
        command: 'SignIn',
        eventType: 'SignInFailed',
        payload: { userId, reason: 'wrong-code' },
      })
      return { failed: true, userId, value: { status: 'refused' } as SignInResult }
    }
    await completeSignIn(tx, deps, userId, { secondFactor: true, ...(recoveryCode ? { recoveryCode } : {}) })
    return { succeeded: true, value: { status: 'signed-in', userId } as SignInResult }
  })
  return outcome.throttled ? { status: 'throttled', retryAfterSeconds: outcome.retryAfterSeconds } : outcome.value
}

/**
 * Turns on the second factor once the person proves their app produces the right codes, and gives them ten recovery
 * codes (shown once; kept only as argon2id hashes) for the day the phone is lost.
 */
export async function confirmTwoFactor(
  deps: AppDeps,
  userId: string,
  input: { secret: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock.now()
  const step = /^[A-Z2-7]{32}$/.test(input.secret) ? matchingStep(input.secret, input.code, now) : null
  if (step === null) {
    throw new DomainError('validation', 'wrong set-up code', {
      fields: { code: 'The code is not right. Check the time on your phone and enter the newest code' },
    })
  }
  const codes = await newRecoveryCodes()
  await withTransaction(deps.pool, async (tx) => {
    await tx.query('UPDATE users SET totp_secret = $2, totp_last_step = $3, totp_recovery_codes = $4 WHERE id = $1', [
      userId,
      input.secret,
      step,
      codes.hashes,
    ])
    await recordAudit(tx, deps, `user:${userId}`, {
      command: 'SetUpTwoFactor',
      eventType: 'TwoFactorEnabled',
      payload: { userId, recoveryCodes: codes.plain.length },
    })
  })
  return { recoveryCodes: codes.plain }
}
