import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// Seed 002: a third party's consent before their data goes out (DPA 2018 Sch 2 Part 3 para 16) and compensation
// claims (UK GDPR Art 82; DPA 2018 s.168) are recorded through the API and the case page, and shown on both.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

describe('consent and compensation records on a case', () => {
  it('are taken by the API and the case form, shown on the case page and its timeline, and in the API', async () => {
    const logged = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth(await h.tokenFor('correspondence')),
      payload: {
        controllerId: 'northshire-opcc',
        right: 'access',
        route: 'UK_GDPR',
        channel: 'email',
        receivedAt: new Date().toISOString(),
        subject: { name: 'Cora Consent', email: 'cora@mail.example' },
        request: { description: 'My complaint file', actionWanted: 'A copy' },
      },
    })
    expect(logged.statusCode, logged.body).toBe(201)
    const id = (logged.json() as { id: string }).id
    const today = new Date().toISOString().slice(0, 10)
    const post = async (payload: object) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/commands`,
        headers: auth(await h.tokenFor('dp-manager')),
        payload,
      })
    const bad = await post({ type: 'SeekThirdPartyConsent', whoAsked: '', how: 'by letter', askedOn: today })
    expect(bad.statusCode).toBe(422)
    const asked = await post({
      type: 'SeekThirdPartyConsent',
      whoAsked: 'The witness named in the complaint file',
      how: 'by letter',
      askedOn: today,
    })
    expect(asked.statusCode, asked.body).toBeLessThan(300)

    // The caseworker records the answer on the case page's form.
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get(`/staff/cases/${id}/record-consent`)
    const noReasons = await dp.post(`/staff/cases/${id}/record-consent`, {
      number: '1',
      answer: 'no-reply',
      disclosure: 'disclose-without-consent',
      reasons: 'None',
    })
    expect(noReasons.statusCode).toBe(400)
    expect(dp.$()('.govuk-error-summary').text()).toContain('at least 20 characters')
    const answered = await dp.post(`/staff/cases/${id}/record-consent`, {
      number: '1',
      answer: 'no-reply',
      disclosure: 'disclose-without-consent',
      reasons: 'The requester already knows what the witness said; it was not given in confidence',
    })
    expect(answered.statusCode, answered.body).toBe(303)

    const claim = await post({ type: 'LogCompensationClaim', receivedOn: today, summary: 'Distress at a late reply' })
    expect(claim.statusCode, claim.body).toBeLessThan(300)

    await dp.get(`/staff/cases/${id}`)
    const main = dp.$()('main').text().replace(/\s+/g, ' ')
    expect(main).toContain('Consent, children and compensation')
    expect(main).toContain('The witness named in the complaint file: asked by letter')
    expect(main).toContain('Disclose without consent, as reasonable in the circumstances')
    expect(main).toContain('Compensation claim 1')
    expect(main).toContain('UK GDPR Art 82; DPA 2018 s.168')
    expect(main).toContain('Consent sought from a third party (DPA 2018 Sch 2 Part 3 para 16)')

    const api = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}`,
      headers: auth(await h.tokenFor('dp-manager')),
    })
    const body = api.json() as { state: { thirdPartyConsents: unknown[]; compensationClaims: unknown[] } }
    expect(body.state.thirdPartyConsents).toMatchObject([
      { answer: 'no-reply', disclosure: 'disclose-without-consent' },
    ])
    expect(body.state.compensationClaims).toMatchObject([{ provision: 'UK GDPR Art 82; DPA 2018 s.168' }])
  })
})
