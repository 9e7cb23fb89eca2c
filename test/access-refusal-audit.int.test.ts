import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { createUser } from '../src/application/create-user.js'
import { flushAccessRefusals } from '../src/application/record-access-refusal.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

/**
 * Issue 11: refused access attempts are audited. A signed-in member of staff or an API token refused by
 * authorisation (403, or 404 for another controller's case) leaves an `access.refused` event saying who, which route,
 * which case and why; a scan folds into a few events a minute whose counts still add up to every attempt.
 */

let h: Harness
let scanner: StaffClient
let scannerId: string
let policeCases: string[]
const start = new Date()
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000).toISOString()

interface RefusalEvent {
  seq: number
  case_id: string | null
  payload: {
    route: string
    via?: string
    reason?: string
    status?: number
    caseId?: string
    count: number
    summary?: boolean
    caseIds?: string[]
    earlier?: { count: number }
  }
}

async function refusalsOf(actorId: string, afterSeq = 0): Promise<RefusalEvent[]> {
  const { rows } = await h.db.pool.query<RefusalEvent & { seq: string }>(
    `SELECT seq, case_id, payload FROM audit_events WHERE event_type = 'access.refused' AND actor_id = $1 AND seq > $2
     ORDER BY seq`,
    [`user:${actorId}`, afterSeq],
  )
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }))
}

const lastSeq = async () =>
  Number((await h.db.pool.query<{ m: string }>('SELECT max(seq) AS m FROM audit_events')).rows[0]!.m)

beforeAll(async () => {
  h = await startHarness()
  h.setNow(at(0))
  // A DP manager of the OPCC only, probing the force's cases one after another.
  const email = 'opcc-only-dp@scoped.example'
  scannerId = (
    await createUser(h.deps, SYSTEM_ACTOR, {
      email,
      name: 'Opcc Only',
      roles: ['dp-manager'],
      controllerIds: ['northshire-opcc'],
      password: 'a-long-password-1',
    })
  ).id
  scanner = new StaffClient(h.app)
  // A DP manager must use an authenticator app: the client sets one up as the person would.
  expect(await scanner.signInFully(email, 'a-long-password-1')).toMatch(/^\/staff\//)
  const { rows } = await h.db.pool.query<{ id: string }>(
    "SELECT id FROM cases WHERE controller_id = 'northshire-police' ORDER BY id",
  )
  policeCases = rows.map((r) => r.id)
})
afterAll(async () => {
  await h?.close()
})

describe('refused access attempts in the audit trail', () => {
  it('a scan of 500 refused case pages leaves a bounded number of events that still count every attempt', async () => {
    expect(policeCases.length).toBeGreaterThan(5)
    const before = await lastSeq()
    for (let i = 0; i < 500; i++) {
      const res = await scanner.get(`/staff/cases/${policeCases[i % policeCases.length]}`)
      expect(res.statusCode).toBe(404) // still not found: the refusal does not disclose that the case exists
    }
    const recorded = await refusalsOf(scannerId, before)
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({
      case_id: policeCases[0],
      payload: {
        route: 'GET /staff/cases/:id',
        via: 'staff',
        reason: 'controller',
        status: 404,
        caseId: policeCases[0],
        count: 1,
      },
    })

    // Before each checkpoint (and at shutdown) what was only counted is written as a summary.
    expect(await flushAccessRefusals(h.deps)).toBe(1)
    const all = await refusalsOf(scannerId, before)
    expect(all).toHaveLength(2)
    expect(all[1]!.payload).toMatchObject({ route: 'GET /staff/cases/:id', summary: true, count: 499 })
    expect(all[1]!.payload.caseIds).toHaveLength(10)
    expect(all.reduce((n, e) => n + e.payload.count, 0)).toBe(500)
    expect(await flushAccessRefusals(h.deps)).toBe(0)
  })

  it('a minute later the next refusal is an event again, carrying the count folded since the last', async () => {
    const before = await lastSeq()
    h.setNow(at(61))
    for (let i = 0; i < 4; i++) expect((await scanner.get(`/staff/cases/${policeCases[1]}`)).statusCode).toBe(404)
    h.setNow(at(122))
    expect((await scanner.get(`/staff/cases/${policeCases[2]}`)).statusCode).toBe(404)
    const events = await refusalsOf(scannerId, before)
    expect(events.map((e) => e.payload.count)).toEqual([1, 4])
    expect(events[1]!.payload).toMatchObject({ caseId: policeCases[2], earlier: { count: 3 } })
  })

  it('an API token refused for want of a permission is recorded as a 403 on its route', async () => {
    const token = await h.tokenFor('staff') // searches when asked; may not list cases
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    const { rows } = await h.db.pool.query<{ actor_id: string; payload: RefusalEvent['payload'] }>(
      "SELECT actor_id, payload FROM audit_events WHERE event_type = 'access.refused' ORDER BY seq DESC LIMIT 1",
    )
    expect(rows[0]!.payload).toMatchObject({
      route: 'GET /api/v1/cases',
      via: 'api',
      reason: 'permission',
      status: 403,
      caseId: null,
      count: 1,
    })
  })

  it('a case that does not exist is not a refusal, and the trail still verifies', async () => {
    const before = await lastSeq()
    h.setNow(at(300))
    const res = await scanner.get('/staff/cases/00000000-0000-4000-8000-000000000000')
    expect(res.statusCode).toBe(404)
    expect(await refusalsOf(scannerId, before)).toHaveLength(0)
    expect(await verifyAuditChain(h.db.pool)).toMatchObject({ ok: true })
  })
})
