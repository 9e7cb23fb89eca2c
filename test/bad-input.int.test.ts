import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { answer } from './support/portal-journeys.js'

/**
 * The six causes of a 500 the issue found, each now a 4xx that says what to do: a lone UTF-16 surrogate in JSON
 * (API and a public form), a NUL byte in a path id, a non-UUID assignee, a non-UUID user id in admin, and a
 * multipart body cut off mid-way.
 */
let h: Harness
let caseId: string
let api: (method: 'GET' | 'POST', url: string, payload?: string) => Promise<LightMyRequestResponse>

beforeAll(async () => {
  h = await startHarness()
  const token = await h.tokenFor('dp-manager')
  api = (method, url, payload) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload }),
    })
  const row = await h.db.pool.query<{ id: string }>(
    "SELECT id FROM cases WHERE status = 'in-progress' AND case_type = 'rights-request' ORDER BY reference LIMIT 1",
  )
  caseId = row.rows[0]!.id
})
afterAll(async () => {
  await h?.close()
})

const NEW_CASE = (name: string) =>
  `{"controllerId":"northshire-opcc","caseType":"rights-request","right":"access","route":"UK_GDPR","channel":"email",` +
  `"receivedAt":"${new Date().toISOString()}","subject":{"name":"${name}","email":"sam@mail.example"},` +
  `"requesterType":"self","request":{"description":"Everything","actionWanted":"A copy","reasons":"","details":{}}}`

describe('a lone surrogate in JSON', () => {
  it('the API answers 422 problem+json saying where, and logs no case', async () => {
    const before = (await h.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n
    const res = await api('POST', '/api/v1/cases', NEW_CASE('Sam \\ud800 Lee'))
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({
      code: 'validation',
      errors: [{ path: '/subject/name', message: 'must be valid Unicode text without NUL characters' }],
    })
    const inKey = await api(
      'POST',
      '/api/v1/cases',
      NEW_CASE('Sam').replace('"details":{}', '"details":{"a\\u0000":"b"}'),
    )
    expect(inKey.statusCode).toBe(422)
    expect((await h.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before)
    const lowOnly = await api('GET', '/api/v1/cases?search=%ED%B0%80') // a low surrogate as (invalid) UTF-8
    expect(lowOnly.statusCode).toBeLessThan(500)
  })

  it('a public question page keeps the answer as a browser would send it (U+FFFD) and moves on', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'self' })
    await answer(client, '/request/rights', { rights: ['access'] })
    await client.get('/request/name')
    const page = await client.postJson('/request/name', { subjectName: 'Sam \ud800 Lee' })
    expect(page.status, page.body.slice(0, 200)).toBe(303)
    expect(page.location).toBe('/request/date-of-birth')
    const back = await client.get('/request/name')
    expect(back.$('input[name="subjectName"]').val()).toBe('Sam \ufffd Lee')
    const complaint = new PortalClient(h.app)
    await complaint.get('/complain')
    const res = await complaint.postJson('/complain', { name: 'Sam \udc00', complaint: 'x\u0000y' })
    expect(res.status).toBe(200)
    expect(errorSummary(res).length).toBeGreaterThan(0)
  })
})

describe('malformed ids in the path', () => {
  it('a NUL byte, or any id that is not a UUID, is a 404 page (staff), problem (API) or 404 (portal)', async () => {
    const staff = await new StaffClient(h.app).signInAs('dp-manager')
    for (const id of ['%00', 'abc%00', 'not-a-uuid', `${caseId}%00`, "1'%20OR%201=1"]) {
      const page = await staff.get(`/staff/cases/${id}`)
      expect(page.statusCode, id).toBe(404)
      expect(staff.$(page)('h1').text()).toBe('Page not found')
      const doc = await staff.get(`/staff/cases/${caseId}/documents/${id}`)
      expect(doc.statusCode, id).toBe(404)
    }
    const res = await api('GET', '/api/v1/cases/%00')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not-found' })
    expect((await api('POST', '/api/v1/cases/%00/commands', '{"type":"Acknowledge"}')).statusCode).toBe(404)
    expect((await api('POST', '/api/v1/cases/not-a-uuid/commands', '{"type":"Acknowledge"}')).statusCode).toBe(422)
    const follow = await h.app.inject({ url: '/follow/case/documents/%00' })
    expect(follow.statusCode).toBeLessThan(500)
  })

  it('an admin opening a user whose id is not a UUID gets Page not found', async () => {
    const admin = await new StaffClient(h.app).signInAs('admin')
    for (const id of ['not-a-uuid', '%00', '123']) {
      expect((await admin.get(`/staff/admin/users/${id}`)).statusCode, id).toBe(404)
    }
    await admin.get('/staff/admin')
    const reset = await admin.post('/staff/admin/users/not-a-uuid/reset-password', {})
    expect(reset.statusCode).toBe(404)
  })
})

describe('a non-UUID assignee', () => {
  it('assigning a case or a search task to "x" is refused with a 4xx, never a 500', async () => {
    const manager = await new StaffClient(h.app).signInAs('dp-manager')
    await manager.get(`/staff/cases/${caseId}/assign`)
    const assign = await manager.post(`/staff/cases/${caseId}/assign`, { assigneeId: 'x' })
    expect(assign.statusCode).toBeGreaterThanOrEqual(400)
    expect(assign.statusCode).toBeLessThan(500)
    await manager.get(`/staff/cases/${caseId}/tasks/new`)
    const task = await manager.post(`/staff/cases/${caseId}/tasks/new`, {
      assigneeId: 'x',
      description: 'Search the call logs',
      dueOn: '2030-01-01',
    })
    expect(task.statusCode).toBeGreaterThanOrEqual(400)
    expect(task.statusCode).toBeLessThan(500)
    const viaApi = await api('POST', `/api/v1/cases/${caseId}/commands`, '{"type":"Assign","assigneeId":"x"}')
    expect(viaApi.statusCode).toBe(422)
  })
})

describe('a multipart body cut off mid-way', () => {
  it('is a 400 page that says to go back and try again, not a 500', async () => {
    const staff = await new StaffClient(h.app).signInAs('dp-manager')
    await staff.get(`/staff/cases/${caseId}/documents/new`)
    const boundary = '----cutoff'
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${staff.csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmaterial\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 half a fi`
    const res = await h.app.inject({
      method: 'POST',
      url: `/staff/cases/${caseId}/documents`,
      headers: { cookie: staff.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    })
    expect(res.statusCode).toBe(400)
    expect(staff.$(res)('h1').text()).toBe('Sorry, we could not use what was sent')
  })
})

describe('HTTP hygiene', () => {
  it('the cookies page offers no way back to another site (/x/..//evil.example)', async () => {
    const client = new PortalClient(h.app)
    for (const returnTo of ['/x/..//evil.example', '/x/%2e%2e//evil.example', '/\\evil.example', '//evil.example']) {
      const page = await client.get(`/cookies?returnTo=${encodeURIComponent(returnTo)}`)
      expect(page.status).toBe(200)
      const hrefs = page
        .$('a[href]')
        .map((_, a) => page.$(a).attr('href'))
        .get()
      expect(
        hrefs.filter((href) => href.startsWith('//') || /evil/.test(href)),
        returnTo,
      ).toEqual([])
      expect(page.$('input[name="returnTo"]').val() ?? '/').not.toMatch(/evil/)
    }
    await client.get('/cookies')
    const saved = await client.post('/cookies', { cookies: 'accept', returnTo: '/x/..//evil.example' })
    expect(saved.location).toBe('/?cookies=accepted')
  })

  it('answers holding personal data are never cached: case JSON, staff pages, follow pages', async () => {
    const json = await api('GET', `/api/v1/cases/${caseId}`)
    expect(json.statusCode).toBe(200)
    expect(json.headers['cache-control']).toBe('no-store')
    expect((await api('GET', '/api/v1/cases')).headers['cache-control']).toBe('no-store')
    const staff = await new StaffClient(h.app).signInAs('dp-manager')
    expect((await staff.get(`/staff/cases/${caseId}`)).headers['cache-control']).toBe('no-store')
    expect((await h.app.inject({ url: '/follow' })).headers['cache-control']).toBe('no-store')
    const problem = await api('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000')
    expect(problem.headers['cache-control']).toBe('no-store')
  })
})
