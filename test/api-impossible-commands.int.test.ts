import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { OPCC, POLICE, scopedUser } from './support/boundary.js'
import { StaffClient } from './support/casework-client.js'
import { dateFields } from './support/casework-steps.js'

/**
 * Issue 11: the API accepted commands that cannot be true, and had no safe retry for creating a case. Each is now
 * refused with an RFC 9457 problem (422) naming the field, or a GOV.UK error summary on the form, with nothing stored.
 */

let h: Harness
let dpToken: string
const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const newRequest = (over: Record<string, unknown> = {}) => ({
  controllerId: OPCC,
  right: 'access',
  channel: 'email',
  receivedAt: '2026-03-02T09:30:00Z',
  subject: { name: 'Ida Impossible', email: 'ida@mail.example' },
  request: { description: 'Emails about my complaint', actionWanted: 'A copy of my personal data' },
  ...over,
})
const post = (url: string, payload: object, token = dpToken, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url, headers: { ...auth(token), ...headers }, payload })
const countCases = async () => Number((await h.db.pool.query('SELECT count(*) FROM cases')).rows[0].count)
const idOf = async (role: string) =>
  (await h.db.pool.query('SELECT id FROM users WHERE email = $1', [demoEmail(role)])).rows[0].id as string

async function newCase(): Promise<string> {
  const res = await post('/api/v1/cases', newRequest(), await h.tokenFor('correspondence'))
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id as string
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, path: string) {
  expect(res.statusCode).toBe(422)
  expect(String(res.headers['content-type'])).toContain('application/problem+json')
  expect(res.json()).toMatchObject({ status: 422, code: 'validation', errors: [expect.objectContaining({ path })] })
}

beforeAll(async () => {
  h = await startHarness({ cacheTemplates: true })
  dpToken = await h.tokenFor('dp-manager')
})
afterAll(async () => h?.close())

describe('issue 11: the API refuses impossible commands', () => {
  it('refuses "identity seen by" anyone but the officer or real staff of the case’s controller', async () => {
    const id = await newCase()
    const verify = (verifierId: string) =>
      post(`/api/v1/cases/${id}/commands`, {
        type: 'RecordIdentityVerified',
        documentsSeen: [
          { party: 'subject', documentType: 'passport' },
          { party: 'subject', documentType: 'utility-bill' },
        ],
        verifiedOn: '2026-03-03',
        verifierId,
        receivedOn: '2026-03-03',
      })
    h.setNow('2026-03-04T10:00:00Z')
    try {
      const version = async () =>
        (await h.db.pool.query('SELECT version FROM cases WHERE id = $1', [id])).rows[0].version
      const before = await version()
      expectProblem(await verify('anyone at all'), 'verifierId')
      expectProblem(await verify((await scopedUser(h, 'dp-manager', [POLICE])).id), 'verifierId')
      expect(await version()).toBe(before)
      expect((await verify(await idOf('correspondence'))).statusCode).toBe(200)
    } finally {
      h.setNow(null)
    }
  })

  it('refuses assignment to someone who does not exist, does not work for the controller, or cannot work cases', async () => {
    const id = await newCase()
    const assign = (assigneeId: string) => post(`/api/v1/cases/${id}/commands`, { type: 'Assign', assigneeId })
    expectProblem(await assign('00000000-0000-4000-8000-000000000000'), 'assigneeId')
    expectProblem(await assign((await scopedUser(h, 'dp-manager', [POLICE])).id), 'assigneeId')
    expectProblem(await assign(await idOf('copy-recipient')), 'assigneeId')
    expect((await h.db.pool.query('SELECT assignee_id FROM cases WHERE id = $1', [id])).rows[0].assignee_id).toBeNull()
    expect((await assign(await idOf('dp-manager'))).statusCode).toBe(200)
  })

  it('refuses a draft submitted for review with no letter', async () => {
    const id = await newCase()
    await post(`/api/v1/cases/${id}/commands`, { type: 'StartWork' })
    expectProblem(
      await post(`/api/v1/cases/${id}/commands`, { type: 'SubmitDraft', version: 1, summary: 'x' }),
      'letterId',
    )
    expect((await h.db.pool.query('SELECT status FROM cases WHERE id = $1', [id])).rows[0].status).toBe('in-progress')
  })

  it('refuses a case received before the UK GDPR applied (25 May 2018) or in year 1, and stores nothing', async () => {
    const before = await countCases()
    const token = await h.tokenFor('correspondence')
    expectProblem(await post('/api/v1/cases', newRequest({ receivedAt: '0001-03-02T09:30:00Z' }), token), 'receivedAt')
    expectProblem(await post('/api/v1/cases', newRequest({ receivedAt: '2018-05-24T12:00:00Z' }), token), 'receivedAt')
    expect(await countCases()).toBe(before)
    const ref = await h.db.pool.query("SELECT 1 FROM cases WHERE reference LIKE 'OPCC-1-%'")
    expect(ref.rows.length).toBe(0)
    expect((await post('/api/v1/cases', newRequest({ receivedAt: '2018-05-25T12:00:00Z' }), token)).statusCode).toBe(
      201,
    )
    // The staff form says so in its error summary.
    const c = await new StaffClient(h.app).signInAs('correspondence')
    await c.get('/staff/cases/new')
    const form = await c.post('/staff/cases/new', {
      controllerId: OPCC,
      right: 'access',
      channel: 'post',
      ...dateFields('receivedOn', '0001-01-01'),
      subjectName: 'Ida Impossible',
      description: 'My records',
      actionWanted: 'A copy',
    })
    expect(form.statusCode).toBe(400)
    expect(c.$()('.govuk-error-summary').text()).toContain('on or after 25 May 2018')
    expect(await countCases()).toBe(before + 1)
  })
})

describe('issue 11: Idempotency-Key on case creation', () => {
  it('answers a retry with the same key and body with the first case, and refuses the key for a different body', async () => {
    const token = await h.tokenFor('correspondence')
    const key = { 'idempotency-key': '"3f1c2a8e-retry-me"' }
    const before = await countCases()
    const first = await post('/api/v1/cases', newRequest(), token, key)
    expect(first.statusCode, first.body).toBe(201)
    const again = await post('/api/v1/cases', newRequest(), token, key)
    expect(again.statusCode).toBe(201)
    expect(again.json()).toEqual(first.json())
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(await countCases()).toBe(before + 1)
    const different = await post('/api/v1/cases', newRequest({ subject: { name: 'Someone Else' } }), token, key)
    expectProblem(different, 'Idempotency-Key')
    expect(await countCases()).toBe(before + 1)
    // Keys are each token's own: another client's same key makes its own case.
    const other = await post('/api/v1/cases', newRequest(), (await scopedUser(h, 'correspondence', [OPCC])).token, key)
    expect(other.statusCode).toBe(201)
    expect(other.json().id).not.toBe(first.json().id)
    const stored = await h.db.pool.query('SELECT count(*)::int AS n FROM api_idempotency_keys WHERE key = $1', [
      '3f1c2a8e-retry-me',
    ])
    expect(stored.rows[0].n).toBe(2)
  })

  it('makes one case when the same key arrives twice at once', async () => {
    const token = await h.tokenFor('correspondence')
    const key = { 'idempotency-key': 'concurrent-1' }
    const before = await countCases()
    const [a, b] = await Promise.all([
      post('/api/v1/cases', newRequest(), token, key),
      post('/api/v1/cases', newRequest(), token, key),
    ])
    expect([a.statusCode, b.statusCode]).toEqual([201, 201])
    expect(a.json().id).toBe(b.json().id)
    expect(await countCases()).toBe(before + 1)
  })
})
