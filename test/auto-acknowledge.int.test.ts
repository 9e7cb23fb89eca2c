import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSettings } from '../src/application/staff/update-settings.js'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'
import { dateFields } from './support/casework-steps.js'

// Issue 14: requests logged by staff or through the API are acknowledged automatically (seed 002: every request is
// acknowledged without undue delay), per channel, on by default, as portal requests always were.

let h: Harness
const mails: { to: string[]; subject: string; attachments?: { filename: string }[] }[] = []

beforeAll(async () => {
  h = await startHarness({
    autoAcknowledge: true,
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

const stateOf = async (id: string): Promise<CaseState> =>
  (await h.db.pool.query('SELECT state FROM cases WHERE id = $1', [id])).rows[0].state
const today = () => new Date().toISOString().slice(0, 10)

async function logByHand(channel: string, name: string, email: string) {
  const c = await new StaffClient(h.app).signInAs('correspondence')
  await c.get('/staff/cases/new')
  const res = await c.postMultipart(
    '/staff/cases/new',
    {
      controllerId: 'northshire-opcc',
      channel,
      ...dateFields('receivedOn', today()),
      right: 'access',
      route: 'UK_GDPR',
      subjectName: name,
      subjectEmail: email,
      requesterType: 'self',
      description: 'All emails about me',
    },
    [],
  )
  expect(res.statusCode, c.$(res)('.govuk-error-summary').text()).toBe(303)
  return String(res.headers.location).match(/cases\/([0-9a-f-]{36})/)![1]!
}

describe('automatic acknowledgement', () => {
  it('a request logged by hand is acknowledged by email with the letter attached, on by default', async () => {
    const email = 'ack.staff@mail.example'
    const id = await logByHand('email', 'Ada Acknowledged', email)
    expect((await stateOf(id)).acknowledgedOn).toBeTruthy()
    const mail = mails.find((m) => m.to.includes(email))
    expect(mail?.attachments?.[0]?.filename).toMatch(/-acknowledgement\.pdf$/)
    const letters = await h.db.pool.query('SELECT template, sent_at FROM letters WHERE case_id = $1', [id])
    expect(letters.rows).toEqual([expect.objectContaining({ template: 'acknowledgement' })])
  })

  it('a request sent through the API is acknowledged too', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${await h.tokenFor('correspondence')}`, 'content-type': 'application/json' },
      payload: {
        ...NEW_REQUEST,
        receivedAt: new Date().toISOString(),
        subject: { name: 'Api Ack', email: 'api.ack@mail.example' },
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect((await stateOf(res.json().id)).acknowledgedOn).toBeTruthy()
    expect(mails.some((m) => m.to.includes('api.ack@mail.example'))).toBe(true)
  })

  it('a channel the office turned off is left for the officer to acknowledge', async () => {
    const admin = await actorFor(h, 'admin')
    await updateSettings(h.deps, admin, { autoAcknowledgeChannels: ['email', 'phone', 'in-person', 'api'] })
    const page = await (await new StaffClient(h.app).signInAs('admin')).get('/staff/admin/settings')
    expect(page.body).toContain('Post, logged by staff')
    expect(page.body).toMatch(/value="post"(?![^>]*checked)/)
    expect(page.body).toMatch(/value="email"[^>]*checked/)
    const id = await logByHand('post', 'Pat Post', 'pat.post@mail.example')
    expect((await stateOf(id)).acknowledgedOn ?? null).toBeNull()
    expect(mails.some((m) => m.to.includes('pat.post@mail.example'))).toBe(false)
  })
})
