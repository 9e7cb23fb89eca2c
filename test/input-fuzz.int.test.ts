import fc from 'fast-check'
import type { LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ROLES, can, type Role } from '../src/domain/index.js'
import { commandSchema } from '../src/web/api/schemas.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { makeFixtures, NEW_REQUEST } from './support/casework-fixtures.js'
import { listRoutes } from './support/route-list.js'
import { TABLE, type Rule } from './support/route-table.js'

/**
 * Every API route, every staff route and every public form, fed text no person types: lone UTF-16 surrogates, NUL
 * bytes, 100,000 characters, numbers and objects where text goes, arrays for single values, and ids that are not
 * ids. Whatever arrives, the answer is never a 5xx. Field names come from the forms themselves (as a browser sees
 * them), so a field added to a form is fuzzed without a line here. FUZZ_RUNS sets the runs per route (default 1:
 * ~200 routes keep it about a minute on a two-core machine; every run draws new values, so runs add up over time).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1)

let h: Harness
let fixtures: Record<string, string>
const failures: string[] = []
const covered = new Set<string>()

beforeAll(async () => {
  h = await startHarness()
  fixtures = await makeFixtures(h)
})
afterAll(async () => {
  await h?.close()
})
beforeEach(() => {
  failures.length = 0 // each test reports its own 5xx answers
})

const nasty = fc.constantFrom(
  '\ud800',
  'Sam \udc00 Lee',
  '\udfff\ud800',
  '\u0000',
  'x\u0000y',
  '\u202eexe.pdf',
  'x'.repeat(100_000),
  '',
  '-1',
  '1e309',
  '99999999999999999999999',
  '2026-02-30',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  'northshire-opcc',
  'true',
)
const text = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 12 }))
const formValue = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) })
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), text, { maxKeys: 3 }),
)
const badId = fc.constantFrom(
  '%00',
  'abc%00def',
  'not-a-uuid',
  '%ED%A0%80', // a lone surrogate, as UTF-8 bytes
  '%FF%FE',
  'x'.repeat(5000),
  '00000000-0000-0000-0000-000000000000',
  '..%2F..%2Fetc',
  '-1',
  '1e999',
  "1'%20OR%201=1",
)
const QUERY_KEYS = ['q', 'show', 'status', 'controller', 'from', 'to', 'month', 'page', 'returnTo', 'done', 'right']
const MORE_QUERY_KEYS = ['caseType', 'search', 'limit', 'offset', 'dueBefore', 'overdue', 'open', 'mine', 'type']
const queryString = fc
  .dictionary(fc.constantFrom(...QUERY_KEYS, ...MORE_QUERY_KEYS), formValue, { maxKeys: 4 })
  .map((q) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(q)) for (const item of [v].flat()) params.append(k, item)
    return params.toString()
  })

type Mode = 'form' | 'json' | 'multipart'
const mode = fc.constantFrom<Mode>('form', 'json', 'multipart')

function record(what: string, res: LightMyRequestResponse) {
  if (res.statusCode >= 500) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`)
  return res.statusCode < 500
}

/** Field names a browser would send from the page at `url` (and a few every form might read). */
function fieldsOf(html: string): string[] {
  const $ = cheerio.load(html)
  const names = $('form input[name], form select[name], form textarea[name]')
    .map((_, el) => $(el).attr('name'))
    .get()
    .filter((n) => n !== '_csrf')
  return [...new Set([...names, 'id', 'assigneeId', 'userId', 'controllerId'])]
}

function urlOf(route: string, id?: string): string {
  const p = route.split(' ')[1]!.replace(':idOrReference|:id', ':id')
  return p.replace(/:(\w+)/g, (_m, name: string) => id ?? fixtures[name] ?? `missing-${name}`).replace(/\*$/, 'x')
}

async function send(
  client: { cookieHeader: string; csrf: string },
  url: string,
  body: Record<string, unknown>,
  how: Mode,
  extra: Record<string, string> = {},
) {
  const headers: Record<string, string> = { cookie: client.cookieHeader, ...extra }
  if (how === 'json') {
    return h.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ _csrf: client.csrf, ...body }),
    })
  }
  const flat = Object.entries({ _csrf: client.csrf, ...body }).flatMap(([k, v]) =>
    [v].flat().map((item) => [k, typeof item === 'string' ? item : JSON.stringify(item)] as const),
  )
  if (how === 'form') {
    const params = new URLSearchParams()
    for (const [k, v] of flat) params.append(k, v)
    return h.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    })
  }
  const boundary = '----fuzz'
  const parts = flat.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${v}\r\n`,
  )
  return h.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
  })
}

/** Someone who may use the route, signed in afresh when the last request signed them out. */
const clients = new Map<string, StaffClient>()
async function clientFor(rule: Rule): Promise<StaffClient> {
  const role: Role | 'anonymous' =
    'any' in rule ? (ROLES.find((r) => rule.any.some((p) => can([r], p))) ?? 'anonymous') : 'anonymous'
  const known = clients.get(role)
  const signedOut = known?.last && String(known.last.headers.location ?? '').startsWith('/staff/sign-in')
  if (known && !signedOut) return known
  const client = new StaffClient(h.app)
  if (role !== 'anonymous') await client.signInAs(role)
  await client.get('/staff/sign-in')
  clients.set(role, client)
  return client
}

describe('fuzzing every staff route', () => {
  const routes = () => Object.keys(TABLE).filter((r) => r.includes(' /staff'))

  it('POST forms: hostile values in every field the form has, urlencoded, JSON or multipart', async () => {
    for (const route of routes().filter((r) => r.startsWith('POST '))) {
      const url = urlOf(route)
      const client = await clientFor(TABLE[route]!)
      const form = await client.get(url)
      const fields = fieldsOf(form.statusCode === 200 ? form.body : '')
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), formValue, { maxKeys: 6 }), mode, async (b, how) => {
          const c = await clientFor(TABLE[route]!)
          if (!c.csrf) await c.get('/staff/sign-in')
          return record(`${route} (${how})`, await send(c, url, b, how))
        }),
        { numRuns: RUNS + 1 },
      )
      covered.add(route)
    }
    expect(failures).toEqual([])
  }, 600_000)

  it('GET pages: hostile query strings, and ids that are not ids in every path parameter', async () => {
    for (const route of routes()) {
      const client = await clientFor(TABLE[route]!)
      if (route.startsWith('GET ')) {
        await fc.assert(
          fc.asyncProperty(queryString, async (q) => record(`${route}?${q}`, await client.get(`${urlOf(route)}?${q}`))),
          { numRuns: RUNS },
        )
        covered.add(route)
      }
      if (!route.includes(':')) continue
      await fc.assert(
        fc.asyncProperty(badId, async (id) => {
          const c = await clientFor(TABLE[route]!)
          const url = urlOf(route, id)
          const res = route.startsWith('GET ') ? await c.get(url) : await send(c, url, {}, 'form')
          return record(`${route} with ${id.slice(0, 40)}`, res)
        }),
        { numRuns: RUNS },
      )
      covered.add(route)
    }
    expect(failures).toEqual([])
  }, 600_000)
})

describe('fuzzing every API route', () => {
  const commandTypes = commandSchema.options.map((o) => o.shape.type.value)
  let auth: Record<string, string>

  beforeAll(async () => {
    auth = { authorization: `Bearer ${await h.tokenFor('dp-manager')}` }
  })

  const post = (url: string, payload: string) =>
    h.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/json' }, payload })

  it('POST /api/v1/cases: a valid request with any field replaced, or any JSON at all', async () => {
    const keys = ['controllerId', 'receivedAt', 'subject', 'right', 'request', 'requesterType', 'parentCaseId']
    const body = fc.oneof(
      fc.record({ key: fc.constantFrom(...keys), value: jsonValue }).map(({ key, value }) => ({
        ...NEW_REQUEST,
        subject: { ...NEW_REQUEST.subject, name: typeof value === 'string' ? value : 'Sam' },
        [key]: value,
      })),
      jsonValue,
    )
    await fc.assert(
      fc.asyncProperty(body, async (b) => record('POST /api/v1/cases', await post('/api/v1/cases', JSON.stringify(b)))),
      { numRuns: RUNS * 10 },
    )
    covered.add('POST /api/v1/cases')
    expect(failures).toEqual([])
  })

  it('POST /api/v1/cases/:id/commands: every command type with hostile fields, on real and bad ids', async () => {
    const body = fc.record({
      type: fc.oneof(fc.constantFrom(...commandTypes), jsonValue),
      fields: fc.dictionary(
        fc.constantFrom('assigneeId', 'on', 'reasons', 'otherCaseId', 'letterId', 'version', 'verifiedOn', 'note'),
        jsonValue,
        { maxKeys: 4 },
      ),
    })
    const id = fc.oneof(fc.constant(fixtures.id!), badId)
    await fc.assert(
      fc.asyncProperty(body, id, async ({ type, fields }, caseId) => {
        const res = await post(`/api/v1/cases/${caseId}/commands`, JSON.stringify({ ...fields, type }))
        // typeof first: a generated object may carry its own toString key, which String() cannot call
        return record(`commands ${typeof type === 'string' ? type : typeof type}`, res)
      }),
      { numRuns: RUNS * 10 },
    )
    covered.add('POST /api/v1/cases/:idOrReference|:id/commands')
    expect(failures).toEqual([])
  })

  it('every other API POST: any JSON at all, on real and bad ids', async () => {
    const posts = Object.keys(TABLE).filter(
      (r) => r.startsWith('POST /api/v1/') && r !== 'POST /api/v1/cases' && !r.endsWith('/commands'),
    )
    for (const route of posts) {
      // undefined: the fixture's real case and letter ids
      const id = fc.oneof(fc.constant(undefined), badId)
      const body = fc.oneof(
        jsonValue,
        fc.dictionary(fc.constantFrom('body', 'files', 'version', 'letterId'), jsonValue),
      )
      await fc.assert(
        fc.asyncProperty(body, id, async (b, caseId) => {
          const url = urlOf(route, caseId)
          return record(`${route} ${url.slice(0, 80)}`, await post(url, JSON.stringify(b)))
        }),
        { numRuns: RUNS * 3 },
      )
      covered.add(route)
    }
    expect(failures).toEqual([])
  })

  it('GET routes: hostile query strings and ids', async () => {
    const gets = Object.keys(TABLE).filter((r) => r.startsWith('GET /api/v1'))
    for (const route of gets) {
      await fc.assert(
        fc.asyncProperty(queryString, badId, async (q, id) => {
          const url = `${urlOf(route, route.includes(':') ? id : undefined)}?${q}`
          return record(`${route} ${url.slice(0, 80)}`, await h.app.inject({ url, headers: auth }))
        }),
        { numRuns: RUNS * 3 },
      )
      covered.add(route)
    }
    expect(failures).toEqual([])
  })
})

describe('fuzzing every public form', () => {
  it('POST: hostile values in every field the page has, urlencoded, JSON or multipart', async () => {
    const posts = listRoutes(h.app).filter((r) => r.startsWith('POST /') && !/^POST \/(staff|api)(\/|$)/.test(r))
    expect(posts.length).toBeGreaterThan(15)
    for (const route of posts) {
      const url = urlOf(route)
      const client = new StaffClient(h.app) // a cookie jar that reads the CSRF token from the page, like a browser
      await client.get('/')
      const page = await client.get(url)
      const fields = fieldsOf(page.statusCode === 200 ? page.body : '')
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), formValue, { maxKeys: 6 }), mode, async (b, how) => {
          const ip = { 'x-forwarded-for': `10.6.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }
          return record(`${route} (${how})`, await send(client, url, b, how, ip))
        }),
        { numRuns: RUNS },
      )
    }
    expect(failures).toEqual([])
  }, 600_000)

  it('reached every staff and API route in the route table', () => {
    const expected = Object.keys(TABLE).filter((r) => !('docs' in TABLE[r]!))
    expect(expected.filter((r) => !covered.has(r))).toEqual([])
  })
})
