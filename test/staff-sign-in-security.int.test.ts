import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as OTPAuth from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { createUser } from '../src/application/create-user.js'
import { DEMO_PASSWORD, demoEmail } from '../src/cli/demo/demo-controllers.js'
import { ROLES, type Role } from '../src/domain/index.js'
import { buildApp } from '../src/web/app.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

/**
 * Issue 11, staff sign-in as the NCSC and OWASP ASVS L2 expect: a second factor by default for the roles that see
 * most, guessing throttled per address and per account in the database (so a restart or a second process does not
 * reset it), one answer for unknown, paused and real accounts, and no common or breached passwords.
 */
let h: Harness
const NOW = '2026-03-02T10:00:00.000Z'
beforeAll(async () => {
  h = await startHarness()
  // A clock that stands still: the pauses below are measured in the app's time, not the test machine's.
  h.setNow(NOW)
})
afterAll(async () => {
  await h?.close()
})

let ipCounter = 0
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`

async function newUser(roles: Role[], password = 'correct horse battery') {
  const email = `u-${randomBytes(4).toString('hex')}@test.example`
  const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: 'Test Person',
    roles,
    controllerIds: ['northshire-opcc'],
    password,
  })
  return { id, email, password }
}

/** The page without what legitimately differs between two visitors: the CSRF token and the address typed back. */
const normalised = (res: LightMyRequestResponse, email: string) =>
  res.body.replace(/name="_csrf" value="[^"]+"/g, '').replaceAll(email, 'EMAIL')

describe('a second factor by default', () => {
  it('makes admins, DP managers, reviewers and Chief Executives set up an authenticator app, and nobody else', async () => {
    const setUp: string[] = []
    for (const role of ROLES) {
      const u = await newUser([role])
      const res = await new StaffClient(h.app, { ip: freshIp() }).signIn(u.email, u.password)
      if (res.headers.location === '/staff/sign-in/set-up') setUp.push(role)
    }
    expect(setUp.sort()).toEqual(['admin', 'chief-executive', 'dp-manager', 'reviewer'])
  })

  it('shows a QR code and the key to set up, then ten recovery codes: each signs in once instead of a code', async () => {
    const u = await newUser(['dp-manager'])
    const c = new StaffClient(h.app, { ip: freshIp() })
    await c.signIn(u.email, u.password)
    const page = c.$(await c.get('/staff/sign-in/set-up'))
    expect(page('#totp-qr').attr('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(page('#totp-qr').attr('alt')).toContain('QR code')
    const secret = page('#totp-secret').text().replace(/\s+/g, '')
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
      timestamp: Date.parse(NOW),
    })
    const done = await c.post('/staff/sign-in/set-up', { code })
    const recovery = c
      .$(done)('#recovery-codes li')
      .map((_i, el) => c.$(done)(el).text().trim())
      .get()
    expect(recovery).toHaveLength(10)
    const stored = await h.db.pool.query<{ totp_recovery_codes: string[] }>(
      'SELECT totp_recovery_codes FROM users WHERE id = $1',
      [u.id],
    )
    expect(stored.rows[0]!.totp_recovery_codes).toHaveLength(10)
    expect(stored.rows[0]!.totp_recovery_codes.every((hash) => hash.startsWith('$argon2id$'))).toBe(true)

    const lostPhone = async () => {
      const again = new StaffClient(h.app, { ip: freshIp() })
      await again.signIn(u.email, u.password)
      await again.get('/staff/sign-in/code')
      return again.post('/staff/sign-in/code', { code: recovery[0]! })
    }
    expect((await lostPhone()).statusCode).toBe(303)
    expect((await lostPhone()).statusCode).toBe(400)
  })
})

describe('throttling guesses', () => {
  it('answers a password spray from one address with 429 and Retry-After by the 55th guess, right password included', async () => {
    const ip = freshIp()
    const real = await newUser(['staff'])
    const statuses: number[] = []
    let last: LightMyRequestResponse | undefined
    for (let i = 0; i < 55; i++) {
      last = await new StaffClient(h.app, { ip }).signIn(`sprayed-${i}@test.example`, 'Summer2026!!')
      statuses.push(last.statusCode)
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true)
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true)
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0)
    expect(last!.body).toContain('Too many attempts to sign in')
    // While the address is paused, nothing is checked: not even the right password gets in from it.
    expect((await new StaffClient(h.app, { ip }).signIn(real.email, real.password)).statusCode).toBe(429)
    expect((await new StaffClient(h.app, { ip: freshIp() }).signIn(real.email, real.password)).statusCode).toBe(303)
  })

  it('keeps counting across a restart: a new app on the same database still refuses the address', async () => {
    const ip = freshIp()
    for (let i = 0; i < 20; i++) await new StaffClient(h.app, { ip }).signIn(`restart-${i}@test.example`, 'nope nope')
    const restarted: FastifyInstance = await buildApp({
      deps: h.deps,
      logger: false,
      cookieSecret: randomBytes(32),
      secureCookies: false,
      serviceName: 'Rightsdesk',
      trustProxy: true,
    })
    try {
      const res = await new StaffClient(restarted, { ip }).signIn('restart-20@test.example', 'nope nope')
      expect(res.statusCode).toBe(429)
      expect(res.headers['retry-after']).toBeDefined()
    } finally {
      await restarted.close()
    }
  })

  it('answers an unknown address, a disabled account and a real one alike, before and during the pause', async () => {
    const real = await newUser(['staff'])
    const disabled = await newUser(['staff'])
    await h.db.pool.query('UPDATE users SET disabled = true WHERE id = $1', [disabled.id])
    const unknown = `nobody-${randomBytes(3).toString('hex')}@test.example`
    const attempts = async (email: string, password: string) => {
      const c = new StaffClient(h.app, { ip: freshIp() })
      const seen: string[] = []
      for (let i = 0; i < 6; i++) {
        const res = await c.signIn(email, i === 5 ? password : `wrong-${i}`)
        seen.push(`${res.statusCode} ${String(res.headers['retry-after'] ?? '')} ${normalised(res, email)}`)
      }
      return seen
    }
    const forReal = await attempts(real.email, real.password)
    expect(forReal[0]).toMatch(/^400 /)
    expect(forReal[5]).toMatch(/^429 30 /)
    expect(await attempts(unknown, 'whatever-password')).toEqual(forReal)
    expect(await attempts(disabled.email, disabled.password)).toEqual(forReal)
  })

  it('throttles guesses at the authenticator code on the same account count as passwords', async () => {
    const c = new StaffClient(h.app, { ip: freshIp() })
    await c.signIn(demoEmail('reviewer'), DEMO_PASSWORD)
    await c.get('/staff/sign-in/code')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await c.post('/staff/sign-in/code', { code: '000000' })).statusCode)
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429])
    await h.db.pool.query(`DELETE FROM sign_in_throttle WHERE scope = 'account'`)
  })
})

describe('passwords', () => {
  it('refuses a common or breached password, even a long one, with a GOV.UK error message', async () => {
    const u = await newUser(['staff'])
    const c = new StaffClient(h.app, { ip: freshIp() })
    await c.signIn(u.email, u.password)
    for (const weak of ['qwertyuiop123', 'iloveyou1234!', 'Password12345']) {
      await c.get('/staff/account/password')
      const res = await c.post('/staff/account/password', { current: u.password, next: weak, confirm: weak })
      expect(res.statusCode).toBe(400)
      expect(c.$(res)('.govuk-error-summary').text()).toContain('This password is too common and easy to guess')
    }
    const ok = await c.post('/staff/account/password', {
      current: u.password,
      next: 'lantern orchard pebble',
      confirm: 'lantern orchard pebble',
    })
    expect(ok.statusCode).toBe(303)
  })

  it('names the session cookie __Host-rd_session, Secure, when served over HTTPS', async () => {
    const https = await buildApp({
      deps: h.deps,
      logger: false,
      cookieSecret: randomBytes(32),
      secureCookies: true,
      serviceName: 'Rightsdesk',
      trustProxy: true,
    })
    try {
      const u = await newUser(['staff'])
      const c = new StaffClient(https, { ip: freshIp() })
      const res = await c.signIn(u.email, u.password)
      const cookie = res.cookies.find((k) => k.name === '__Host-rd_session')
      expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true })
      expect(res.cookies.some((k) => k.name === 'rd_session')).toBe(false)
    } finally {
      await https.close()
    }
  })
})
