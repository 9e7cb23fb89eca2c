import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { complaintAcknowledgementDue } from '../src/domain/index.js'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { references } from './support/portal-journeys.js'

// Staff casework is built alongside this portal; while its files are mid-change the portal tests still run.
vi.mock('../src/web/staff/index.js', async (importOriginal) => {
  try {
    return await importOriginal()
  } catch {
    return { registerStaff: async () => undefined }
  }
})

let h: Harness
const mails: { to: string[]; subject: string; text: string }[] = []

beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        if (queue === 'email-send') mails.push(data as (typeof mails)[number])
      },
    }),
  })
  h.setNow('2026-07-06T09:30:00Z')
})
afterAll(async () => {
  await h?.close()
})

async function caseOf(reference: string): Promise<CaseState> {
  return (await h.db.pool.query('SELECT state FROM cases WHERE reference = $1', [reference])).rows[0].state
}

describe('complaint form (DPA 2018 s.164A)', () => {
  it('creates a complaint case whose clock tracks the 30-day acknowledgement, and acknowledges it by email', async () => {
    const client = new PortalClient(h.app)
    const form = await client.get('/complain')
    expect(form.$('h1').text()).toContain('Complain about how we handled your information')
    const empty = await client.post('/complain', {})
    expect(errorSummary(empty)).toEqual([
      'Select the organisation your complaint is about',
      'Enter your complaint',
      'Enter your full name',
      'Enter an email address or a postal address',
    ])
    const sent = await client.post('/complain', {
      controllerId: 'northshire-police',
      reference: 'NP-2026-00003',
      complaint: 'You sent my information to my old address.',
      outcome: 'An apology',
      name: 'Ali Khan',
      email: 'ali.khan@mail.example',
    })
    expect(sent.location).toBe('/complain/sent')
    const page = await client.get('/complain/sent')
    const reference = references(page)[0] ?? ''
    expect(page.$('.govuk-panel').text()).toContain(reference)
    const state = await caseOf(reference)
    expect(state).toMatchObject({ caseType: 'complaint', controllerId: 'northshire-police', channel: 'portal' })
    expect(state.request.details).toEqual({ referenceGiven: 'NP-2026-00003' })
    expect(state.parentCaseId).toBeUndefined()
    expect(state.acknowledgedOn).toBe('2026-07-06')
    expect(complaintAcknowledgementDue(state.receivedOn, h.deps.calendar)).toBe('2026-08-05')
    expect(mails.find((m) => m.to.includes('ali.khan@mail.example'))?.subject).toContain(reference)
  })

  it('by post only: nothing is recorded as acknowledged, so the office still owes a letter', async () => {
    const client = new PortalClient(h.app)
    await client.get('/complain')
    const sent = await client.post('/complain', {
      controllerId: 'northshire-opcc',
      complaint: 'No reply to my letter.',
      name: 'Pat Lee',
      line1: '4 Oak Road',
      town: 'Northtown',
      postcode: 'nt4 4dd',
    })
    expect(sent.location).toBe('/complain/sent')
    const state = await caseOf(references(await client.get('/complain/sent'))[0] ?? '')
    expect(state.acknowledgedOn).toBeUndefined()
    expect(state.subject.address).toEqual({ lines: ['4 Oak Road', 'Northtown'], postcode: 'NT4 4DD' })
  })
})

describe('withdraw consent or stop marketing', () => {
  it('withdrawing consent becomes an erasure request under the UK GDPR (Art 7(3), 17(1)(b))', async () => {
    const client = new PortalClient(h.app)
    await client.get('/withdraw-consent')
    const sent = await client.post('/withdraw-consent', {
      controllerId: 'northshire-police',
      choice: 'withdraw-consent',
      about: 'Referral to the victim support service in May',
      name: 'Sam Green',
      email: 'sam.green@mail.example',
    })
    expect(sent.location).toBe('/withdraw-consent/sent')
    const state = await caseOf(references(await client.get('/withdraw-consent/sent'))[0] ?? '')
    expect(state).toMatchObject({ caseType: 'rights-request', right: 'erasure', route: 'UK_GDPR' })
    expect(state.request.details.grounds).toContain('17(1)(b)')
  })

  it('stopping marketing becomes an objection (Art 21(2)-(3)), and the form says what is missing', async () => {
    const client = new PortalClient(h.app)
    await client.get('/withdraw-consent')
    const empty = await client.post('/withdraw-consent', { email: 'x' })
    expect(errorSummary(empty)).toEqual([
      'Select the organisation',
      'Select what you want us to do',
      'Tell us what it is about',
      'Enter your full name',
      'Enter an email address in the correct format, like name@example.com',
    ])
    expect(empty.$('#email').val()).toBe('x')
    await client.post('/withdraw-consent', {
      controllerId: 'northshire-opcc',
      choice: 'stop-marketing',
      about: 'The newsletter',
      name: 'Sam Green',
      email: 'sam.green@mail.example',
    })
    const page = await client.get('/withdraw-consent/sent')
    const state = await caseOf(references(page)[0] ?? '')
    expect(state).toMatchObject({ right: 'objection', route: 'UK_GDPR' })
    expect(state.request.details.processingObjectedTo).toBe('Direct marketing: The newsletter')
    expect(page.body).toContain('We will reply by 6 August 2026')
  })
})

describe('pages every public service has', () => {
  it('privacy notices per controller, accessibility statement and contact page', async () => {
    const client = new PortalClient(h.app)
    const list = await client.get('/privacy')
    expect(list.$('a[href="/privacy/northshire-opcc"]').length).toBe(1)
    expect(list.$('a[href="/privacy/northshire-police"]').length).toBe(1)
    const notice = await client.get('/privacy/northshire-police')
    expect(notice.$('h1').text()).toBe('Privacy notice: Northshire Police')
    expect(notice.body).toContain('information.rights@police.northshire.example')
    expect(notice.body).toContain('after 90 days if they are never checked')
    expect((await client.get('/privacy/nobody')).status).toBe(404)
    const accessibility = await client.get('/accessibility')
    expect(accessibility.$('h1').text()).toBe('Accessibility statement')
    const contact = await client.get('/contact')
    expect(contact.body).toContain('0300 123 4567')
    expect(contact.body).toContain('Wycliffe House')
    expect(contact.body).toContain('0303 123 1113')
    expect(contact.$('a[href="https://ico.org.uk/make-a-complaint/"]').length).toBe(1)
  })

  it('shows the regulator as configured in settings (the ICO is becoming the Information Commission)', async () => {
    await h.db.pool.query(
      `INSERT INTO settings (key, value, updated_by) VALUES ('regulator', $1, 'test')
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify({ name: 'Information Commission', complaintUrl: 'https://ico.org.uk/complaints/' })],
    )
    const contact = await new PortalClient(h.app).get('/contact')
    expect(contact.body).toContain('Information Commission')
    expect(contact.body).toContain('0303 123 1113')
    expect(contact.$('a[href="https://ico.org.uk/complaints/"]').length).toBe(1)
    await h.db.pool.query(
      `UPDATE settings SET value = '{"complaintUrl":"javascript:alert(1)"}' WHERE key = 'regulator'`,
    )
    const fallback = await new PortalClient(h.app).get('/contact')
    expect(fallback.body).not.toContain('javascript:')
    expect(fallback.$('a[href="https://ico.org.uk/make-a-complaint/"]').length).toBe(1)
    await h.db.pool.query(`DELETE FROM settings WHERE key = 'regulator'`)
  })
})
