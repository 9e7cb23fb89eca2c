import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { addWorkingDays, localDateInLondon } from '../src/domain/index.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { dateFields, doAction } from './support/casework-steps.js'

// Issue 14: appeals (internal reviews) decided upheld, partly upheld or not upheld, with the outcome words right; a
// complex review extended to 40 working days on the record; and the outcome given to someone to send, in their work.

let h: Harness
const today = () => localDateInLondon(new Date())
const text = (c: StaffClient, selector: string) => c.$()(selector).text().replace(/\s+/g, ' ')

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

/** An appeal logged today by Correspondence against one of the OPCC's answered requests. */
async function logAppeal(): Promise<{ id: string; reference: string }> {
  const parent = await h.db.pool.query<{ id: string }>(
    `SELECT id FROM cases WHERE case_type = 'rights-request' AND status IN ('responded', 'closed')
       AND controller_id = 'northshire-opcc' ORDER BY reference LIMIT 1`,
  )
  const c = await new StaffClient(h.app).signInAs('correspondence')
  await c.get(`/staff/cases/${parent.rows[0]!.id}/log-related`)
  const res = await c.post(`/staff/cases/${parent.rows[0]!.id}/log-related`, {
    caseType: 'review',
    channel: 'email',
    ...dateFields('receivedOn', today()),
    description: 'I think more was held about me than you sent',
  })
  expect(res.statusCode, text(c, '.govuk-error-summary')).toBe(303)
  const id = /cases\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!
  const r = await h.db.pool.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [id])
  return { id, reference: r.rows[0]!.reference }
}

const userId = async (role: string) =>
  (await h.db.pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [demoEmail(role)])).rows[0]!.id

describe('deciding an appeal', () => {
  it('extends a complex review to 40 working days with reasons, once, and the clock and record say so', async () => {
    const appeal = await logAppeal()
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get(`/staff/cases/${appeal.id}/extend-review`)
    const blank = await dp.post(`/staff/cases/${appeal.id}/extend-review`, { reasons: '', step: 'do' })
    expect(blank.statusCode).toBe(400)
    const reasons = 'Three years of body-worn video to look at again, and legal advice is needed'
    await doAction(dp, appeal.id, 'extend-review', { reasons })
    const due = (await h.db.pool.query('SELECT due_on::text AS due FROM cases WHERE id = $1', [appeal.id])).rows[0].due
    expect(due).toBe(addWorkingDays(today(), 40, h.deps.calendar))
    await dp.get(`/staff/cases/${appeal.id}`)
    expect(text(dp, '.moj-timeline')).toContain('Review extended to 40 working days because it is complex')
    expect(text(dp, '.moj-timeline')).toContain(reasons)
    // Once only: the step is no longer offered, and asking again is refused.
    expect(dp.$()(`a[href="/staff/cases/${appeal.id}/extend-review"]`).length).toBe(0)
    await dp.get(`/staff/cases/${appeal.id}/extend-review`)
    const again = await dp.post(`/staff/cases/${appeal.id}/extend-review`, { reasons, step: 'do' })
    expect(again.statusCode).toBeGreaterThanOrEqual(400)
  })

  it('records an appeal partly upheld, writes the letter to say so, and puts sending it in the chosen officer’s work', async () => {
    const appeal = await logAppeal()
    const ce = await new StaffClient(h.app).signInAs('chief-executive')
    const dpId = await userId('dp-manager')
    await ce.get(`/staff/cases/${appeal.id}/decide-appeal`)
    expect(ce.$()(`input[name="senderId"][value="${dpId}"]`).length).toBe(1)
    const missing = await ce.post(`/staff/cases/${appeal.id}/decide-appeal`, { upheld: 'partly', reasons: '' })
    expect(missing.statusCode).toBe(400)
    expect(text(ce, '.govuk-error-summary')).toContain('Enter your reasons')
    expect(text(ce, '.govuk-error-summary')).toContain('Choose who will send the outcome')

    const reasons = 'The searches missed the complaints system; those records will be sent. The exemption stands.'
    const res = await ce.post(`/staff/cases/${appeal.id}/decide-appeal`, { upheld: 'partly', reasons, senderId: dpId })
    expect(res.statusCode, text(ce, '.govuk-error-summary')).toBe(303)
    await ce.get(`/staff/cases/${appeal.id}`)
    const page = text(ce, 'main')
    expect(page).toContain('Partly upheld – outcome to send')
    expect(page).toContain(`Partly upheld by`)
    expect(page).not.toMatch(/Approved/)
    expect(text(ce, '.moj-timeline')).toMatch(/Review decided: review partly upheld\. Outcome to be sent by \S/)

    const letter = await h.db.pool.query(
      "SELECT body FROM letters WHERE case_id = $1 AND template = 'appeal-outcome'",
      [appeal.id],
    )
    expect(letter.rows[0].body).toContain('Your appeal has been partly upheld')
    expect(letter.rows[0].body).toContain(reasons)

    // The send step is the DP manager's: the case is theirs and waits for them.
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get('/staff/cases?queue=waiting-for-me')
    expect(text(dp, 'main')).toContain(appeal.reference)
    const other = await new StaffClient(h.app).signInAs('reviewer')
    await other.get('/staff/cases?queue=waiting-for-me')
    expect(text(other, 'main')).not.toContain(appeal.reference)
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('shows an appeal not upheld as "Not upheld", never "Approved"', async () => {
    const appeal = await logAppeal()
    const ce = await new StaffClient(h.app).signInAs('chief-executive')
    await ce.get(`/staff/cases/${appeal.id}/decide-appeal`)
    const res = await ce.post(`/staff/cases/${appeal.id}/decide-appeal`, {
      upheld: 'no',
      reasons: 'Every system was searched again; nothing more is held.',
      senderId: await userId('dp-manager'),
    })
    expect(res.statusCode).toBe(303)
    await ce.get(`/staff/cases/${appeal.id}`)
    const page = text(ce, 'main')
    expect(page).toContain('Not upheld – outcome to send')
    expect(page).toContain('Not upheld by')
    expect(page).not.toMatch(/Approved/)
    await ce.get(`/staff/cases?caseType=review`)
    // The appeal's own row in the list (the filter panel above it lists every status, "Approved" among them).
    const row = text(ce, `main table tbody tr:contains("${appeal.reference}")`)
    expect(row).toContain('Not upheld – outcome to send')
    expect(row).not.toMatch(/Approved/)
  })

  it('refuses as the sender someone who cannot send responses', async () => {
    const appeal = await logAppeal()
    const ce = await new StaffClient(h.app).signInAs('chief-executive')
    await ce.get(`/staff/cases/${appeal.id}/decide-appeal`)
    const res = await ce.post(`/staff/cases/${appeal.id}/decide-appeal`, {
      upheld: 'yes',
      reasons: 'The exemption was applied too widely.',
      senderId: await userId('reviewer'),
    })
    expect(res.statusCode).toBe(400)
    const state = await h.db.pool.query('SELECT status FROM cases WHERE id = $1', [appeal.id])
    expect(state.rows[0].status).toBe('received')
  })
})
