import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// DPA 2018 s.45(7) (uk-rules §9): the reasons for each Part 3 restriction are recorded with a review date, shown on
// the case timeline, available through the API, and exportable as CSV for the Information Commissioner.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => h?.close())

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

async function logPart3Case(): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: auth(await h.tokenFor('correspondence')),
    payload: {
      controllerId: 'northshire-police',
      right: 'access',
      route: 'DPA_PART3',
      channel: 'email',
      receivedAt: new Date().toISOString(),
      subject: { name: 'Rita Example', email: 'rita@mail.example' },
      request: { description: 'Everything you hold about me', actionWanted: 'A copy' },
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { id: string }).id
}

const reasons = 'Disclosure would alert a suspect to an open investigation into a burglary series'
const nextYear = `${new Date().getFullYear() + 1}-06-30`

describe('the s.45(7) reasons record', () => {
  it('is recorded through the API, shown on the timeline and exported as CSV; a bad record is refused', async () => {
    const id = await logPart3Case()
    const post = async (payload: object) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/commands`,
        headers: auth(await h.tokenFor('dp-manager')),
        payload,
      })
    const bad = await post({ type: 'RecordRestriction', code: 'S2P1_2_CRIME', reasons, reviewOn: nextYear })
    expect(bad.statusCode).toBe(422)
    expect(bad.headers['content-type']).toContain('application/problem+json')
    const good = await post({ type: 'RecordRestriction', code: 'LE_45_4_B', reasons, reviewOn: nextYear })
    expect(good.statusCode, good.body).toBeLessThan(300)

    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    const page = await dp.get(`/staff/cases/${id}`)
    expect(page.statusCode).toBe(200)
    expect(dp.$()('main').text()).toContain('Restriction recorded (DPA 2018 s.45(7)): LE_45_4_B')

    const csv = await dp.get('/staff/cases/restrictions.csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const line = csv.body.split('\r\n').find((l) => l.includes(reasons))!
    expect(line).toContain('DPA 2018 s.45(4)(b)')
    expect(line).toContain(nextYear)

    // Staff who cannot decide restrictions cannot export the record.
    const staff = await new StaffClient(h.app).signInAs('staff')
    expect((await staff.get('/staff/cases/restrictions.csv')).statusCode).toBe(403)
  })
})
