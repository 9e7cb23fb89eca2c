import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { PortalClient, type Page } from './support/portal-client.js'
import { SELF_ACCESS, answer, answerAll, references, send, type JourneyAnswers } from './support/portal-journeys.js'

/**
 * Every public form POST, fed generated and hostile input: very long strings, control characters, HTML and script,
 * arrays where one value is expected, missing fields, prototype-polluting keys, pages out of order, and missing or
 * wrong CSRF tokens. The answer is never a 5xx: it is a GOV.UK error summary, a redirect, or (without a valid token)
 * a 403; and no case appears unless the page says one was sent.
 */

let h: Harness
// Runs per property (PORTAL_FUZZ_RUNS; 10 by default keeps the file near half a minute on two cores). Every run draws new
// values, so the runs of every CI add up; raise it to search harder.
const RUNS = Number(process.env.PORTAL_FUZZ_RUNS ?? 10)
const mails: { to: string[]; text: string }[] = []

beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        if (queue === 'email-send') mails.push(data as (typeof mails)[number])
      },
    }),
  })
})
afterAll(async () => {
  await h?.close()
})

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u0000\u0001\u0007\u001b[2J',
    '\u202eevil\u202c',
    "' OR 1=1 --",
    '{{7*7}}${7*7}',
    '../../etc/passwd',
    'northshire-opcc',
    'access',
    'self',
    'yes',
    '2026',
    'x'.repeat(6000),
    'é'.repeat(20_000),
  ),
  fc.integer().map(String),
)
const value = fc.oneof({ weight: 4, arbitrary: hostile }, { weight: 1, arbitrary: fc.array(hostile, { maxLength: 3 }) })
const csrfMode = fc.constantFrom('valid', 'valid', 'missing', 'wrong')

function body(fields: readonly string[]) {
  return fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor', 'toString', 'extra'), value, {
    maxKeys: fields.length + 2,
  })
}

async function caseCount(): Promise<number> {
  return (await h.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0]?.n ?? 0
}

function csrfFor(mode: string): { csrf?: string | null } {
  return mode === 'missing' ? { csrf: null } : mode === 'wrong' ? { csrf: 'forged-token' } : {}
}

/** The property every POST must satisfy, plus "no case without a confirmation". */
async function judge(page: Page, casesBefore: number) {
  expect(page.status, page.body.slice(0, 300)).toBeLessThan(500)
  if (page.status === 403) return // only without a valid token: the callers check that
  if (page.status >= 300 && page.status < 400) expect(page.location).toMatch(/^\//)
  else {
    expect(page.status).toBe(200)
    expect(page.$('.govuk-error-summary').length, page.$('h1').text()).toBe(1)
    expect(page.$('title').text()).toMatch(/^Error: /)
  }
  const created = (await caseCount()) - casesBefore
  if (created > 0) expect(page.location ?? '').toMatch(/\/(confirmation|sent)$/)
}

type Setup = () => Promise<PortalClient>

/** Fuzzes one url-encoded form. `setup` prepares a client that may legitimately post it (redone after a success). */
async function fuzzForm(path: string | (() => string), fields: readonly string[], setup: Setup) {
  let client = await setup()
  await fc.assert(
    fc.asyncProperty(body(fields), csrfMode, async (fieldValues, mode) => {
      client.ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
      const before = await caseCount()
      const url = typeof path === 'string' ? path : path()
      const hasOwnToken = Object.keys(fieldValues).includes('_csrf')
      const page = await client.post(url, fieldValues as Record<string, string | string[]>, csrfFor(mode))
      if (page.status === 403) expect(mode !== 'valid' || hasOwnToken).toBe(true)
      await judge(page, before)
      if (page.status === 303) client = await setup()
    }),
    { numRuns: RUNS },
  )
}

async function fresh(path = '/'): Promise<PortalClient> {
  const client = new PortalClient(h.app)
  await client.get(path)
  return client
}

/** A client that has answered the journey up to (not including) the page at `path`. */
function upTo(
  path: string,
  a: JourneyAnswers = {
    ...SELF_ACCESS,
    requesterType: 'solicitor-or-agent',
    representative: { repName: 'Kim Lee', relationship: 'Solicitor', organisation: 'Lee & Co' },
  },
): Setup {
  const steps: [string, Record<string, string | string[]>][] = [
    ['/request/organisation', { controllerId: a.controllerId }],
    ['/request/who-is-asking', { requesterType: a.requesterType }],
    ['/request/alive', { alive: 'yes' }],
    ['/request/rights', { rights: ['access', 'erasure'] }],
    ['/request/name', { subjectName: a.subjectName }],
    ['/request/date-of-birth', { 'dob-day': '1', 'dob-month': '2', 'dob-year': '1980' }],
    ['/request/your-details', { repName: 'Kim Lee', relationship: 'Solicitor', organisation: 'Lee & Co' }],
    ['/request/contact', a.contact],
    ['/request/response-format', { responseFormat: 'email' }],
    ['/request/details/access', { dataWanted: 'All' }],
    ['/request/details/erasure', { dataToErase: 'Old', grounds: 'Not needed' }],
    ['/request/evidence', { evidenceMethod: 'upload' }],
  ]
  return async () => {
    const client = new PortalClient(h.app)
    for (const [step, fields] of steps) {
      if (step === path) break
      await answer(client, step, fields)
    }
    await client.get(path)
    return client
  }
}

const QUESTION_FORMS: [string, string[]][] = [
  ['/request/organisation', ['controllerId']],
  ['/request/who-is-asking', ['requesterType']],
  ['/request/alive', ['alive']],
  ['/request/rights', ['rights']],
  ['/request/name', ['subjectName', 'subjectOtherNames']],
  ['/request/date-of-birth', ['dob-day', 'dob-month', 'dob-year']],
  ['/request/your-details', ['repName', 'relationship', 'organisation', 'ownReference', 'sraNumber']],
  ['/request/contact', ['email', 'phone', 'line1', 'line2', 'town', 'postcode']],
  ['/request/response-format', ['responseFormat']],
  ['/request/details/access', ['dataWanted']],
  ['/request/details/erasure', ['dataToErase', 'grounds']],
  ['/request/evidence', ['evidenceMethod']],
]

describe('fuzzing the make-a-request forms', () => {
  for (const [path, fields] of QUESTION_FORMS) {
    it(`POST ${path}`, () => fuzzForm(path, fields, upTo(path)))
  }

  it('POST to pages out of order, with an empty or half-finished session', async () => {
    const paths = [
      ...QUESTION_FORMS.map(([p]) => p),
      '/request/check',
      '/request/upload/continue',
      '/request/upload/remove',
    ]
    const halfway = upTo('/request/contact')
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.boolean(),
        body(['controllerId', 'email', 'documentId']),
        async (path, started, fields) => {
          const client = started ? await halfway() : await fresh('/request/organisation')
          const before = await caseCount()
          const page = await client.post(path, fields as Record<string, string>)
          await judge(page, before)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('POST JSON bodies of any shape (numbers, objects, nulls where text is expected)', async () => {
    const forms: [string, Setup][] = [
      ['/request/contact', upTo('/request/contact')],
      ['/request/rights', upTo('/request/rights')],
      ['/request/date-of-birth', upTo('/request/date-of-birth')],
    ]
    for (const [path, setup] of forms) {
      let client = await setup()
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          async (json) => {
            const before = await caseCount()
            const page = await client.postJson(path, json)
            await judge(page, before)
            if (page.status === 303) client = await setup()
          },
        ),
        { numRuns: RUNS },
      )
    }
  })

  it('POST /request/upload/continue and /request/upload/remove', async () => {
    const atUpload = upTo('/request/upload')
    await fuzzForm('/request/upload/continue', ['documentId'], atUpload)
    await fuzzForm('/request/upload/remove', ['documentId'], atUpload)
  })

  it('POST /request/check (send): creates cases only with a complete journey and a valid token', async () => {
    const complete: Setup = async () => {
      const client = new PortalClient(h.app)
      await answerAll(client, SELF_ACCESS)
      await client.get('/request/check')
      return client
    }
    await fuzzForm('/request/check', ['rights', 'controllerId', 'subjectName'], complete)
  })

  it('POST /request/upload (multipart, with generated files)', async () => {
    let client = await upTo('/request/upload')()
    await fc.assert(
      fc.asyncProperty(
        body(['party', 'documentType-subject', 'documentType-representative', 'documentType-authority']),
        fc.option(
          fc.record({
            filename: hostile,
            bytes: fc.uint8Array({ maxLength: 3000 }),
            type: fc.constantFrom('application/pdf', 'image/png', 'text/html'),
          }),
        ),
        csrfMode,
        async (fields, file, mode) => {
          client.ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
          const flat = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v].flat().join(',')]))
          const part = file
            ? {
                field: 'file',
                filename: file.filename.replace(/["\r\n]/g, ''),
                contentType: file.type,
                bytes: Buffer.from(file.bytes),
              }
            : null
          const before = await caseCount()
          const page = await client.postMultipart('/request/upload', flat, part, csrfFor(mode))
          await judge(page, before)
          if (page.status === 303) client = await upTo('/request/upload')()
        },
      ),
      { numRuns: RUNS },
    )
  })
})

describe('fuzzing the follow, appeal, complaint and consent forms', () => {
  it('POST /follow', () => fuzzForm('/follow', ['reference', 'email'], () => fresh('/follow')))

  it('POST /follow/code', async () => {
    const pending: Setup = async () => {
      const client = await fresh('/follow')
      await client.post('/follow', { reference: 'OPCC-2026-00001', email: 'nobody@mail.example' })
      await client.get('/follow/code')
      return client
    }
    await fuzzForm('/follow/code', ['code'], pending)
  })

  it('POST /complain and /withdraw-consent', async () => {
    const person = ['name', 'email', 'phone', 'line1', 'line2', 'town', 'postcode']
    await fuzzForm('/complain', ['controllerId', 'reference', 'complaint', 'outcome', ...person], () =>
      fresh('/complain'),
    )
    await fuzzForm('/withdraw-consent', ['controllerId', 'choice', 'about', ...person], () =>
      fresh('/withdraw-consent'),
    )
  })

  it('POST /follow/case/reply, /follow/case/appeal and /follow/sign-out while signed in', async () => {
    const r = await h.db.pool.query<{ state: CaseState }>(
      "SELECT state FROM cases WHERE status IN ('responded','closed') AND case_type = 'rights-request'",
    )
    const decided = r.rows
      .map((x) => x.state)
      .filter((s) => s.subject.email && !s.links.some((l) => l.relation === 'review'))
    const signedIn = async (state: CaseState): Promise<PortalClient> => {
      const email = state.subject.email ?? ''
      const client = await fresh('/follow')
      await client.post('/follow', { reference: state.reference, email })
      await client.get('/follow/code')
      const code =
        [...mails]
          .reverse()
          .find((m) => m.to.includes(email))
          ?.text.match(/^\d{6}$/m)?.[0] ?? ''
      expect((await client.post('/follow/code', { code })).location).toBe('/follow/case')
      await client.get('/follow/case')
      return client
    }
    const target = decided[0]
    if (!target) throw new Error('no decided demo case')
    const client = await signedIn(target)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/follow/case/reply', '/follow/case/appeal'),
        body(['message', 'fileKind', 'reasons']),
        csrfMode,
        async (path, fields, mode) => {
          client.ip = `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
          const flat = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v].flat().join(',')]))
          const before = await caseCount()
          const page = await client.postMultipart(path, flat, null, csrfFor(mode))
          expect(page.status).toBeLessThan(500)
          if (page.status === 200) expect(page.$('.govuk-error-summary').length).toBe(1)
          const created = (await caseCount()) - before
          if (created > 0) expect(page.location).toBe('/follow/case/appeal/sent')
        },
      ),
      { numRuns: RUNS },
    )
    // Signing out needs no second sign-in: once out, the same POST just leaves the visitor signed out.
    const leaving = await signedIn(decided[1] ?? target)
    await fuzzForm('/follow/sign-out', ['x'], async () => leaving)
  })

  it('a sent request still has all its cases and events: nothing half-made', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, SELF_ACCESS)
    const reference = references(await send(client))[0] ?? ''
    const events = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = $1 AND e.event_type = 'RequestLogged'",
      [reference],
    )
    expect(events.rows[0].n).toBe(1)
    const orphans = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.case_id = c.id AND e.event_type = 'RequestLogged')",
    )
    expect(orphans.rows[0].n).toBe(0)
  })
})
