import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { createApiToken } from '../src/application/create-api-token.js'
import type { AppDeps } from '../src/application/deps.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { seedDemo } from '../src/cli/demo/seed-demo.js'
import { createCalendar, defaultClockSettings } from '../src/domain/index.js'
import { createPool, migrate } from '../src/persistence/db.js'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/persistence/embedded.js'
import { createBlobStore } from '../src/storage/blob-store.js'
import { buildApp } from '../src/web/app.js'
import { StaffClient } from './support/casework-client.js'
import { rememberApp } from './support/second-factor.js'

/**
 * While PostgreSQL is unreachable (stopped, or restarting after a crash) every request gets 503 with Retry-After:
 * the GOV.UK "service unavailable" page for people and problem+json for the API, never "problem with the service".
 * A real embedded PostgreSQL is killed (its supervisor restarts it on the same port) and then stopped.
 */
let dir: string
let db: EmbeddedPostgres
let deps: AppDeps
let app: FastifyInstance
let token: string
let staff: StaffClient

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-unavailable-'))
  db = await startEmbeddedPostgres({ dataDir: dir, log: () => undefined })
  const pool = createPool(db.url, 4)
  await migrate(pool)
  deps = {
    pool,
    clock: { now: () => new Date() },
    calendar: createCalendar('england-and-wales'),
    clockSettings: defaultClockSettings,
    jobs: { enqueue: async () => undefined },
    dueSoonWorkingDays: 5,
    baseUrl: 'http://rightsdesk.test',
    blobs: createBlobStore(path.join(dir, 'blobs'), randomBytes(32)),
    identityDocumentMaxDays: 90,
  }
  await seedDemo(deps)
  app = await buildApp({ deps, logger: false, cookieSecret: randomBytes(32), secureCookies: false, serviceName: 'R' })
  rememberApp(app, deps) // the sign-in helper answers the authenticator step with this app's database
  token = (await createApiToken(deps, SYSTEM_ACTOR, { email: demoEmail('dp-manager'), label: 'test' })).token
  staff = await new StaffClient(app).signInAs('dp-manager')
})
afterAll(async () => {
  await app?.close()
  await deps?.pool.end().catch(() => undefined)
  await db?.stop()
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

const page = (url: string) => app.inject({ url })
const apiCases = () => app.inject({ url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` } })

describe('PostgreSQL unreachable', () => {
  it('while it restarts after a crash, answers are 200 or 503, never 500, and come back by themselves', async () => {
    expect((await page('/request/organisation')).statusCode).toBe(200)
    const pid = Number.parseInt((await fs.readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]!)
    process.kill(pid, 'SIGKILL')
    const seen = new Set<number>()
    const deadline = Date.now() + 60_000
    let recovered = false
    while (!recovered && Date.now() < deadline) {
      const answers = await Promise.all([page('/request/organisation'), apiCases(), staff.get('/staff/cases')])
      for (const a of answers) seen.add(a.statusCode)
      recovered = answers.every((a) => a.statusCode === 200)
      if (!recovered) await new Promise((r) => setTimeout(r, 100))
    }
    expect(recovered).toBe(true)
    expect([...seen].filter((s) => s !== 200 && s !== 503)).toEqual([])
  })

  it('once stopped: the GOV.UK service unavailable page, problem+json and Retry-After, for public, staff and API', async () => {
    await db.stop()
    const pub = await page('/request/organisation')
    expect(pub.statusCode).toBe(503)
    expect(pub.headers['retry-after']).toBe('30')
    expect(cheerio.load(pub.body)('h1').text()).toBe('Sorry, the service is unavailable')
    const caseList = await staff.get('/staff/cases')
    expect(caseList.statusCode).toBe(503)
    expect(caseList.headers['retry-after']).toBe('30')
    expect(staff.$(caseList)('h1').text()).toBe('Sorry, the service is unavailable')
    const res = await apiCases()
    expect(res.statusCode).toBe(503)
    expect(res.headers['retry-after']).toBe('30')
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ status: 503, code: 'unavailable' })
    expect((await page('/ready')).statusCode).toBe(503)
  })
})
