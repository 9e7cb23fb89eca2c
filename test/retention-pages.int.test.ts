import fs from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { createUser } from '../src/application/create-user.js'
import { proposeDisposalList } from '../src/application/governance/disposal-list.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { addMonthsClamped, localDateInLondon, type Role } from '../src/domain/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { actorFor } from './support/casework-fixtures.js'

// Retention schedule, disposal lists and legal holds through the staff pages, with the real disposal job running.

let h: Harness
let jobs: Jobs
const clients = new Map<Role, StaffClient>()
const as = async (role: Role) => {
  if (!clients.has(role)) clients.set(role, await new StaffClient(h.app).signInAs(role))
  return clients.get(role)!
}
const today = () => localDateInLondon(new Date())

beforeAll(async () => {
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, 'out'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
})

const count = async (sql: string, params: unknown[] = []) =>
  (await h.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) x`, params)).rows[0]!.n
const errorSummary = (c: StaffClient) => c.$()('.govuk-error-summary').text().replace(/\s+/g, ' ')

/** Every row of every table in the public schema that mentions the text. */
async function rowsMentioning(text: string): Promise<string[]> {
  const tables = await h.db.pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
  )
  const hits: string[] = []
  for (const { tablename } of tables.rows) {
    const n = await count(`SELECT 1 FROM "${tablename}" t WHERE t::text ILIKE '%' || $1 || '%'`, [text])
    if (n > 0) hits.push(`${tablename}: ${n}`)
  }
  return hits
}

async function blobCount(): Promise<number> {
  let n = 0
  for (const dir of await fs.readdir(h.blobDir).catch(() => []))
    if (dir.length === 2) n += (await fs.readdir(path.join(h.blobDir, dir))).length
  return n
}

describe('the retention schedule', () => {
  it('shows every rule with its reason, and that identity documents go once identity is verified', async () => {
    for (const role of ['dp-manager', 'chief-executive', 'admin'] as const) {
      const res = await (await as(role)).get('/staff/governance/retention')
      expect(res.statusCode).toBe(200)
      expect(res.body).toContain('Limitation Act 1980')
      expect(res.body).toContain('deleted as soon as the requester’s identity is verified')
      expect(res.body.includes('/staff/governance/retention/rights-request"')).toBe(role === 'admin')
    }
  })

  it('will not change a rule without a reason for the change, and stores nothing until the form is right', async () => {
    const admin = await as('admin')
    await admin.get('/staff/governance/retention/rights-request')
    const res = await admin.post('/staff/governance/retention/rights-request', {
      months: 'six',
      action: 'delete',
      reason: 'Six months is enough.',
      changeReason: '',
    })
    expect(res.statusCode).toBe(422)
    expect(errorSummary(admin)).toContain('Enter a whole number of months from 1 to 1200')
    expect(errorSummary(admin)).toContain('Say why you are making this change')
    expect(admin.$()('#months').val()).toBe('six')
    expect(await count('SELECT 1 FROM retention_rules')).toBe(0)
    expect(await count("SELECT 1 FROM audit_events WHERE event_type = 'RetentionRuleSaved'")).toBe(0)
  })

  it('saves a changed rule with a confirmation, and keeps the old rule, the new one and the reason in the audit trail', async () => {
    const admin = await as('admin')
    const reason = 'Six months: long enough for a complaint to us or to the regulator (test schedule).'
    const res = await admin.post('/staff/governance/retention/rights-request', {
      months: '6',
      action: 'delete',
      reason,
      changeReason: 'Agreed at the monthly compliance meeting',
    })
    expect(res.statusCode).toBe(303)
    const page = await admin.follow(res)
    expect(page.body).toContain('The rule is saved')
    expect(page.body).toContain(reason)
    const saved = await h.db.pool.query("SELECT months, updated_by FROM retention_rules WHERE id = 'rights-request'")
    expect(saved.rows[0]).toMatchObject({ months: 6 })
    const audit = await h.db.pool.query(
      "SELECT actor_id, payload FROM audit_events WHERE event_type = 'RetentionRuleSaved' ORDER BY seq DESC LIMIT 1",
    )
    expect(audit.rows[0].payload).toMatchObject({
      before: { id: 'rights-request', months: 24 },
      after: { id: 'rights-request', months: 6, reason },
      changeReason: 'Agreed at the monthly compliance meeting',
    })
    expect(audit.rows[0].actor_id).toBe(`user:${(await actorFor(h, 'admin')).id}`)
  })

  it('adds a rule for one outcome, and refuses an empty form or a second rule for the same outcome', async () => {
    const admin = await as('admin')
    await admin.get('/staff/governance/retention/new')
    let res = await admin.post('/staff/governance/retention/new', {})
    expect(res.statusCode).toBe(422)
    for (const message of ['Choose the case type', 'Choose the outcome', 'Choose delete or anonymise'])
      expect(errorSummary(admin)).toContain(message)
    const rule = {
      caseType: 'complaint',
      outcome: 'complaint-upheld',
      months: '96',
      action: 'anonymise',
      reason: 'Eight years: upheld complaints inform the annual report and any later claim.',
      changeReason: 'New policy on upheld complaints',
    }
    res = await admin.post('/staff/governance/retention/new', rule)
    expect(res.statusCode).toBe(303)
    expect((await admin.follow(res)).body).toContain('Eight years: upheld complaints')
    res = await admin.post('/staff/governance/retention/new', rule)
    expect(res.statusCode).toBe(422)
    expect(errorSummary(admin)).toContain('There is already a rule for this case type and outcome')
    expect(await count("SELECT 1 FROM retention_rules WHERE case_type = 'complaint'")).toBe(2)
  })
})

describe('monthly disposal', () => {
  let listId = ''

  it('lets the DP manager propose this month’s list of cases past retention, but not approve it', async () => {
    const dp = await as('dp-manager')
    await dp.get('/staff/governance/disposal')
    // The demo DP manager works for both organisations: each has its own list (issue 11), so they say whose.
    expect((await dp.post('/staff/governance/disposal', {})).statusCode).toBe(422)
    expect(errorSummary(dp)).toContain('Choose the organisation whose records the list is for')
    const res = await dp.post('/staff/governance/disposal', { controllerId: 'northshire-opcc' })
    expect(res.statusCode).toBe(303)
    listId = String(res.headers.location).split('/').pop()!.split('?')[0]!
    const page = await dp.follow(res)
    expect(page.body).toContain('It now needs approval by the authorising officer')
    const items = (await h.db.pool.query('SELECT items FROM disposal_lists WHERE id = $1', [listId])).rows[0].items
    expect(items.length).toBeGreaterThan(3)
    for (const item of items) expect(item.retainUntil < today()).toBe(true)
    // Closed within the last six months: not due under the changed rule, so not on the list.
    const recent = await h.db.pool.query(
      "SELECT reference FROM cases WHERE status = 'closed' AND (state->>'closedOn') > $1",
      [addMonthsClamped(today(), -5)],
    )
    expect(recent.rows.length).toBeGreaterThan(0)
    for (const r of recent.rows) expect(page.body).not.toContain(r.reference)
    expect(page.body).not.toContain('Approve and dispose')
    expect((await dp.post(`/staff/governance/disposal/${listId}/approve`, { confirm: 'checked' })).statusCode).toBe(403)
    expect((await dp.post('/staff/governance/disposal', { controllerId: 'northshire-opcc' })).statusCode).toBe(409)
    expect(errorSummary(dp)).toContain('waiting for approval')
  })

  it('refuses, in words, an officer who holds both roles approving a list they proposed', async () => {
    const email = 'both-roles@test.example'
    const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
      email,
      name: 'Pat Both',
      roles: ['dp-manager', 'chief-executive'],
      controllerIds: ['northshire-opcc'],
      password: 'both-roles-password',
    })
    const own = await proposeDisposalList(
      h.deps,
      { kind: 'user', id, name: 'Pat Both', roles: ['dp-manager', 'chief-executive'], controllerIds: null },
      '2026-01',
      'northshire-opcc',
    )
    const both = new StaffClient(h.app)
    await both.signInFully(email, 'both-roles-password')
    const page = await both.get(`/staff/governance/disposal/${own.id}`)
    expect(page.body).toContain('You proposed this list, so someone else must approve it')
    const res = await both.post(`/staff/governance/disposal/${own.id}/approve`, { confirm: 'checked' })
    expect(res.statusCode).toBe(409)
    expect(errorSummary(both)).toContain('must be approved by someone other than the person who proposed it')
    expect((await h.db.pool.query('SELECT status FROM disposal_lists WHERE id = $1', [own.id])).rows[0].status).toBe(
      'proposed',
    )
  })

  it('disposes, once the Chief Executive confirms, of every listed case except one placed on legal hold, leaving only the disposal record', async () => {
    const dp = await as('dp-manager')
    const ce = await as('chief-executive')
    const items: { caseId: string; reference: string }[] = (
      await h.db.pool.query('SELECT items FROM disposal_lists WHERE id = $1', [listId])
    ).rows[0].items
    // A requester whose name appears on no other case, so "nothing mentions them" is a fair test.
    const named = await h.db.pool.query<{ id: string; requester_name: string; requester_email: string | null }>(
      `SELECT id, requester_name, requester_email FROM cases c WHERE id = ANY($1::uuid[])
         AND (SELECT count(*) FROM cases o WHERE o.requester_name = c.requester_name) = 1 ORDER BY reference`,
      [items.map((i) => i.caseId)],
    )
    const gone = named.rows[0]!
    const held = items.find((i) => i.caseId !== gone.id)!
    // The demo holds other files (the disclosure demo's material): count this case's only.
    const before = await blobCount()
    await withTransaction(h.deps.pool, async (tx) =>
      storeDocumentIn(tx, h.deps, await actorFor(h, 'dp-manager'), {
        caseId: gone.id,
        kind: 'response',
        filename: `${gone.requester_name} disclosure.pdf`,
        contentType: 'application/pdf',
        bytes: Buffer.from(`${gone.requester_name} records`),
      }),
    )
    expect(await blobCount()).toBe(before + 1)
    await dp.get(`/staff/cases/${held.caseId}/legal-hold`)
    expect((await dp.post(`/staff/cases/${held.caseId}/legal-hold`, { reason: 'Claim issued' })).statusCode).toBe(303)

    let page = await ce.get(`/staff/governance/disposal/${listId}`)
    expect(page.body).toContain('Approve and dispose of these cases')
    expect(ce.$()(`#item-${held.reference}`).text()).toContain('On hold')
    let res = await ce.post(`/staff/governance/disposal/${listId}/approve`, {})
    expect(res.statusCode).toBe(422)
    expect(errorSummary(ce)).toContain('Confirm that you have checked the cases on this list')
    expect((await h.db.pool.query('SELECT status FROM disposal_lists WHERE id = $1', [listId])).rows[0].status).toBe(
      'proposed',
    )
    res = await ce.post(`/staff/governance/disposal/${listId}/approve`, { confirm: 'checked' })
    expect(res.statusCode).toBe(303)
    expect((await ce.follow(res)).body).toContain('The list is approved')

    const until = Date.now() + 60_000
    const status = async () =>
      (await h.db.pool.query('SELECT status FROM disposal_lists WHERE id = $1', [listId])).rows[0].status
    while ((await status()) !== 'completed') {
      if (Date.now() > until) throw new Error('the disposal job did not complete')
      await new Promise((r) => setTimeout(r, 200))
    }
    while ((await blobCount()) > before && Date.now() < until) await new Promise((r) => setTimeout(r, 100))

    page = await ce.get(`/staff/governance/disposal/${listId}`)
    const $ = ce.$(page)
    expect($('#list-status').text()).toContain('Disposal run')
    expect($(`#item-${held.reference}`).text()).toContain('Kept: on legal hold')
    expect($('#disposal-records').text()).toContain(items.find((i) => i.caseId === gone.id)!.reference)
    expect($('#disposal-records').text()).not.toContain(held.reference)
    expect(await count('SELECT 1 FROM cases WHERE id = $1', [gone.id])).toBe(0)
    expect(await count('SELECT 1 FROM cases WHERE id = $1', [held.caseId])).toBe(1)
    expect(await count('SELECT 1 FROM disposal_records WHERE list_id = $1', [listId])).toBe(items.length - 1)
    expect(await blobCount()).toBe(before)
    expect(await rowsMentioning(gone.requester_name)).toEqual([])
    if (gone.requester_email) expect(await rowsMentioning(gone.requester_email)).toEqual([])
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })
})

describe('legal holds on the case page', () => {
  it('needs a reason to place or lift a hold, shows the hold on the case and in the list, and audits both', async () => {
    const dp = await as('dp-manager')
    const open = (await h.db.pool.query("SELECT id, reference FROM cases WHERE status = 'in-progress' LIMIT 1")).rows[0]
    const casePage = `/staff/cases/${open.id}`
    expect((await dp.get(casePage)).body).toContain('Place a legal hold')
    await dp.get(`${casePage}/legal-hold`)
    let res = await dp.post(`${casePage}/legal-hold`, { reason: '' })
    expect(res.statusCode).toBe(422)
    expect(errorSummary(dp)).toContain('Say why the case must be kept')
    expect(await count('SELECT 1 FROM legal_holds WHERE case_id = $1', [open.id])).toBe(0)

    res = await dp.post(`${casePage}/legal-hold`, { reason: 'Regulator investigation opened' })
    expect(res.statusCode).toBe(303)
    const shown = dp
      .$(await dp.follow(res))('#legal-hold')
      .text()
    expect(shown).toContain('This case is on legal hold')
    expect(shown).toContain('Regulator investigation opened')
    expect(shown).toContain((await actorFor(h, 'dp-manager')).name)
    const reviewerView = await (await as('reviewer')).get(casePage)
    expect(reviewerView.body).toContain('Regulator investigation opened')
    expect(reviewerView.body).not.toContain('Lift the legal hold')
    const list = await (await as('chief-executive')).get('/staff/governance/legal-holds')
    expect(list.body).toContain(open.reference)
    expect(list.body).toContain('Regulator investigation opened')

    await dp.get(`${casePage}/legal-hold/lift`)
    res = await dp.post(`${casePage}/legal-hold/lift`, { reason: '' })
    expect(res.statusCode).toBe(422)
    expect(errorSummary(dp)).toContain('Say why the hold can be lifted')
    res = await dp.post(`${casePage}/legal-hold/lift`, { reason: 'Investigation closed with no action' })
    expect(res.statusCode).toBe(303)
    expect((await dp.follow(res)).body).not.toContain('This case is on legal hold')
    const events = await h.db.pool.query(
      "SELECT event_type, payload FROM audit_events WHERE case_id = $1 AND event_type LIKE 'LegalHold%' ORDER BY seq",
      [open.id],
    )
    expect(events.rows).toEqual([
      { event_type: 'LegalHoldPlaced', payload: { reason: 'Regulator investigation opened' } },
      { event_type: 'LegalHoldLifted', payload: { reason: 'Investigation closed with no action' } },
    ])
  })
})

describe('who may do what', () => {
  it('refuses with 403 everyone whose role does not allow the page or the action', async () => {
    const { id } = (await h.db.pool.query('SELECT id FROM cases LIMIT 1')).rows[0]
    const refused: [Role, 'GET' | 'POST', string][] = [
      ['staff', 'GET', '/staff/governance/retention'],
      ['correspondence', 'GET', '/staff/governance/disposal'],
      ['admin', 'GET', '/staff/governance/disposal'],
      ['dp-manager', 'GET', '/staff/governance/retention/rights-request'],
      ['chief-executive', 'POST', '/staff/governance/retention/new'],
      ['chief-executive', 'POST', '/staff/governance/disposal'],
      ['reviewer', 'GET', '/staff/governance/legal-holds'],
      ['reviewer', 'POST', `/staff/cases/${id}/legal-hold`],
      ['copy-recipient', 'GET', `/staff/cases/${id}/legal-hold/lift`],
    ]
    for (const [role, method, url] of refused) {
      const c = await as(role)
      if (method === 'POST') await c.get('/staff/account/password')
      const res = method === 'GET' ? await c.get(url) : await c.post(url, { reason: 'A reason given anyway' })
      expect(`${role} ${method} ${url}: ${res.statusCode}`).toBe(`${role} ${method} ${url}: 403`)
    }
  })
})
