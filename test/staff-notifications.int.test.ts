import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sendNotificationDigests } from '../src/application/casework/notify-staff.js'
import { returnSearchMaterial } from '../src/application/casework/return-search-material.js'
import { createSearchTask } from '../src/application/casework/search-tasks.js'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { sendRequesterMessage } from '../src/application/portal/requester-message.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'
import { draftAwaitingReview as draftForReview } from './support/draft-for-review.js'

// Issue 14: the person who must act is told (a draft to review, a requester's reply, a returned task, an appeal), by
// email at once or in a daily digest as they choose, and on their staff home until they clear it.

type Mail = { to: string[]; subject: string; text: string }
let h: Harness
const mails: Mail[] = []
beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        if (queue === 'email-send') mails.push(data as Mail)
      },
    }),
  })
})
afterAll(async () => {
  await h?.close()
})
beforeEach(() => {
  mails.length = 0
})

const to = (role: string) => mails.filter((m) => m.to.includes(demoEmail(role)))

const draftAwaitingReview = (name: string) => draftForReview(h, name)

async function forYou(c: StaffClient) {
  const $ = c.$(await c.get('/staff/cases'))
  return $('#notifications li')
    .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
    .get()
}

describe('who must act is told', () => {
  it('a draft submitted for review is emailed to the reviewer at once, never to its author', async () => {
    const state = await draftAwaitingReview('Rhoda Review')
    const mail = to('reviewer').find((m) => m.subject.includes(state.reference))
    expect(mail?.subject).toBe(`${state.reference}: a draft response is waiting for your review`)
    expect(mail?.text).toContain(`/staff/cases/${state.id}`)
    // No personal data in the email: the reference and a link only.
    expect(mail?.text).not.toContain('Rhoda')
    expect(to('dp-manager').some((m) => m.subject.includes('draft response'))).toBe(false)
    const reviewer = await new StaffClient(h.app).signInAs('reviewer')
    expect(await forYou(reviewer)).toContainEqual(
      expect.stringContaining(`${state.reference}: A draft response is waiting for your review`),
    )
  })

  it('a requester’s reply tells the officer the case is assigned to; a returned task, whoever set it', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const staff = await actorFor(h, 'staff')
    const { state } = await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Ravi Replies' } })
    await executeCommand(h.deps, dp, state.id, { type: 'StartWork' })
    await sendRequesterMessage(h.deps, {
      caseId: state.id,
      body: 'Here is more detail.',
      composeNotification: () => ({ subject: 'Message', text: 'x' }),
    })
    expect(to('dp-manager').map((m) => m.subject)).toContain(`${state.reference}: the requester has replied`)
    const today = localDateInLondon(h.deps.clock.now())
    const task = await createSearchTask(h.deps, dp, state.id, {
      assigneeId: staff.id,
      dueOn: addDays(today, 5),
      identifiers: ['Ravi Replies'],
      scope: ['live'],
      instructions: 'Search your inbox',
    })
    await returnSearchMaterial(h.deps, staff, task.id, { nilReturn: true, whereSearched: 'My inbox', files: [] })
    expect(to('dp-manager').map((m) => m.subject)).toContain(`Search task answered for ${state.reference}`)
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const shown = await forYou(officer)
    expect(shown).toContainEqual(expect.stringContaining(`${state.reference}: The requester has replied`))
    expect(shown).toContainEqual(expect.stringContaining(`${state.reference}: A search task you set has been answered`))
  })

  it('an appeal logged is sent to whoever decides appeals', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const parent = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Ada Appeal' } })).state
    const review = (
      await logRequest(h.deps, dp, {
        ...NEW_REQUEST,
        caseType: 'review',
        right: undefined,
        parentCaseId: parent.id,
        subject: { name: 'Ada Appeal' },
        request: { ...NEW_REQUEST.request, description: 'Please look again' },
      })
    ).state
    expect(to('chief-executive').map((m) => m.subject)).toContain(
      `${review.reference}: an appeal (internal review) has been received`,
    )
    expect(to('reviewer').some((m) => m.subject.includes(review.reference))).toBe(false)
  })
})

describe('immediate or a daily digest', () => {
  it('someone who chose the digest gets no email at once, then one email listing everything, once', async () => {
    const reviewer = await new StaffClient(h.app).signInAs('reviewer')
    const form = reviewer.$(await reviewer.get('/staff/account/notifications'))
    expect(form('input[name="mode"][value="immediate"]').attr('checked')).toBeDefined()
    const saved = await reviewer.post('/staff/account/notifications', { mode: 'digest' })
    expect(saved.statusCode).toBe(303)
    const audited = await h.db.pool.query(
      `SELECT 1 FROM audit_events WHERE event_type = 'NotifyModeChanged' AND payload->>'mode' = 'digest'`,
    )
    expect(audited.rowCount).toBe(1)
    const first = await draftAwaitingReview('Dee Digest')
    const second = await draftAwaitingReview('Dora Digest')
    expect(to('reviewer')).toEqual([])
    await sendNotificationDigests(h.deps)
    const digests = to('reviewer')
    expect(digests).toHaveLength(1)
    expect(digests[0]!.text).toContain(`${first.reference}: a draft response is waiting for your review`)
    expect(digests[0]!.text).toContain(`${second.reference}: a draft response is waiting for your review`)
    mails.length = 0
    await sendNotificationDigests(h.deps)
    expect(to('reviewer')).toEqual([])
    await reviewer.post('/staff/account/notifications', { mode: 'immediate' })
  })

  it('an unknown choice is refused with an error summary and nothing changed', async () => {
    const reviewer = await new StaffClient(h.app).signInAs('reviewer')
    await reviewer.get('/staff/account/notifications')
    const res = await reviewer.post('/staff/account/notifications', { mode: 'hourly' })
    expect(res.statusCode).toBe(400)
    expect(reviewer.$(res)('.govuk-error-summary').text()).toContain('Select how we should email you')
    const mode = await h.db.pool.query(`SELECT notify_mode FROM users WHERE email = $1`, [demoEmail('reviewer')])
    expect(mode.rows[0]?.notify_mode).toBe('immediate')
  })
})

describe('the staff home', () => {
  it('clearing notifications empties “For you” for that person only', async () => {
    const state = await draftAwaitingReview('Clara Clear')
    const reviewer = await new StaffClient(h.app).signInAs('reviewer')
    expect((await forYou(reviewer)).join('\n')).toContain(state.reference)
    const cleared = await reviewer.post('/staff/notifications/clear', {})
    expect(cleared.statusCode).toBe(303)
    expect((await forYou(reviewer)).join('\n')).not.toContain(state.reference)
    // Another person's notification cannot be cleared by naming it: it stays on their home.
    const ce = await actorFor(h, 'chief-executive')
    const theirs = await h.db.pool.query<{ id: string }>(
      `SELECT id FROM staff_notifications WHERE user_id = $1 AND cleared_at IS NULL LIMIT 1`,
      [ce.id],
    )
    const id = theirs.rows[0]?.id
    expect(id).toBeDefined()
    await reviewer.get('/staff/cases')
    await reviewer.post('/staff/notifications/clear', { id: id! })
    const still = await h.db.pool.query(`SELECT cleared_at FROM staff_notifications WHERE id = $1`, [id])
    expect(still.rows[0]?.cleared_at).toBeNull()
  })

  it('the navigation counts what waits for me on every page', async () => {
    await draftAwaitingReview('Nina Nav')
    const reviewer = await new StaffClient(h.app).signInAs('reviewer')
    const home = reviewer.$(await reviewer.get('/staff/cases'))
    const waiting = home('#work-queues a[href="/staff/cases?queue=waiting-for-me"] strong').text()
    expect(Number(waiting)).toBeGreaterThan(0)
    const elsewhere = reviewer.$(await reviewer.get('/staff/reports'))
    expect(elsewhere('#nav-waiting [aria-hidden="true"]').text()).toBe(waiting)
    expect(elsewhere('#nav-waiting .govuk-visually-hidden').text()).toBe(`${waiting} waiting for you`)
  })

  it('staff who only answer search tasks see their open tasks counted in the navigation', async () => {
    const staff = await actorFor(h, 'staff')
    const open = await h.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM search_tasks WHERE assignee_id = $1 AND status = 'open'`,
      [staff.id],
    )
    expect(open.rows[0]!.n).toBeGreaterThan(0)
    const searcher = await new StaffClient(h.app).signInAs('staff')
    const $ = searcher.$(await searcher.get('/staff/tasks'))
    expect($('#nav-tasks [aria-hidden="true"]').text()).toBe(String(open.rows[0]!.n))
  })
})
