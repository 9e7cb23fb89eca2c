import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { scopedToken, startHarness, type Harness } from './support/app-harness.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())
afterEach(() => h.setNow(null))

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const newRequest = (over: Record<string, unknown> = {}) => ({
  controllerId: 'northshire-opcc',
  right: 'access',
  channel: 'email',
  receivedAt: '2026-03-02T09:30:00Z',
  subject: { name: 'Ann Example', email: 'ann@mail.example' },
  request: { description: 'Emails about my complaint', actionWanted: 'A copy of my personal data' },
  ...over,
})

async function logCase(over: Record<string, unknown> = {}) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: auth(await h.tokenFor('correspondence')),
    payload: newRequest(over),
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; reference: string; status: string; due: string }
}

/** A demo user's id: who saw identity documents is a real member of staff (issue 11). */
async function userIdOf(role: string): Promise<string> {
  const r = await h.db.pool.query('SELECT id FROM users WHERE email = $1', [`${role}@demo.rightsdesk.example`])
  return r.rows[0].id as string
}

async function command(id: string, body: object, role: Parameters<Harness['tokenFor']>[0] = 'dp-manager') {
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${id}/commands`,
    headers: auth(await h.tokenFor(role)),
    payload: body,
  })
}

describe('the JSON API', () => {
  it('refuses a call without a token with a problem+json 401', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/cases' })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ code: 'unauthenticated', status: 401 })
  })

  it('refuses a made-up token', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: auth('rd_notarealtokennotarealtoken123'),
    })
    expect(res.statusCode).toBe(401)
  })

  it('logs a request received by email and answers with its reference and statutory due date', async () => {
    const c = await logCase()
    expect(c.reference).toMatch(/^OPCC-2026-\d{5}$/)
    expect(c.status).toBe('received')
    // Received Monday 2 March 2026: due on the corresponding date, Thursday 2 April 2026.
    expect(c.due).toBe('2026-04-02')
  })

  it('rejects an invalid request with 422 naming each problem, and stores nothing', async () => {
    const before = await h.db.pool.query('SELECT count(*)::int AS n FROM cases')
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth(await h.tokenFor('correspondence')),
      payload: newRequest({ receivedAt: 'yesterday', subject: { name: '' } }),
    })
    expect(res.statusCode).toBe(422)
    const body = res.json()
    expect(body.code).toBe('validation')
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/receivedAt', '/subject/name']),
    )
    const after = await h.db.pool.query('SELECT count(*)::int AS n FROM cases')
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })

  it('rejects text with control characters', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth(await h.tokenFor('correspondence')),
      payload: newRequest({ subject: { name: 'Bad\u0000Name' } }),
    })
    expect(res.statusCode).toBe(422)
  })

  it('returns a case by reference with its clock explained and its timeline, and audits the view', async () => {
    const c = await logCase()
    const before = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE event_type = 'CaseViewed' AND case_id = $1",
      [c.id],
    )
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.reference.toLowerCase()}`,
      headers: auth(await h.tokenFor('dp-manager')),
    })
    expect(res.statusCode).toBe(200)
    const view = res.json()
    expect(view.state.reference).toBe(c.reference)
    expect(view.clock.due).toBe('2026-04-02')
    expect(view.clock.explanation.length).toBeGreaterThan(0)
    expect(view.timeline.map((t: { eventType: string }) => t.eventType)).toEqual(['RequestLogged'])
    const after = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE event_type = 'CaseViewed' AND case_id = $1",
      [c.id],
    )
    expect(after.rows[0].n).toBe(before.rows[0].n + 1)
  })

  it('restarts the clock from the day identity arrives (Art 12A(2)(b))', async () => {
    h.setNow('2026-02-11T09:00:00Z')
    const c = await logCase({ receivedAt: '2026-02-10T12:00:00Z' })
    expect((await command(c.id, { type: 'RequestIdentity' }, 'correspondence')).statusCode).toBe(200)
    h.setNow('2026-02-20T15:00:00Z')
    const verified = await command(c.id, {
      type: 'RecordIdentityVerified',
      documentsSeen: [
        { party: 'subject', documentType: 'passport' },
        { party: 'subject', documentType: 'utility-bill' },
      ],
      verifiedOn: '2026-02-20',
      verifierId: await userIdOf('dp-manager'),
      receivedOn: '2026-02-20',
    })
    expect(verified.statusCode, verified.body).toBe(200)
    expect(verified.json().clock.due).toBe('2026-03-20')
    expect(verified.json().state.status).toBe('in-progress')
    h.setNow(null)
  })

  it('gives a domain error as problem+json with a stable code (clarification only for access requests)', async () => {
    const c = await logCase({
      right: 'erasure',
      request: { description: 'x', actionWanted: 'delete', details: { dataToErase: 'x', grounds: 'y' } },
    })
    const res = await command(c.id, { type: 'RequestClarification', question: 'Which records?' })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('clarification-not-for-this-right')
  })

  it('never lets the drafter approve their own response (four eyes)', async () => {
    const c = await logCase()
    h.setNow('2026-03-03T09:00:00Z')
    await command(c.id, { type: 'Acknowledge' }, 'correspondence')
    const seen = [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ]
    const id = {
      type: 'RecordIdentityVerified',
      documentsSeen: seen,
      verifiedOn: '2026-03-03',
      verifierId: await userIdOf('dp-manager'),
      receivedOn: '2026-03-02',
    }
    const idRes = await command(c.id, id)
    expect(idRes.statusCode, idRes.body).toBe(200)
    expect((await command(c.id, { type: 'StartWork' })).statusCode).toBe(200)
    // A draft goes for review with its letter (issue 11): drafted, then that letter submitted.
    const drafted = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/letters`,
      headers: auth(await h.tokenFor('dp-manager')),
      payload: { outcome: 'no-data-held' },
    })
    expect(drafted.statusCode, drafted.body).toBe(201)
    const submitted = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/letters/${drafted.json().id}/submit`,
      headers: auth(await h.tokenFor('dp-manager')),
    })
    expect(submitted.statusCode, submitted.body).toBe(200)
    // The dp-manager drafted it; approving needs the reviewer role, and a reviewer who did not draft.
    const self = await command(c.id, { type: 'Approve' }, 'dp-manager')
    expect(self.statusCode).toBe(403)
    const reviewer = await command(c.id, { type: 'Approve' }, 'reviewer')
    expect(reviewer.statusCode, reviewer.body).toBe(200)
    expect(reviewer.json().state.status).toBe('approved')
    h.setNow(null)
  })

  it('lets staff answer tasks but not log or change cases (least privilege)', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth(await h.tokenFor('staff')),
      payload: newRequest(),
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('not-permitted')
  })

  it('hides cases of a controller the user does not work for', async () => {
    const c = await logCase({ controllerId: 'northshire-police' })
    const token = await scopedToken(h, 'dp-manager', 'northshire-opcc')
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: auth(token) })
    expect(res.statusCode).toBe(404)
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/cases?limit=500', headers: auth(token) })
    expect(list.json().rows.every((r: { controllerId: string }) => r.controllerId === 'northshire-opcc')).toBe(true)
  })

  it('filters the case list by status, right and overdue', async () => {
    const token = await h.tokenFor('dp-manager')
    const overdue = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases?overdue=true&limit=500',
      headers: auth(token),
    })
    expect(overdue.statusCode).toBe(200)
    const rows = overdue.json().rows as { dueOn: string; status: string }[]
    expect(rows.length).toBeGreaterThan(0)
    const today = new Date().toISOString().slice(0, 10)
    expect(rows.every((r) => r.dueOn < today && !['closed', 'withdrawn', 'responded'].includes(r.status))).toBe(true)
    const erasure = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases?right=erasure&status=received',
      headers: auth(token),
    })
    expect(
      erasure
        .json()
        .rows.every((r: { right: string; status: string }) => r.right === 'erasure' && r.status === 'received'),
    ).toBe(true)
    const bad = await h.app.inject({ method: 'GET', url: '/api/v1/cases?status=nonsense', headers: auth(token) })
    expect(bad.statusCode).toBe(422)
  })

  it('serves the OpenAPI description at /api/docs', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}/commands']))
  })

  it('reports health and readiness', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
    const ready = await h.app.inject({ method: 'GET', url: '/ready' })
    expect(ready.statusCode).toBe(200)
  })

  it('keeps an intact audit chain through all of the above, checkable by an admin over the API', async () => {
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: auth(await h.tokenFor('admin')),
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().ok).toBe(true)
    const denied = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: auth(await h.tokenFor('staff')),
    })
    expect(denied.statusCode).toBe(403)
  })
})
