import * as OTPAuth from 'otpauth'

/** Time-based one-time codes (RFC 6238) as authenticator apps make them: SHA-1, 6 digits, 30 seconds. */
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

/** The code an authenticator app shows for a secret at a moment (the demo's `rightsdesk demo-code`). */
export function currentCode(secretBase32: string, now: Date): { code: string; secondsLeft: number } {
  const code = totpFor(secretBase32, 'code').generate({ timestamp: now.getTime() })
  return { code, secondsLeft: PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % PERIOD_SECONDS) }
}

/** The otpauth:// address for a secret, for authenticator apps that scan a QR code or accept a pasted link. */
export function twoFactorUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString()
}

/** A new secret and the otpauth:// address an authenticator app can import (typed in or pasted). */
export function newTwoFactorSecret(email: string): { secret: string; uri: string } {
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  return { secret, uri: totpFor(secret, email).toString() }
}
