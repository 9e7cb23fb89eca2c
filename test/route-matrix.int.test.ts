import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../src/application/create-user.js'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { updateSettings } from '../src/application/staff/update-settings.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { ROLES, can, type Role } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { listRoutes } from './support/route-list.js'
import { makeFixtures, NEW_REQUEST } from './support/casework-fixtures.js'
import { TABLE, type Rule } from './support/route-table.js'

type Who = Role | 'anonymous'
const WHO: Who[] = ['anonymous', ...ROLES]

function expected(rule: Rule, who: Who): 'allow' | 'deny' {
  if ('public' in rule || 'docs' in rule) return 'allow'
  if ('pending' in rule) return 'deny'
  if (who === 'anonymous') return 'deny'
  if ('signedIn' in rule) return 'allow'
  return rule.any.some((p) => can([who], p)) ? 'allow' : 'deny'
}

let h: Harness
let fixtures: Record<string, string>
let outbox: string
const clients = new Map<Who, StaffClient>()
const tokens = new Map<Role, string>()

beforeAll(async () => {
  // Templates compiled once: ~1,900 pages rendered (each compile costs more than the page).
  h = await startHarness({ cacheTemplates: true })
  outbox = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-outbox-'))
  h.deps.outboxDir = outbox
  await fs.writeFile(path.join(outbox, '2026-01-01-test.eml'), 'To: a@test.example\nSubject: Hello\n\nBody\n')
  await updateSettings(h.deps, SYSTEM_ACTOR, {
    copyList: [{ name: 'Grace Liu', role: 'Head of Standards', email: demoEmail('copy-recipient') }],
  })
  fixtures = await makeFixtures(h)
  for (const who of WHO) {
    const c = new StaffClient(h.app)
    if (who !== 'anonymous') await c.signInAs(who)
    await c.get('/staff/sign-in')
    clients.set(who, c)
  }
  for (const role of ROLES) tokens.set(role, await h.tokenFor(role))
})
afterAll(async () => {
  await h?.close()
  await fs.rm(outbox, { recursive: true, force: true })
})

function urlOf(route: string): string {
  const p = route.split(' ')[1]!.replace(':idOrReference|:id', ':id')
  return p.replace(/:(\w+)/g, (_m, name: string) => fixtures[name] ?? `missing-${name}`).replace(/\*$/, 'x')
}

async function request(route: string, who: Who) {
  const [method] = route.split(' ')
  const url = urlOf(route)
  if (url.startsWith('/api/')) {
    const headers: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${tokens.get(who)}` }
    const payload = url.endsWith('/commands') ? { type: 'Acknowledge' } : method === 'POST' ? NEW_REQUEST : undefined
    return h.app.inject({ method: method as 'GET' | 'POST', url, headers, ...(payload ? { payload } : {}) })
  }
  const c = clients.get(who)!
  const res = method === 'GET' ? await c.get(url) : await c.post(url, {})
  if (route === 'POST /staff/sign-out' && who !== 'anonymous') {
    await c.signInAs(who)
    await c.get('/staff/sign-in')
  }
  return res
}

function outcome(res: { statusCode: number; headers: Record<string, unknown> }, rule?: Rule): 'allow' | 'deny' {
  // The API documentation is public: a made-up file name under it is a 404, not a refusal.
  if (rule && 'docs' in rule) return res.statusCode === 401 || res.statusCode === 403 ? 'deny' : 'allow'
  const location = String(res.headers.location ?? '')
  if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 404) return 'deny'
  if (res.statusCode >= 300 && res.statusCode < 400 && location.startsWith('/staff/sign-in')) return 'deny'
  return 'allow'
}

describe('route × role matrix', () => {
  it('has exactly one rule for every staff and API route', async () => {
    const routes = listRoutes(h.app).filter((r) => / \/(staff|api)(\/|$)/.test(r))
    expect(routes.filter((r) => !(r in TABLE))).toEqual([])
    expect(Object.keys(TABLE).filter((r) => !routes.includes(r))).toEqual([])
  })

  it('allows and denies exactly as the table says, for every role and for someone not signed in', async () => {
    const unexpected: string[] = []
    let checked = 0
    for (const route of Object.keys(TABLE).sort()) {
      for (const who of WHO) {
        const res = await request(route, who)
        const got = outcome(res, TABLE[route])
        const want = expected(TABLE[route]!, who)
        checked++
        // A refused permission is 403 (anonymous: sent to sign in, or 401 from the API); never a 500.
        if (got !== want || res.statusCode >= 500)
          unexpected.push(`${route} as ${who}: ${res.statusCode} (${got}, wanted ${want})`)
        if (want === 'deny' && who !== 'anonymous' && !('pending' in TABLE[route]!)) {
          if (res.statusCode !== 403) unexpected.push(`${route} as ${who}: denied with ${res.statusCode}, not 403`)
        }
      }
    }
    expect(unexpected).toEqual([])
    expect(checked).toBe(Object.keys(TABLE).length * WHO.length)
  }, 600_000)

  it('shows a copy recipient only the cases they were copied on (404 for others, also in lists and the API)', async () => {
    const c = clients.get('copy-recipient')!
    expect((await c.get(`/staff/cases/${fixtures.id}`)).statusCode).toBe(200)
    expect((await c.get(`/staff/cases/${fixtures.notCopied}`)).statusCode).toBe(404)
    const list = await c.get('/staff/cases?show=all')
    expect(list.body).toContain(fixtures.id)
    expect(list.body).not.toContain(fixtures.notCopied)
    const api = await h.app.inject({
      url: `/api/v1/cases/${fixtures.notCopied}`,
      headers: { authorization: `Bearer ${tokens.get('copy-recipient')}` },
    })
    expect(api.statusCode).toBe(404)
  })
})

describe('CSRF', () => {
  it('refuses every staff POST without the CSRF token with 403, for a person who may use it', async () => {
    const posts = Object.keys(TABLE).filter((r) => r.startsWith('POST /staff'))
    const failures: string[] = []
    for (const route of posts) {
      const rule = TABLE[route]!
      const who = ('pending' in rule ? 'pending' : (WHO.find((w) => expected(rule, w) === 'allow') ?? 'anonymous')) as
        Who | 'pending'
      const c = who === 'pending' ? await pendingClient() : clients.get(who)!
      const res = await c.post(urlOf(route), {}, { csrf: false })
      if (res.statusCode !== 403) failures.push(`${route} as ${who}: ${res.statusCode}`)
    }
    expect(failures).toEqual([])
  })
})

/** Half signed in (password right, code still to give): the only state the second-factor pages accept. */
async function pendingClient(): Promise<StaffClient> {
  const email = `pending-${randomBytes(3).toString('hex')}@test.example`
  const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: 'Pending',
    roles: ['staff'],
    controllerIds: ['northshire-opcc'],
    password: 'pending-password',
  })
  await h.db.pool.query(`UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' WHERE id = $1`, [id])
  const c = new StaffClient(h.app)
  await c.signIn(email, 'pending-password')
  await c.get('/staff/sign-in/code')
  return c
}
