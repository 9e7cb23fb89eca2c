import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildLetterContext } from '../src/application/casework/letter-context.js'
import { renderLetter } from '../src/notifications/letters.js'
import { findCase } from '../src/persistence/repositories/case-repository.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// uk-rules §9: a force's request can cover law-enforcement data (DPA 2018 Part 3) and HR data (UK GDPR). Split, each
// part is its own case with its own clock and wording, linked to the other, and each response names the other.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function logCase(over: Record<string, unknown>): Promise<{ id: string; reference: string }> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: auth(await h.tokenFor('correspondence')),
    payload: {
      controllerId: 'northshire-police',
      right: 'access',
      route: 'DPA_PART3',
      channel: 'email',
      receivedAt: '2026-01-20T10:00:00Z',
      subject: { name: 'Omar Example', email: 'omar@mail.example' },
      request: { description: 'My arrest record and my employment file', actionWanted: 'A copy' },
      ...over,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe('one request, two routes', () => {
  it('splits a Part 3 request: the UK GDPR part keeps the received date, runs its own clock, and is linked', async () => {
    const part3 = await logCase({})
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get(`/staff/cases/${part3.id}/split`)
    const empty = await dp.post(`/staff/cases/${part3.id}/split`, { description: '' })
    expect(empty.statusCode).toBe(400)
    expect(dp.$()('.govuk-error-summary').text()).toContain('Say which information this part covers')

    const done = await dp.post(`/staff/cases/${part3.id}/split`, { description: 'Employment file held by HR' })
    expect(done.statusCode).toBe(303)
    const partId = String(done.headers.location).split('/')[3]!.split('?')[0]!
    const get = async (id: string) =>
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${id}`,
          headers: auth(await h.tokenFor('dp-manager')),
        })
      ).json()
    const [a, b] = [await get(part3.id), await get(partId)]
    expect(b.state.route).toBe('UK_GDPR')
    expect(b.state.receivedOn).toBe('2026-01-20')
    expect(b.state.links).toEqual([{ caseId: part3.id, relation: 'other-route-part' }])
    expect(a.state.links).toEqual([{ caseId: partId, relation: 'other-route-part' }])
    // Received before 5 February 2026: the UK GDPR part may be extended; the Part 3 part could not (old s.54).
    expect(b.clock.noticeDeadline).toBeTruthy()
    expect(a.clock.noticeDeadline).toBeUndefined()

    // Each part's response names the other part and the law it is answered under.
    const state = (await findCase(h.db.pool, part3.id))!
    const { context } = await buildLetterContext(h.db.pool, h.deps, state, { name: 'Daniel Okafor', roles: [] })
    const letter = renderLetter('no-data-held', context).body
    expect(letter).toContain(`under the UK GDPR, as request ${b.state.reference}`)
    expect(letter).not.toContain('UK GDPR)')

    const page = await dp.get(`/staff/cases/${partId}`)
    expect(page.statusCode).toBe(200)
    expect(dp.$()('main').text()).toContain('UK GDPR Article 12(3)')

    const again = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${part3.id}/split`,
      headers: auth(await h.tokenFor('dp-manager')),
      payload: { description: 'Again' },
    })
    expect(again.statusCode).toBe(409)
  })

  it('will not split an objection into a Part 3 part, where the right does not exist', async () => {
    const objection = await logCase({ right: 'objection', route: 'UK_GDPR', controllerId: 'northshire-police' })
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${objection.id}/split`,
      headers: auth(await h.tokenFor('dp-manager')),
      payload: { description: 'Policing data' },
    })
    expect(res.statusCode).toBe(422)
  })
})
