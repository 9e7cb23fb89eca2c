import { createHash, randomBytes } from 'node:crypto'
import * as OTPAuth from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { createUser } from '../src/application/create-user.js'
import { DEMO_PASSWORD, demoEmail } from '../src/cli/demo/demo-controllers.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { codeFor } from './support/second-factor.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function newUser(roles: ('staff' | 'reviewer' | 'admin')[] = ['staff']) {
  const email = `u-${randomBytes(4).toString('hex')}@test.example`
  const password = 'correct horse battery'
  const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: 'Test Person',
    roles,
    controllerIds: ['northshire-opcc'],
    password,
  })
  return { id, email, password }
}

async function auditTypes(userId: string): Promise<string[]> {
  const r = await h.db.pool.query<{ event_type: string }>(
    `SELECT event_type FROM audit_events WHERE payload->>'userId' = $1 ORDER BY seq`,
    [userId],
  )
  return r.rows.map((row) => row.event_type)
}

describe('staff sign-in', () => {
  it('sends people who are not signed in to the sign-in page, and back where they were going afterwards', async () => {
    const c = new StaffClient(h.app)
    const res = await c.get('/staff/cases?show=all')
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/staff/sign-in?returnTo=%2Fstaff%2Fcases%3Fshow%3Dall')
    await c.get(String(res.headers.location))
    const password = await c.post('/staff/sign-in', {
      email: demoEmail('dp-manager'),
      password: DEMO_PASSWORD,
      returnTo: '/staff/cases?show=all',
    })
    expect(password.headers.location).toBe('/staff/sign-in/code')
    await c.get('/staff/sign-in/code')
    const signedIn = await c.post('/staff/sign-in/code', { code: await codeFor(h.deps, demoEmail('dp-manager')) })
    expect(signedIn.headers.location).toBe('/staff/cases?show=all')
    const list = await c.get('/staff/cases?show=all')
    expect(list.statusCode).toBe(200)
    expect(c.$()('.moj-identity-bar').text()).toContain('Signed in as Daniel Okafor')
  })

  it('lands each person on the first page their role lets them use', async () => {
    const land = async (role: 'staff' | 'admin' | 'reviewer') =>
      new StaffClient(h.app).signInFully(demoEmail(role), DEMO_PASSWORD)
    expect(await land('staff')).toBe('/staff/tasks')
    expect(await land('admin')).toBe('/staff/admin')
    expect(await land('reviewer')).toBe('/staff/cases')
  })

  it('refuses a wrong password with a GOV.UK error and records it', async () => {
    const u = await newUser()
    const c = new StaffClient(h.app)
    const res = await c.signIn(u.email, 'not the password')
    expect(res.statusCode).toBe(400)
    expect(c.$()('.govuk-error-summary').text()).toContain('Enter a correct email address and password')
    expect(await auditTypes(u.id)).toContain('SignInFailed')
  })

  it('answers an unknown email exactly like a wrong password (no account probing)', async () => {
    const c = new StaffClient(h.app)
    const res = await c.signIn('nobody@test.example', 'whatever-password')
    expect(res.statusCode).toBe(400)
    expect(c.$()('.govuk-error-summary').text()).toContain('Enter a correct email address and password')
  })

  it('gives a new session id at sign-in, so a planted session is worthless (session fixation)', async () => {
    const planted = randomBytes(32).toString('base64url')
    const hash = createHash('sha256').update(planted).digest('hex')
    await h.db.pool.query(
      `INSERT INTO web_sessions (id_hash, kind, user_id, data, created_at, last_seen_at, expires_at)
       VALUES ($1, 'public', NULL, '{}', now(), now(), now() + interval '1 hour')`,
      [hash],
    )
    const c = new StaffClient(h.app)
    c.cookies.set('rd_session', planted)
    await c.signInAs('reviewer')
    expect(c.cookies.get('rd_session')).toBeDefined()
    expect(c.cookies.get('rd_session')).not.toBe(planted)
    const gone = await h.db.pool.query('SELECT 1 FROM web_sessions WHERE id_hash = $1', [hash])
    expect(gone.rowCount).toBe(0)
    const attacker = new StaffClient(h.app)
    attacker.cookies.set('rd_session', planted)
    expect((await attacker.get('/staff/cases')).statusCode).toBe(302)
    expect((await c.get('/staff/cases')).statusCode).toBe(200)
  })

  it('signs out with a POST: the session ends and the pages need signing in again', async () => {
    const c = await new StaffClient(h.app).signInAs('correspondence')
    await c.get('/staff/cases')
    const out = await c.post('/staff/sign-out', {})
    expect(out.statusCode).toBe(303)
    expect((await c.get('/staff/cases')).statusCode).toBe(302)
  })

  it('ends a staff session after 30 minutes without activity', async () => {
    const c = await new StaffClient(h.app).signInAs('correspondence')
    expect((await c.get('/staff/cases')).statusCode).toBe(200)
    h.setNow(new Date(Date.now() + 31 * 60_000).toISOString())
    try {
      expect((await c.get('/staff/cases')).statusCode).toBe(302)
    } finally {
      h.setNow(null)
    }
  })

  it('stops a disabled account at once, even mid-session', async () => {
    const u = await newUser()
    const c = new StaffClient(h.app)
    await c.signIn(u.email, u.password)
    expect((await c.get('/staff/tasks')).statusCode).toBe(200)
    await h.db.pool.query('UPDATE users SET disabled = true WHERE id = $1', [u.id])
    expect((await c.get('/staff/tasks')).statusCode).toBe(302)
  })
})

describe('second factor (TOTP)', () => {
  function codeFor(secret: string, at = Date.now()) {
    return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: at,
    })
  }

  it('makes a role that must use an app set one up, then asks for a code at every sign-in, and never accepts a code twice', async () => {
    const u = await newUser(['reviewer'])
    // The app's clock stands still, so "the same code" and "the next code" do not depend on how fast this runs.
    const at = Date.now()
    h.setNow(new Date(at).toISOString())
    try {
      const c = new StaffClient(h.app)
      const first = await c.signIn(u.email, u.password)
      expect(first.headers.location).toBe('/staff/sign-in/set-up')
      expect((await c.get('/staff/cases')).statusCode).toBe(302)
      const setUp = await c.get('/staff/sign-in/set-up')
      const secret = c.$(setUp)('#totp-secret').text().replace(/\s+/g, '')
      expect(secret).toMatch(/^[A-Z2-7]{32}$/)
      const wrong = await c.post('/staff/sign-in/set-up', { code: '000000' })
      expect(wrong.statusCode).toBe(400)
      const ok = await c.post('/staff/sign-in/set-up', { code: codeFor(secret, at) })
      expect(ok.statusCode).toBe(200)
      expect(c.$(ok)('#recovery-codes li')).toHaveLength(10)
      expect((await c.get('/staff/cases')).statusCode).toBe(200)

      const again = new StaffClient(h.app)
      expect((await again.signIn(u.email, u.password)).headers.location).toBe('/staff/sign-in/code')
      await again.get('/staff/sign-in/code')
      // The code used to set up cannot be replayed: take the next time step's code.
      const replay = await again.post('/staff/sign-in/code', { code: codeFor(secret, at) })
      expect(replay.statusCode).toBe(400)
      h.setNow(new Date(at + 31_000).toISOString())
      const fresh = await again.post('/staff/sign-in/code', { code: codeFor(secret, at + 31_000) })
      expect(fresh.statusCode).toBe(303)
      expect(await auditTypes(u.id)).toEqual(expect.arrayContaining(['TwoFactorEnabled', 'SignedIn', 'SignInFailed']))
    } finally {
      h.setNow(null)
    }
  })
})

describe('administration of accounts', () => {
  it('ends a pause on signing in to an account early, and records it', async () => {
    const u = await newUser()
    const c = new StaffClient(h.app, { ip: '10.30.0.1' })
    for (let i = 0; i < 5; i++) await c.signIn(u.email, `wrong-${i}`)
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(429)
    const admin = await new StaffClient(h.app).signInAs('admin')
    const page = await admin.get(`/staff/admin/users/${u.id}`)
    expect(page.body).toContain('End the pause on signing in')
    await admin.post(`/staff/admin/users/${u.id}/unlock`, {})
    expect((await c.signIn(u.email, u.password)).statusCode).toBe(303)
    expect(await auditTypes(u.id)).toEqual(expect.arrayContaining(['SignInThrottled', 'UserUnlocked']))
  })
})
