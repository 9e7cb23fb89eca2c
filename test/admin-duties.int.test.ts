import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { readSettings } from '../src/application/casework/settings.js'
import { createUser } from '../src/application/create-user.js'
import type { EmailJob } from '../src/application/follow-up-jobs.js'
import { requestAccessCode } from '../src/application/portal/request-access-code.js'
import { proposeAdminChange } from '../src/application/staff/admin-changes/propose.js'
import { DEMO_PASSWORD, DEMO_SECOND_ADMIN, demoEmail } from '../src/cli/demo/demo-controllers.js'
import { isDomainError } from '../src/domain/index.js'
import { createMailer } from '../src/notifications/mailer.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

/**
 * Issue 11, duties separated for administrators: one admin alone cannot give anyone (least of all itself) roles or
 * organisations, reset a password, or relax how staff sign in; a second admin must approve, the DP managers
 * concerned are told, and no admin ever sees a password, a set-password link or a requester's one-time code.
 */
let h: Harness
let outbox: string
const queued: { queue: string; data: object }[] = []
beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({ enqueue: async (_tx, queue, data) => void queued.push({ queue, data }) }),
  })
  outbox = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-outbox-'))
  h.deps.outboxDir = outbox
})
afterAll(async () => {
  await h?.close()
  await fs.rm(outbox, { recursive: true, force: true })
})
beforeEach(() => {
  queued.length = 0
})

const emails = () => queued.filter((j) => j.queue === 'email-send').map((j) => j.data as EmailJob)
const admin = () => new StaffClient(h.app).signInAs('admin')
async function secondAdmin() {
  const c = new StaffClient(h.app)
  expect(await c.signInFully(DEMO_SECOND_ADMIN.email, DEMO_PASSWORD)).toBe('/staff/admin')
  return c
}
async function userRow(email: string) {
  const r = await h.db.pool.query('SELECT id, roles, controller_ids, password_hash FROM users WHERE email = $1', [
    email,
  ])
  return r.rows[0] as { id: string; roles: string[]; controller_ids: string[]; password_hash: string | null }
}
async function newStaff(controllerIds = ['northshire-opcc']) {
  const email = `p-${randomBytes(4).toString('hex')}@test.example`
  const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: 'Pat Person',
    roles: ['staff'],
    controllerIds,
    password: 'correct horse battery',
  })
  return { id, email, password: 'correct horse battery' }
}
async function pendingChangeIds(): Promise<string[]> {
  const r = await h.db.pool.query(`SELECT id FROM admin_changes WHERE status = 'pending' ORDER BY proposed_at`)
  return r.rows.map((row: { id: string }) => row.id)
}
async function auditTypes(): Promise<string[]> {
  const r = await h.db.pool.query<{ event_type: string }>('SELECT event_type FROM audit_events ORDER BY seq')
  return r.rows.map((row) => row.event_type)
}

describe('an administrator alone', () => {
  it('cannot give itself case roles or another organisation', async () => {
    const opccAdminEmail = `opcc-admin-${randomBytes(3).toString('hex')}@test.example`
    const { id } = await createUser(h.deps, SYSTEM_ACTOR, {
      email: opccAdminEmail,
      name: 'Olly OPCC Admin',
      roles: ['admin'],
      controllerIds: ['northshire-opcc'],
      password: 'correct horse battery',
    })
    const c = new StaffClient(h.app)
    expect(await c.signInFully(opccAdminEmail, 'correct horse battery')).toBe('/staff/admin')
    await c.get(`/staff/admin/users/${id}`)
    const res = await c.post(`/staff/admin/users/${id}`, {
      name: 'Olly OPCC Admin',
      roles: ['admin', 'dp-manager'],
      controllerIds: ['northshire-opcc', 'northshire-police'],
    })
    expect(res.statusCode).toBe(400)
    expect(c.$(res)('.govuk-error-summary').text()).toContain('You cannot change your own roles or organisations')
    expect(await userRow(opccAdminEmail)).toMatchObject({ roles: ['admin'], controller_ids: ['northshire-opcc'] })
    expect(await pendingChangeIds()).toEqual([])
    // Nor through the application layer, nor for a colleague of the other organisation.
    const actor = {
      kind: 'user' as const,
      id,
      name: 'Olly',
      roles: ['admin' as const],
      controllerIds: ['northshire-opcc'],
    }
    const police = await newStaff(['northshire-police'])
    for (const attempt of [
      { kind: 'reset-password' as const, targetUserId: id },
      { kind: 'reset-password' as const, targetUserId: police.id },
    ]) {
      const refused = await proposeAdminChange(h.deps, actor, attempt).catch((e: unknown) => e)
      expect(isDomainError(refused) && refused.code).toBe('not-permitted')
    }
  })

  it('only proposes a grant of roles: nothing changes until a second admin approves, never the proposer', async () => {
    const p = await newStaff()
    const first = await admin()
    await first.get(`/staff/admin/users/${p.id}`)
    const proposed = await first.post(`/staff/admin/users/${p.id}`, {
      name: 'Pat Person',
      roles: ['staff', 'dp-manager'],
      controllerIds: ['northshire-opcc', 'northshire-police'],
    })
    expect(proposed.headers.location).toBe(`/staff/admin/users/${p.id}?accessProposed=1`)
    expect(await userRow(p.email)).toMatchObject({ roles: ['staff'], controller_ids: ['northshire-opcc'] })
    const [changeId] = await pendingChangeIds()
    expect(changeId).toBeDefined()
    // The DP managers of both organisations are told of the proposal.
    expect(emails().some((e) => e.to.includes(demoEmail('dp-manager')) && e.subject.includes('proposed'))).toBe(true)

    await first.get('/staff/admin/changes')
    expect((await first.post(`/staff/admin/changes/${changeId}/approve`, {})).statusCode).toBe(403)
    expect(await userRow(p.email)).toMatchObject({ roles: ['staff'] })

    const second = await secondAdmin()
    const list = await second.get('/staff/admin/changes')
    expect(list.body).toContain('Change the roles and organisations of Pat Person')
    expect((await second.post(`/staff/admin/changes/${changeId}/approve`, {})).statusCode).toBe(303)
    const after = await userRow(p.email)
    expect(after.roles.sort()).toEqual(['dp-manager', 'staff'])
    expect(after.controller_ids.sort()).toEqual(['northshire-opcc', 'northshire-police'])
    expect(emails().some((e) => e.to.includes(demoEmail('dp-manager')) && e.subject.includes('approved'))).toBe(true)
    expect(await auditTypes()).toEqual(expect.arrayContaining(['AdminChangeProposed', 'AdminChangeApproved']))
  })

  it('adds an account only when a second admin approves, and the new colleague chooses their own password', async () => {
    const first = await admin()
    await first.get('/staff/admin/users/new')
    const email = `new-${randomBytes(3).toString('hex')}@test.example`
    const res = await first.post('/staff/admin/users/new', {
      name: 'Nia Searcher',
      email,
      roles: ['staff'],
      controllerIds: ['northshire-police'],
      team: 'Finance',
    })
    expect(res.headers.location).toBe('/staff/admin/changes?proposed=1')
    expect(await userRow(email)).toBeUndefined()
    const second = await secondAdmin()
    await second.get('/staff/admin/changes')
    await second.post(`/staff/admin/changes/${(await pendingChangeIds())[0]}/approve`, {})
    expect(await userRow(email)).toMatchObject({
      roles: ['staff'],
      controller_ids: ['northshire-police'],
      password_hash: null,
    })
    const link = emails().find((e) => e.to.includes(email))
    expect(link).toMatchObject({ secret: 'set-password-link' })
  })
})

describe('password resets', () => {
  it('show no password to anyone: once approved, the person is emailed a link that sets a password once, for 24 hours', async () => {
    const p = await newStaff()
    const first = await admin()
    const page = await first.get(`/staff/admin/users/${p.id}`)
    expect(page.body).toContain('Propose a password reset')
    const proposed = await first.post(`/staff/admin/users/${p.id}/reset-password`, {})
    expect(proposed.headers.location).toBe(`/staff/admin/users/${p.id}?resetProposed=1`)
    const shown = await first.get(String(proposed.headers.location))
    expect(first.$(shown)('#temporary-password')).toHaveLength(0)
    expect(await new StaffClient(h.app).signInFully(p.email, p.password)).toBe('/staff/tasks')

    const second = await secondAdmin()
    await second.get('/staff/admin/changes')
    const approved = await second.post(`/staff/admin/changes/${(await pendingChangeIds())[0]}/approve`, {})
    expect(approved.statusCode).toBe(303)
    expect((await second.get('/staff/admin/changes')).body).not.toMatch(/set-password\/[A-Za-z0-9_-]{43}/)
    expect(await new StaffClient(h.app).signInFully(p.email, p.password)).toBeNull()

    const mail = emails().find((e) => e.to.includes(p.email))!
    expect(mail.secret).toBe('set-password-link')
    const token = /\/staff\/set-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!
    const stored = await h.db.pool.query(
      'SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS ttl FROM password_set_tokens',
    )
    expect(stored.rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token)
    expect(stored.rows.at(-1).ttl).toBe(24 * 3600)

    const person = new StaffClient(h.app)
    expect((await person.get(`/staff/set-password/${token}`)).headers.location).toBe('/staff/set-password')
    await person.get('/staff/set-password')
    const weak = await person.post('/staff/set-password', { next: 'password1234', confirm: 'password1234' })
    expect(person.$(weak)('.govuk-error-summary').text()).toContain('too common')
    const set = await person.post('/staff/set-password', {
      next: 'harbour violet kettle',
      confirm: 'harbour violet kettle',
    })
    expect(set.headers.location).toBe('/staff/sign-in?passwordSet=1')
    expect(await new StaffClient(h.app).signInFully(p.email, 'harbour violet kettle')).toBe('/staff/tasks')
    expect((await new StaffClient(h.app).get(`/staff/set-password/${token}`)).statusCode).toBe(410)
  })
})

describe('the outbox an administrator reads', () => {
  it('hides one-time codes, set-password links and passwords', async () => {
    const r = await h.db.pool.query<{ reference: string; email: string }>(
      `SELECT reference, state->'subject'->>'email' AS email FROM cases WHERE state->'subject'->>'email' IS NOT NULL LIMIT 1`,
    )
    const { reference, email } = r.rows[0]!
    await requestAccessCode(h.deps, {
      reference,
      email,
      compose: ({ code }) => ({ subject: 'Your code to follow your request', text: `Your code is ${code}` }),
    })
    const job = emails().find((e) => e.to.includes(email.toLowerCase()))!
    expect(job.secret).toBe('one-time-code')
    const mailer = createMailer({ smtpUrl: undefined, from: 'Rightsdesk <a@test.example>', outboxDir: outbox })
    await mailer.send({ to: job.to, subject: job.subject, text: job.text, secret: job.secret })
    await mailer.send({ to: 'someone@test.example', subject: 'An ordinary letter', text: 'Dear someone' })
    const code = /\d{6}/.exec(job.text)![0]

    const c = await admin()
    const list = await c.get('/staff/admin/outbox')
    expect(list.body).toContain('hidden: contains a one-time code')
    expect(list.body).not.toContain(code)
    const files = (await fs.readdir(outbox)).sort()
    const opened = await Promise.all(files.map((f) => c.get(`/staff/admin/outbox/${f}`)))
    expect(opened.map((o) => o.statusCode).sort()).toEqual([200, 403])
    expect(opened.some((o) => o.body.includes(code))).toBe(false)
  })
})

describe('who must use an authenticator app', () => {
  it('is relaxed only when a second admin approves, and the change is audited with both names', async () => {
    const first = await admin()
    const form = first.$(await first.get('/staff/admin/settings'))
    const fields: Record<string, string | string[]> = {}
    form('form[action="/staff/admin/settings"] input, form[action="/staff/admin/settings"] textarea').each((_i, el) => {
      const name = form(el).attr('name')
      const type = form(el).attr('type')
      if (!name || name === '_csrf') return
      if ((type === 'checkbox' || type === 'radio') && form(el).attr('checked') === undefined) return
      const value = form(el).is('textarea') ? form(el).text() : (form(el).attr('value') ?? '')
      fields[name] = name in fields ? [fields[name]!].flat().concat(value) : value
    })
    fields.totpRequiredRoles = ['admin', 'dp-manager', 'chief-executive']
    const res = await first.post('/staff/admin/settings', fields)
    expect(res.headers.location).toBe('/staff/admin/settings?proposed=1')
    expect((await readSettings(h.db.pool)).totpRequiredRoles).toContain('reviewer')

    const second = await secondAdmin()
    await second.get('/staff/admin/changes')
    await second.post(`/staff/admin/changes/${(await pendingChangeIds())[0]}/approve`, {})
    expect((await readSettings(h.db.pool)).totpRequiredRoles).not.toContain('reviewer')
    const audit = await h.db.pool.query(
      `SELECT actor_id, payload FROM audit_events WHERE event_type = 'SettingsChanged' ORDER BY seq DESC LIMIT 1`,
    )
    expect(audit.rows[0].payload).toMatchObject({ keys: ['totpRequiredRoles'], approvedChangeId: expect.any(String) })
  })
})
