import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { act, dateFields, doAction } from './support/casework-steps.js'

// Complaints (DPA s.164A) and regulator enquiries, logged against a case and answered through the staff pages.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const today = () => localDateInLondon(h.deps.clock.now())
const caseIdFrom = (location: unknown) => /\/staff\/cases\/([0-9a-f-]{36})/.exec(String(location))![1]!

describe('a complaint and a regulator enquiry about a case', () => {
  it('acknowledges a complaint (s.164A), records the outcome, and the approved outcome letter goes by post', async () => {
    const c = await new StaffClient(h.app).signInAs('correspondence')
    const list = await c.get('/staff/cases?show=all&status=closed')
    const parentId = /href="\/staff\/cases\/([0-9a-f-]{36})"/.exec(list.body)![1]!
    await c.get(`/staff/cases/${parentId}/log-related`)
    const logged = await c.post(`/staff/cases/${parentId}/log-related`, {
      caseType: 'complaint',
      channel: 'email',
      ...dateFields('receivedOn', today()),
      description: 'You answered my request late',
    })
    expect(logged.statusCode).toBe(303)
    const complaintId = caseIdFrom(logged.headers.location)
    const page = await c.get(`/staff/cases/${complaintId}/acknowledge`)
    expect(page.statusCode).toBe(200)
    const check = await c.post(`/staff/cases/${complaintId}/acknowledge`, { step: 'check' })
    expect(c.$(check)('#body').text()).toContain('section 164A of the Data Protection Act 2018')
    await act(c, complaintId, 'acknowledge')

    const d = await new StaffClient(h.app).signInAs('dp-manager')
    await doAction(d, complaintId, 'start-work')
    await doAction(d, complaintId, 'complaint-outcome', {
      upheld: 'yes',
      summary: 'The response was two days late; we have changed our process.',
    })
    await d.get(`/staff/cases/${complaintId}/draft`)
    const drafted = await d.post(`/staff/cases/${complaintId}/draft`, { outcome: 'complaint-upheld' })
    expect(drafted.statusCode, d.$(drafted)('.govuk-error-summary').text()).toBe(303)
    const letter = await d.get(String(drafted.headers.location))
    expect(d.$(letter)('#body').text()).toContain('We have upheld your complaint')
    await d.post(String(drafted.headers.location), {
      subject: String(d.$(letter)('#subject').val()),
      body: d.$(letter)('#body').text(),
      step: 'submit',
    })
    const r = await new StaffClient(h.app).signInAs('reviewer')
    await r.get(`/staff/cases/${complaintId}/review`)
    expect((await r.post(`/staff/cases/${complaintId}/approve`, { step: 'do' })).statusCode).toBe(303)
    await d.get(`/staff/cases/${complaintId}/send`)
    const sent = await d.post(`/staff/cases/${complaintId}/send`, {
      method: 'post',
      protocol: ['double-envelope', 'disclaimer'],
      specialDeliveryReference: 'ZX987654321GB',
    })
    expect(sent.statusCode, d.$(sent)('.govuk-error-summary').text()).toBe(303)
    await doAction(d, complaintId, 'close')
  })

  it('logs a regulator enquiry and answers the regulator, never the requester', async () => {
    const c = await new StaffClient(h.app).signInAs('dp-manager')
    const list = await c.get('/staff/cases?show=all&status=closed')
    const parentId = /href="\/staff\/cases\/([0-9a-f-]{36})"/.exec(list.body)![1]!
    await c.get(`/staff/cases/${parentId}/log-related`)
    const logged = await c.post(`/staff/cases/${parentId}/log-related`, {
      caseType: 'regulator-case',
      channel: 'email',
      ...dateFields('receivedOn', today()),
      description: 'The ICO asks how the request was handled',
      regulatorReference: 'IC-123456-A1B2',
      ...dateFields('regulatorDueOn', addDays(today(), 20)),
    })
    expect(logged.statusCode, c.$(logged)('.govuk-error-summary').text()).toBe(303)
    const id = caseIdFrom(logged.headers.location)
    await doAction(c, id, 'regulator-enquiry', { summary: 'Asked for our search record and the response letter.' })
    await doAction(c, id, 'start-work')
    const drafted = await c.post(`/staff/cases/${id}/draft`, { outcome: 'regulator-answered' })
    const letter = await c.get(String(drafted.headers.location))
    expect(c.$(letter)('#body').text()).toMatch(/^Dear Information Commissioner’s Office( \(ICO\))?,/)
    await c.post(String(drafted.headers.location), {
      subject: String(c.$(letter)('#subject').val()),
      body: c
        .$(letter)('#body')
        .text()
        .replace('[Set out the facts, what we did and why, and what we will do now.]', 'We searched every system.'),
      step: 'submit',
    })
    const r = await new StaffClient(h.app).signInAs('reviewer')
    await r.get(`/staff/cases/${id}/review`)
    await r.post(`/staff/cases/${id}/approve`, { step: 'do' })
    await c.get(`/staff/cases/${id}/send`)
    const byEmail = await c.post(`/staff/cases/${id}/send`, { method: 'encrypted-email' })
    expect(byEmail.statusCode).toBe(400)
    expect(c.$(byEmail)('.govuk-error-summary').text()).toContain('Send the answer to the regulator by post')
  })
})
