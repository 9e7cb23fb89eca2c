import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_REFUSED } from '../src/application/record-access-refusal.js'
import { ROLES, can, type Role } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { makeFixtures, NEW_REQUEST } from './support/casework-fixtures.js'
import { CONTROLLER_OWNED_PARAMS, markersOf, OPCC, ownedRowCounts, paramsOf, POLICE } from './support/boundary.js'
import { SHARED_PARAMS } from './support/boundary.js'
import { scopedUser, type ScopedUser } from './support/boundary.js'
import { listRoutes } from './support/route-list.js'
import { TABLE, type Rule } from './support/route-table.js'

/**
 * The controller boundary (issue 11, DESIGN §8): every staff and API route, driven as every role of a controller that
 * does not own the data (Northshire Police against the OPCC's case, task, letters, disclosure, searches, disposal
 * list, register and consents), must refuse or show nothing of it, and change nothing of it; and a user of the
 * controller that owns it reaches every route its role allows. Users holding both controllers are the route matrix's
 * (test/route-matrix.int.test.ts: the demo users hold both). One app and one database for the whole file.
 */

let h: Harness
let fixtures: Record<string, string>
let markers: string[]
let outbox: string
const police = new Map<Role, ScopedUser>()
const opcc = new Map<Role, ScopedUser>()

beforeAll(async () => {
  h = await startHarness({ cacheTemplates: true })
  outbox = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-outbox-'))
  h.deps.outboxDir = outbox
  await fs.writeFile(path.join(outbox, '2026-01-01-test.eml'), 'To: a@test.example\nSubject: Hello\n\nBody\n')
  fixtures = { ...(await makeFixtures(h)), file: '2026-01-01-test.eml' }
  markers = await markersOf(h, OPCC, fixtures)
  for (const role of ROLES) {
    police.set(role, await scopedUser(h, role, [POLICE]))
    opcc.set(role, await scopedUser(h, role, [OPCC]))
  }
})
afterAll(async () => {
  await h?.close()
  await fs.rm(outbox, { recursive: true, force: true })
})

const permissionRoutes = () =>
  Object.keys(TABLE)
    .filter((r) => 'any' in TABLE[r]!)
    .sort()
const allows = (rule: Rule, role: Role) => 'any' in rule && rule.any.some((p) => can([role], p))
const ownsData = (route: string) => paramsOf(route).some((p) => CONTROLLER_OWNED_PARAMS.has(p))
/** A route naming a case and something on it (a file, a letter, a page): tried with the user's own case too. */
const onACase = (route: string) => paramsOf(route).includes('id') && paramsOf(route).length > 1

function urlOf(route: string, ids: Record<string, string>): string {
  const p = route.split(' ')[1]!.replace(':idOrReference|:id', ':id')
  return p.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? `missing-${name}`)
}

/** A body of the right shape for each API route, so the handler (not the schema) answers. */
function apiPayload(url: string): object | undefined {
  if (url === '/api/v1/cases') return NEW_REQUEST
  if (url.endsWith('/commands')) return { type: 'Acknowledge' }
  if (url.endsWith('/letters')) return { outcome: 'disclosed-in-full' }
  if (url.endsWith('/response')) return { method: 'portal' }
  if (url.endsWith('/split')) return { description: 'The force’s records of the incident' }
  return undefined
}

/**
 * Drives one route as a user, with the fixtures' ids in its path (or others given). Forms name the OPCC wherever a
 * form may choose an organisation, so a route that takes the controller from its body is tried across the line too.
 */
async function request(route: string, user: ScopedUser, ids = fixtures) {
  const [method] = route.split(' ') as ['GET' | 'POST']
  const url = urlOf(route, ids)
  if (url.startsWith('/api/')) {
    const payload = method === 'POST' ? apiPayload(url) : undefined
    const headers = { authorization: `Bearer ${user.token}` }
    return h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
  }
  return method === 'GET' ? user.client.get(url) : user.client.post(url, { controllerId: OPCC, controller: OPCC })
}

const refused = (status: number) => status === 403 || status === 404
// What the OPCC holds, in a response; an id the request itself sent (echoed in "no letter <id>") discloses nothing.
const leaked = (body: string, url: string) => markers.filter((m) => body.includes(m) && !url.includes(m))

describe('the controller boundary on every route', () => {
  it('knows every staff and API route the app serves (a new route fails here until the route table has it)', () => {
    const routes = listRoutes(h.app).filter((r) => / \/(staff|api)(\/|$)/.test(r))
    expect(routes.filter((r) => !(r in TABLE))).toEqual([])
    const unclassified = permissionRoutes().flatMap((r) =>
      paramsOf(r).filter((p) => !CONTROLLER_OWNED_PARAMS.has(p) && !SHARED_PARAMS.has(p)),
    )
    expect(unclassified).toEqual([])
  })

  it('shows and changes nothing of the OPCC’s to any role of Northshire Police, on every route', async () => {
    const before = await h.db.pool.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM audit_events')
    const versions = await h.db.pool.query('SELECT id, version FROM cases WHERE controller_id = $1 ORDER BY id', [OPCC])
    const rows = await ownedRowCounts(h, OPCC)
    // The Police's own case, to pair with the OPCC's files, letters and pages (/cases/<theirs>/documents/<ours>).
    const own = await h.db.pool.query<{ id: string }>('SELECT id FROM cases WHERE controller_id = $1 LIMIT 1', [POLICE])
    const mixed = { ...fixtures, id: own.rows[0]!.id, idOrReference: own.rows[0]!.id }
    const problems: string[] = []
    const judge = (
      route: string,
      role: Role,
      res: { statusCode: number; body: string },
      ids: Record<string, string>,
    ) => {
      const how = ids === mixed ? ' on its own case' : ''
      const rule = TABLE[route]!
      const where = `${route} as ${role} of the Police${how}: ${res.statusCode}`
      if (res.statusCode >= 500) problems.push(`${where} (server error)`)
      else if (!allows(rule, role) && !refused(res.statusCode)) problems.push(`${where}, not refused`)
      else if (allows(rule, role) && ownsData(route) && !refused(res.statusCode)) problems.push(`${where}, not refused`)
      const seen = leaked(res.body, urlOf(route, ids))
      if (seen.length) problems.push(`${where} shows ${seen.slice(0, 3).join(', ')}`)
    }
    // One chain of requests per role, side by side: each user has its own session.
    await Promise.all(
      ROLES.map(async (role) => {
        const user = police.get(role)!
        for (const route of permissionRoutes()) {
          judge(route, role, await request(route, user), fixtures)
          if (onACase(route) && allows(TABLE[route]!, role))
            judge(route, role, await request(route, user, mixed), mixed)
        }
      }),
    )
    expect(problems).toEqual([])
    // Every view of a case and every change is in the audit trail (DESIGN §3): none by the Police users touches
    // the OPCC's cases (but the record of their refusals), no OPCC case changed, and no row of the OPCC's was added
    // or removed anywhere.
    const policeIds = [...police.values()].map((u) => `user:${u.id}`)
    const touched = await h.db.pool.query(
      `SELECT a.actor_id, a.event_type FROM audit_events a JOIN cases c ON c.id = a.case_id
       WHERE a.seq > $1 AND a.actor_id = ANY($2) AND c.controller_id = $3 AND a.event_type <> $4`,
      [before.rows[0]!.seq, policeIds, OPCC, ACCESS_REFUSED],
    )
    expect(touched.rows).toEqual([])
    const after = await h.db.pool.query('SELECT id, version FROM cases WHERE controller_id = $1 ORDER BY id', [OPCC])
    expect(after.rows).toEqual(versions.rows)
    expect(await ownedRowCounts(h, OPCC)).toEqual(rows)
  }, 120_000)

  it('lets a user of the OPCC alone reach every route their role allows, on the OPCC’s own data', async () => {
    const problems: string[] = []
    for (const route of permissionRoutes()) {
      const rule = TABLE[route]!
      // Staff and copy recipients reach only what was sent or copied to them (the fixtures' demo users): the
      // route matrix covers those; here the first role with the case-wide permission stands for the controller.
      const role =
        ROLES.find((r) => allows(rule, r) && r !== 'staff' && r !== 'copy-recipient') ??
        ROLES.find((r) => allows(rule, r))!
      if ((role === 'staff' || role === 'copy-recipient') && ownsData(route)) continue
      const res = await request(route, opcc.get(role)!)
      const signIn = String(res.headers.location ?? '').startsWith('/staff/sign-in')
      if (res.statusCode >= 500 || refused(res.statusCode) || res.statusCode === 401 || signIn)
        problems.push(`${route} as ${role} of the OPCC: ${res.statusCode}`)
    }
    expect(problems).toEqual([])
  }, 120_000)

  it('shows a user holding both controllers the cases of both', async () => {
    const both = await scopedUser(h, 'correspondence', [OPCC, POLICE])
    const res = await h.app.inject({
      url: '/api/v1/cases?limit=500',
      headers: { authorization: `Bearer ${both.token}` },
    })
    const controllers = new Set((res.json().rows as { controllerId: string }[]).map((r) => r.controllerId))
    expect([...controllers].sort()).toEqual([OPCC, POLICE])
  })
})
