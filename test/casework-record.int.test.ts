import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'
import { dateFields } from './support/casework-steps.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { SELF_ACCESS, answerAll, references, send } from './support/portal-journeys.js'

// Issue 14, "correct forms and record": the log-request form names each missing answer and keeps what was typed;
// staff-made links are on both cases; the timeline names the right actor, says what an appeal decided, and shows a
// requester's visits once a day.

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
})
afterAll(async () => {
  await h?.close()
})

const stateOf = async (id: string): Promise<CaseState> =>
  (await h.db.pool.query('SELECT state FROM cases WHERE id::text = $1 OR reference = $1', [id])).rows[0].state

describe('logging a request by hand', () => {
  it('names each missing answer and keeps what was typed, even with no organisation chosen', async () => {
    const c = await new StaffClient(h.app).signInAs('correspondence')
    await c.get('/staff/cases/new')
    const res = await c.postMultipart(
      '/staff/cases/new',
      {
        channel: 'post',
        ...dateFields('receivedOn', '2026-03-02'),
        right: 'access',
        route: 'UK_GDPR',
        subjectName: '',
        subjectEmail: 'kept.typed@mail.example',
        postcode: 'NS1 2AB',
        requesterType: 'self',
        description: '',
      },
      [],
    )
    expect(res.statusCode).toBe(400)
    const $ = c.$(res)
    expect($('h1').text()).not.toContain('Page not found')
    expect(
      $('.govuk-error-summary__list li')
        .map((_, el) => $(el).text().trim())
        .get(),
    ).toEqual(['Choose the organisation the request is for', 'Enter the requester’s name', 'Describe the request'])
    expect($('#subjectEmail').val()).toBe('kept.typed@mail.example')
    expect($('#postcode').val()).toBe('NS1 2AB')
    expect($('input[name="channel"][value="post"]').attr('checked')).toBeDefined()
  })
})

describe('the record of a case', () => {
  it('a link made by staff is stored on both cases', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const a = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Lin Both' } })).state
    const b = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Lin Both' } })).state
    await executeCommand(h.deps, dp, a.id, { type: 'LinkCase', otherCaseId: b.id, relation: 'same-requester' })
    expect((await stateOf(a.id)).links).toContainEqual({ caseId: b.id, relation: 'same-requester' })
    expect((await stateOf(b.id)).links).toContainEqual({ caseId: a.id, relation: 'same-requester' })
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const page = officer.$(await officer.get(`/staff/cases/${b.id}`))
    expect(page.text()).toContain(a.reference)
  })

  it('an appeal not upheld is never shown as "Approved"', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const parent = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Una Upheld' } })).state
    const review = (
      await logRequest(h.deps, dp, {
        ...NEW_REQUEST,
        caseType: 'review',
        right: undefined,
        parentCaseId: parent.id,
        subject: { name: 'Una Upheld' },
        request: { ...NEW_REQUEST.request, description: 'Please look again' },
      })
    ).state
    const ce = await actorFor(h, 'chief-executive')
    await executeCommand(h.deps, ce, review.id, {
      type: 'DecideReview',
      upheld: false,
      reasons: 'The search was reasonable and the exemption applies.',
    })
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const page = officer.$(await officer.get(`/staff/cases/${review.id}`))
    expect(page('h1 + p .govuk-tag').text().trim()).toBe('Not upheld – outcome to send')
    const list = officer.$(await officer.get('/staff/cases?search=Una+Upheld'))
    const row = list(`a[href="/staff/cases/${review.id}"]`).closest('tr').text()
    expect(row).toContain('Not upheld – outcome to send')
    expect(row).not.toContain('Approved')
  })

  it('a portal request is acknowledged by the service, and the requester’s visits are one line a day', async () => {
    const email = 'tidy.timeline@mail.example'
    const client = new PortalClient(h.app)
    await answerAll(client, { ...SELF_ACCESS, contact: { ...SELF_ACCESS.contact, email } })
    const reference = references(await send(client))[0] ?? ''
    for (let i = 0; i < 3; i++) {
      const visitor = new PortalClient(h.app)
      await visitor.get('/follow')
      await visitor.post('/follow', { reference, email })
      await visitor.get('/follow/code')
      const code = [...mails].reverse().find((m) => m.to.includes(email) && m.subject.includes('code'))
      const res = await visitor.post('/follow/code', { code: code?.text.match(/^\d{6}$/m)?.[0] ?? '' })
      expect(res.location, errorSummary(res).join()).toBe('/follow/case')
      await visitor.get('/follow/case')
      await visitor.get('/follow/case')
    }
    const state = await stateOf(reference)
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const $ = officer.$(await officer.get(`/staff/cases/${state.id}`))
    const items = $('.moj-timeline__item')
      .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
      .get()
    const acknowledged = items.filter((t) => /acknowledg/i.test(t))
    expect(acknowledged.length).toBeGreaterThan(0)
    for (const t of acknowledged) expect(t).not.toContain('The requester')
    const visits = items.filter((t) => t.includes('followed the request online'))
    expect(visits).toHaveLength(1)
    expect(visits[0]).toContain('looked at it 6 times, asked for a code 3 times')
    expect(items.filter((t) => /Case Viewed By Requester/i.test(t))).toEqual([])
  })

  it('doing casework on an unassigned case assigns it to the doer; acknowledging or another’s case does not', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const corr = await actorFor(h, 'correspondence')
    // Someone else who works cases (issue 11: a case is assigned only to its controller's staff who work or approve).
    const other = await actorFor(h, 'reviewer')
    const a = (await logRequest(h.deps, corr, { ...NEW_REQUEST, subject: { name: 'Asa Assigned' } })).state
    await executeCommand(h.deps, corr, a.id, { type: 'Acknowledge' })
    expect((await stateOf(a.id)).assigneeId ?? null).toBeNull()
    await executeCommand(h.deps, dp, a.id, { type: 'RequestClarification', question: 'Which years?' })
    expect((await stateOf(a.id)).assigneeId).toBe(dp.id)
    const b = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Bo Busy' } })).state
    await executeCommand(h.deps, dp, b.id, { type: 'Assign', assigneeId: other.id })
    await executeCommand(h.deps, dp, b.id, { type: 'RequestClarification', question: 'Which teams?' })
    expect((await stateOf(b.id)).assigneeId).toBe(other.id)
  })
})
