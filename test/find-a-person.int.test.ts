import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { phoneKey } from '../src/application/casework/person-keys.js'
import { executeCommand } from '../src/application/execute-command.js'
import { updateSettings } from '../src/application/staff/update-settings.js'
import { logRequest } from '../src/application/log-request.js'
import { addMonthsClamped, localDateInLondon, type CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { OPCC, POLICE, scopedUser, type ScopedUser } from './support/boundary.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'
import { dateFields } from './support/casework-steps.js'

// Issue 14, "find a person": search cases by name, email, phone, postcode, date of birth and reference, only within
// the member of staff's own controllers; and at intake, other requests that may be the same person's are shown to
// staff with why, linkable in one click.

let h: Harness
let opccOfficer: ScopedUser
let both: ScopedUser
let dp: Actor

beforeAll(async () => {
  h = await startHarness()
  opccOfficer = await scopedUser(h, 'correspondence', [OPCC])
  both = await scopedUser(h, 'correspondence', [OPCC, POLICE])
  dp = await actorFor(h, 'dp-manager')
})
afterAll(async () => {
  await h?.close()
})

const stateOf = async (id: string): Promise<CaseState> =>
  (await h.db.pool.query('SELECT state FROM cases WHERE id = $1', [id])).rows[0].state

const ROWENA = {
  name: 'Rowena Quillfeather',
  email: 'Rowena.Quillfeather@Mail.Example',
  phone: '07700 900461',
  address: { lines: ['4 Lantern Row', 'Northtown'], postcode: 'ns1 4qx' },
  dateOfBirth: '1984-03-09',
}

async function listed(user: ScopedUser, search: string): Promise<string> {
  const res = await user.client.get(`/staff/cases?search=${encodeURIComponent(search)}`)
  expect(res.statusCode).toBe(200)
  return user.client.$(res)('main table').text()
}

describe('finding a person from the case list search box', () => {
  let opccCase: CaseState
  let policeCase: CaseState
  beforeAll(async () => {
    opccCase = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: ROWENA })).state
    policeCase = (await logRequest(h.deps, dp, { ...NEW_REQUEST, controllerId: POLICE, subject: ROWENA })).state
  })

  it.each([
    ['email in another case', 'rowena.quillfeather@mail.example'],
    ['phone number written internationally', '+44 (0)7700 900461'],
    ['phone number without spaces', '07700900461'],
    ['postcode without its space', 'NS14QX'],
    ['date of birth as staff write it', '9/3/1984'],
    ['date of birth in words', '9 March 1984'],
    ['surname', 'Quillfeather'],
    ['names in another order', 'quillfeather rowena'],
    ['a misspelt name', 'Rowena Quilfeather'],
  ])('finds the person by %s, and only in the officer’s own organisation', async (_what, search) => {
    const text = await listed(opccOfficer, search)
    expect(text).toContain(opccCase.reference)
    expect(text).not.toContain(policeCase.reference)
  })

  it('finds a case by its reference, and both organisations’ cases for someone who works for both', async () => {
    expect(await listed(opccOfficer, opccCase.reference.toLowerCase())).toContain(opccCase.reference)
    expect(await listed(opccOfficer, policeCase.reference)).not.toContain(policeCase.reference)
    const text = await listed(both, '07700 900461')
    expect(text).toContain(opccCase.reference)
    expect(text).toContain(policeCase.reference)
  })

  it('puts the person named first, ahead of similar names due sooner', async () => {
    const longAgo = `${addMonthsClamped(localDateInLondon(h.deps.clock.now()), -1)}T12:00:00Z`
    const similar = { ...NEW_REQUEST, receivedAt: longAgo, subject: { name: 'Bartholomew Ketterling' } }
    await logRequest(h.deps, dp, similar)
    const named = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Bartholomew Kettering' } })).state
    const res = await opccOfficer.client.get(`/staff/cases?search=${encodeURIComponent('Kettering Bartholomew')}`)
    const rows = opccOfficer.client.$(res)('main table tbody tr')
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.first().text()).toContain(named.reference)
  })

  it('does not find a different person with a different number', async () => {
    expect(await listed(opccOfficer, '07700 900462')).not.toContain(opccCase.reference)
  })

  it('normalises phone numbers in PostgreSQL exactly as it does what staff type', async () => {
    const samples = ['07700 900461', '+44 7700 900461', '+44 (0)7700 900461', '0044 7700 900461', '01632 960 123']
    samples.push('+1 202 555 0143', '555 0143', '7700900461', '(01632) 960123', '')
    for (const raw of samples) {
      const r = await h.db.pool.query<{ key: string | null }>('SELECT rightsdesk_phone_key($1) AS key', [raw])
      expect(r.rows[0]!.key ?? undefined, raw).toBe(phoneKey(raw))
    }
  })
})

describe('a person who asked before, at intake', () => {
  it('warns the officer who logs it, says why, and links the two in one click (both ways)', async () => {
    const today = localDateInLondon(h.deps.clock.now())
    const earlierOn = addMonthsClamped(today, -2)
    const person = { name: 'Tobias Wrenfield', email: 'tobias.wrenfield@mail.example', dateOfBirth: '1979-11-02' }
    const earlier = (
      await logRequest(h.deps, dp, { ...NEW_REQUEST, receivedAt: `${earlierOn}T12:00:00Z`, subject: person })
    ).state
    const elsewhere = (await logRequest(h.deps, dp, { ...NEW_REQUEST, controllerId: POLICE, subject: person })).state
    const c = opccOfficer.client
    await c.get('/staff/cases/new')
    const logged = await c.postMultipart(
      '/staff/cases/new',
      {
        controllerId: OPCC,
        channel: 'post',
        ...dateFields('receivedOn', today),
        right: 'access',
        route: 'UK_GDPR',
        subjectName: 'Tobias  Wrenfield',
        ...dateFields('dateOfBirth', '1979-11-02'),
        requesterType: 'self',
        description: 'All the information you hold about me',
      },
      [],
    )
    expect(logged.statusCode).toBe(303)
    const caseId = String(logged.headers.location).split('/')[3]!.split('?')[0]!
    expect((await stateOf(caseId)).subject.dateOfBirth).toBe('1979-11-02')

    const $ = c.$(await c.follow(logged))
    const warning = $('#matches').text().replace(/\s+/g, ' ')
    expect(warning).toContain(earlier.reference)
    expect(warning).toContain('Same name and date of birth')
    expect(warning).toContain('A similar request within 6 months')
    expect(warning).not.toContain(elsewhere.reference)

    const linked = await c.post(`/staff/cases/${caseId}/matches/link`, {
      otherCaseId: earlier.id,
      reference: earlier.reference,
      relation: 'same-requester',
    })
    const after = c.$(await c.follow(linked))
    expect(after('#match-linked').text()).toContain(earlier.reference)
    expect(after('#matches').length).toBe(0)
    expect((await stateOf(caseId)).links).toContainEqual({ caseId: earlier.id, relation: 'same-requester' })
    expect((await stateOf(earlier.id)).links).toContainEqual({ caseId, relation: 'same-requester' })
  })

  it('points out a request made through the API with the same email address, and keeps its date of birth', async () => {
    const person = { name: 'Idris Fallowmere', email: 'idris.f@mail.example' }
    const first = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: person })).state
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${opccOfficer.token}` },
      payload: {
        ...NEW_REQUEST,
        subject: { name: 'I. Fallowmere', email: 'IDRIS.F@mail.example', dateOfBirth: '1990-01-31' },
      },
    })
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    expect((await stateOf(id)).subject.dateOfBirth).toBe('1990-01-31')
    const page = opccOfficer.client.$(await opccOfficer.client.get(`/staff/cases/${id}`))
    const warning = page('#matches').text()
    expect(warning).toContain(first.reference)
    expect(warning).toContain('Same email address')
  })

  it('refuses a date of birth that is not a real day, naming the field, and stores nothing', async () => {
    const c = opccOfficer.client
    await c.get('/staff/cases/new')
    const before = (await h.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n
    const res = await c.postMultipart(
      '/staff/cases/new',
      {
        controllerId: OPCC,
        channel: 'post',
        ...dateFields('receivedOn', localDateInLondon(h.deps.clock.now())),
        right: 'access',
        route: 'UK_GDPR',
        subjectName: 'Nobody Real',
        'dateOfBirth-day': '31',
        'dateOfBirth-month': '2',
        'dateOfBirth-year': '1980',
        requesterType: 'self',
        description: 'Everything',
      },
      [],
    )
    expect(res.statusCode).toBe(400)
    const $ = c.$(res)
    expect($('.govuk-error-summary').text()).toContain('Enter a real date of birth')
    expect($('#dateOfBirth-day').val()).toBe('31')
    expect((await h.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(before)
  })

  it('does not point out someone with only the same name who asked long ago', async () => {
    const longAgo = addMonthsClamped(localDateInLondon(h.deps.clock.now()), -20)
    const old = (
      await logRequest(h.deps, dp, {
        ...NEW_REQUEST,
        receivedAt: `${longAgo}T12:00:00Z`,
        subject: { name: 'Ada Pell' },
      })
    ).state
    const fresh = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Ada Pell' } })).state
    const page = opccOfficer.client.$(await opccOfficer.client.get(`/staff/cases/${fresh.id}`))
    expect(page('#matches').text()).not.toContain(old.reference)
  })

  it('lets an unfounded-or-excessive refusal cite the linked earlier request, on the record', async () => {
    const person = { name: 'Perpetua Cleeve', email: 'p.cleeve@mail.example' }
    const earlier = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: person })).state
    const repeat = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: person })).state
    await executeCommand(h.deps, dp, repeat.id, {
      type: 'LinkCase',
      otherCaseId: earlier.id,
      relation: 'same-requester',
    })
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const form = officer.$(await officer.get(`/staff/cases/${repeat.id}/refuse`))
    expect(form(`input[name="citedCaseIds"][value="${earlier.id}"]`).length).toBe(1)
    expect(form('form').text()).toContain(earlier.reference)
    const res = await officer.post(`/staff/cases/${repeat.id}/refuse`, {
      basis: 'manifestly-excessive',
      citedCaseIds: earlier.id,
      justification: 'The same request as last week, answered in full; nothing has changed since.',
    })
    const done = await officer.follow(res)
    expect(done.statusCode).toBe(200)
    expect((await stateOf(repeat.id)).refusal?.citedCaseIds).toEqual([earlier.id])
  })

  it('counts a similar request as a repeat only within the months the office set', async () => {
    const today = localDateInLondon(h.deps.clock.now())
    const person = { name: 'Wilfred Ashgrove', email: 'w.ashgrove@mail.example' }
    const earlierOn = `${addMonthsClamped(today, -3)}T12:00:00Z`
    await logRequest(h.deps, dp, { ...NEW_REQUEST, receivedAt: earlierOn, subject: person })
    const fresh = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: person })).state
    const warning = async () =>
      opccOfficer.client
        .$(await opccOfficer.client.get(`/staff/cases/${fresh.id}`))('#matches')
        .text()
    expect(await warning()).toContain('A similar request within 6 months')
    const admin = await new StaffClient(h.app).signInAs('admin')
    const settings = admin.$(await admin.get('/staff/admin/settings'))
    expect(settings('#repeatRequestMonths').val()).toBe('6')
    await updateSettings(h.deps, await actorFor(h, 'admin'), { repeatRequestMonths: 2 })
    const after = await warning()
    expect(after).toContain('Same email address')
    expect(after).not.toContain('A similar request within')
    await updateSettings(h.deps, await actorFor(h, 'admin'), { repeatRequestMonths: 6 })
  })
})
