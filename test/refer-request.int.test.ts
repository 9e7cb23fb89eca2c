import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findCase } from '../src/persistence/repositories/case-repository.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// Seed 002 ("Process on receipt"): any member of staff who receives a request passes it to Correspondence. The clock
// starts on the day the organisation received it (UK GDPR Art 12A(1)), not on the day Correspondence logs it.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

describe('any member of staff refers a request they received to Correspondence', () => {
  it('is logged with the day it reached them, on the timeline as theirs, and the clock runs from that day', async () => {
    const staff = await new StaffClient(h.app).signInAs('staff')
    const form = await staff.get('/staff/refer')
    expect(form.statusCode).toBe(200)
    expect(staff.$()('h1').text()).toContain('Pass on a request you received')

    const empty = await staff.post('/staff/refer', { channel: 'email' })
    expect(empty.statusCode).toBe(400)
    expect(staff.$()('.govuk-error-summary').text()).toContain('There is a problem')

    const done = await staff.post('/staff/refer', {
      controllerId: 'northshire-opcc',
      channel: 'in-person',
      'receivedOn-day': '2',
      'receivedOn-month': '11',
      'receivedOn-year': '2026',
      right: 'access',
      route: 'UK_GDPR',
      requesterType: 'self',
      subjectName: 'Priya Referral',
      subjectEmail: 'priya@mail.example',
      description: 'Asked at the front desk for the CCTV of her visit',
    })
    expect(done.statusCode, done.body).toBe(303)
    const reference = decodeURIComponent(String(done.headers.location).split('referred=')[1] ?? '')
    const shown = await staff.get(String(done.headers.location))
    expect(staff.$()('.govuk-panel').text()).toContain(reference)

    const row = await h.db.pool.query<{ id: string }>('SELECT id FROM cases WHERE reference = $1', [reference])
    const state = (await findCase(h.db.pool, row.rows[0]!.id))!
    expect(shown.statusCode).toBe(200)
    expect(state.receivedOn).toBe('2026-11-02')
    expect(state.status).toBe('received')
    // Correspondence sees it with the clock running from 2 November, not from today.
    const correspondence = await new StaffClient(h.app).signInAs('correspondence')
    const page = await correspondence.get(`/staff/cases/${state.id}`)
    expect(page.statusCode).toBe(200)
    const main = correspondence.$()('main').text().replace(/\s+/g, ' ')
    expect(main).toContain('Due by Wednesday 2 December 2026')
    // The timeline names the member of staff who received it.
    expect(main).toMatch(/Request received by in-person on 2 November 2026 by [A-Z][a-z]+ [A-Z]/)
  })

  it('is not open to someone who only reads cases they are copied on', async () => {
    const copy = await new StaffClient(h.app).signInAs('copy-recipient')
    expect((await copy.get('/staff/refer')).statusCode).toBe(403)
  })
})
