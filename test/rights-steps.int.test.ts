import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// Issue 13, "Rights with their own steps": an erasure refused in part on Art 17(3) exceptions, each with its own reason,
// through the API; a restriction decided on the staff form and lifted only after the Art 18(3) notice letter; both on
// the case timeline and in the compliance figures.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function logCase(right: string): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: auth(await h.tokenFor('correspondence')),
    payload: {
      controllerId: 'northshire-opcc',
      right,
      channel: 'email',
      receivedAt: new Date().toISOString(),
      subject: { name: 'Rhian Example', email: 'rhian@mail.example' },
      request: { description: 'My survey response and complaint file', actionWanted: 'Act on my request' },
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { id: string }).id
}

const claim = 'A claim about the complaint is listed in the county court for March.'

describe('erasure with the Art 17(3) exceptions as codes, through the API', () => {
  it('refuses a ground without its own reason, keeps each reason, and shows them on the timeline', async () => {
    const id = await logCase('erasure')
    const post = async (payload: object) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/commands`,
        headers: auth(await h.tokenFor('dp-manager')),
        payload,
      })
    const decision = { type: 'DecideRight', result: 'in-part', summary: 'We erased the survey and kept the file.' }
    const noGround = await post(decision)
    expect(noGround.statusCode).toBe(422)
    expect(noGround.headers['content-type']).toContain('application/problem+json')
    expect(noGround.body).toContain('grounds')
    const shortReason = await post({ ...decision, grounds: [{ code: 'ART17_3_E', reason: 'court' }] })
    expect(shortReason.statusCode).toBe(422)
    expect(shortReason.body).toContain('reason-ART17_3_E')

    const good = await post({ ...decision, grounds: [{ code: 'ART17_3_E', reason: claim }] })
    expect(good.statusCode, good.body).toBe(200)
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}`,
      headers: auth(await h.tokenFor('dp-manager')),
    })
    const body = view.json() as {
      state: { rightDecision: unknown; outcome: string }
      timeline: { description: string }[]
    }
    expect(body.state.outcome).toBe('action-taken')
    expect(body.state.rightDecision).toMatchObject({
      right: 'erasure',
      grounds: [{ code: 'ART17_3_E', reason: claim }],
    })
    expect(body.timeline.map((t) => t.description).join('\n')).toContain(
      `ART17_3_E (Article 17(3)(e) of the UK GDPR): ${claim}`,
    )
  })
})

describe('restriction on the staff forms: the Art 18(3) notice comes before the restriction is lifted', () => {
  it('decides, refuses to lift before the notice, sends the notice letter, lifts, and counts it all', async () => {
    const id = await logCase('restriction')
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    const form = await dp.get(`/staff/cases/${id}/decide-right`)
    expect(form.statusCode).toBe(200)
    expect(dp.$()('main').text()).toContain('Accuracy contested (Article 18(1)(a) of the UK GDPR)')

    // A ground ticked without its reason: a GOV.UK error summary, nothing stored.
    const missing = await dp.post(`/staff/cases/${id}/decide-right`, {
      result: 'in-part',
      restrictionGround: 'ART18_1_A',
      grounds: 'S2P1_2_CRIME',
      summary: 'We restricted the address record while we check it.',
      step: 'do',
    })
    expect(missing.statusCode).toBe(400)
    expect(dp.$()('.govuk-error-summary').text()).toContain('Give the reason S2P1_2_CRIME applies')
    expect(dp.$()('#grounds-reason-S2P1_2_CRIME-error').length).toBe(1)

    const done = await dp.post(`/staff/cases/${id}/decide-right`, {
      result: 'in-full',
      restrictionGround: 'ART18_1_A',
      summary: 'We restricted the address record while we check it.',
      step: 'do',
    })
    expect(done.statusCode, dp.$()('.govuk-error-summary').text()).toBe(303)

    const reason = 'We checked the address against the electoral roll and it is right.'
    const early = await dp.post(`/staff/cases/${id}/lift-restriction`, { reason, step: 'do' })
    expect(early.statusCode).toBe(400)
    expect(dp.$()('.govuk-error-summary').text()).toContain('Tell the requester before lifting the restriction')

    const check = await dp.post(`/staff/cases/${id}/restriction-lift-notice`, { reason, step: 'check' })
    expect(check.statusCode).toBe(200)
    const $ = dp.$()
    const subject = String($('input[name="subject"]').val())
    const letter = String($('textarea[name="body"]').val())
    expect(letter).toContain(
      'The law requires us to tell you before we lift a restriction (Article 18(3) of the UK GDPR)',
    )
    expect(letter).toContain(reason)
    const sent = await dp.post(`/staff/cases/${id}/restriction-lift-notice`, {
      step: 'send',
      values: String($('input[name="values"]').val()),
      subject,
      body: letter,
    })
    expect(sent.statusCode).toBe(303)
    expect((await dp.post(`/staff/cases/${id}/lift-restriction`, { reason, step: 'do' })).statusCode).toBe(303)

    await dp.get(`/staff/cases/${id}`)
    const timeline = dp.$()('main').text()
    expect(timeline).toContain('Decision on the restriction request: done in full; processing restricted from today')
    expect(timeline).toContain('Requester told the restriction of processing will be lifted (before lifting it)')
    expect(timeline).toContain('Restriction of processing lifted')

    const month = new Date().toISOString().slice(0, 7)
    const reviewer = await new StaffClient(h.app).signInAs('reviewer')
    const report = await reviewer.get(`/staff/reports?controller=northshire-opcc&from=${month}&to=${month}`)
    expect(report.statusCode).toBe(200)
    const figures = reviewer.$()('main').text()
    expect(figures).toContain('Decisions on the other rights recorded in the period')
    expect(figures).toContain('Requesters told before a restriction was lifted (Art 18(3))')
  })
})
