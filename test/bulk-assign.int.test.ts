import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bulkAssign } from '../src/application/casework/bulk-assign.js'
import { logRequest } from '../src/application/log-request.js'
import { isDomainError } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'

// Issue 14: a team leader selects cases on the list and gives them to one person: one audited change per case, all
// or none, and never across the controller boundary.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const assigneeOf = async (id: string) =>
  (await h.db.pool.query<{ assignee_id: string | null }>('SELECT assignee_id FROM cases WHERE id = $1', [id])).rows[0]
    ?.assignee_id ?? null
const assignEvents = async (id: string) =>
  (
    await h.db.pool.query(
      `SELECT 1 FROM audit_events WHERE case_id = $1 AND event_type = 'CaseAssigned' AND payload->>'assigneeId' = $2`,
      [id, (await actorFor(h, 'reviewer')).id],
    )
  ).rowCount

describe('bulk assignment from the case list', () => {
  it('assigns the ticked cases to the chosen person, one audited change per case, and says so', async () => {
    const correspondence = await actorFor(h, 'correspondence')
    const reviewer = await actorFor(h, 'reviewer')
    const a = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Bea Bulk' } })).state
    const b = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Bo Bulk' } })).state
    const lead = await new StaffClient(h.app).signInAs('dp-manager')
    const list = lead.$(await lead.get('/staff/cases?search=Bulk'))
    expect(list(`input[name="cases"][value="${a.id}"]`).length).toBe(1)
    expect(
      list('#assigneeId option')
        .map((_, o) => list(o).text())
        .get(),
    ).toContain(reviewer.name)
    const res = await lead.post('/staff/cases/bulk-assign?search=Bulk', {
      cases: [a.id, b.id],
      assigneeId: reviewer.id,
    })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toContain('search=Bulk')
    expect(await assigneeOf(a.id)).toBe(reviewer.id)
    expect(await assigneeOf(b.id)).toBe(reviewer.id)
    expect(await assignEvents(a.id)).toBe(1)
    expect(await assignEvents(b.id)).toBe(1)
    const after = lead.$(await lead.follow(res))
    expect(after('.govuk-notification-banner--success').text()).toContain(`2 cases assigned to ${reviewer.name}`)
  })

  it('without a case or a person, names what is missing and changes nothing', async () => {
    const correspondence = await actorFor(h, 'correspondence')
    const c = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Nobody Chosen' } })).state
    const lead = await new StaffClient(h.app).signInAs('dp-manager')
    await lead.get('/staff/cases')
    const none = await lead.post('/staff/cases/bulk-assign', { assigneeId: (await actorFor(h, 'reviewer')).id })
    expect(none.statusCode).toBe(400)
    expect(lead.$(none)('.govuk-error-summary').text()).toContain('Select the cases to assign')
    const nobody = await lead.post('/staff/cases/bulk-assign', { cases: [c.id], assigneeId: '' })
    expect(nobody.statusCode).toBe(400)
    const $ = lead.$(nobody)
    expect($('.govuk-error-summary').text()).toContain('Choose who to assign the cases to')
    // The ticked case is still ticked, so the officer only has to choose the person.
    expect($(`input[name="cases"][value="${c.id}"]`).attr('checked')).toBeDefined()
    expect(await assigneeOf(c.id)).toBeNull()
  })

  it('is refused without the form’s CSRF token', async () => {
    const correspondence = await actorFor(h, 'correspondence')
    const c = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Cee Surf' } })).state
    const lead = await new StaffClient(h.app).signInAs('dp-manager')
    await lead.get('/staff/cases')
    const res = await lead.post(
      '/staff/cases/bulk-assign',
      { cases: [c.id], assigneeId: (await actorFor(h, 'reviewer')).id },
      { csrf: false },
    )
    expect(res.statusCode).toBe(403)
    expect(await assigneeOf(c.id)).toBeNull()
  })

  it('never reaches another controller’s case: one such case in the selection and none is assigned', async () => {
    const correspondence = await actorFor(h, 'correspondence')
    const reviewer = await actorFor(h, 'reviewer')
    const ours = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Opal Own' } })).state
    const theirs = (
      await logRequest(
        h.deps,
        { ...correspondence, controllerIds: null },
        {
          ...NEW_REQUEST,
          controllerId: 'northshire-police',
          subject: { name: 'Percy Police' },
        },
      )
    ).state
    // A team leader of the OPCC only.
    const lead = { ...(await actorFor(h, 'dp-manager')), controllerIds: ['northshire-opcc'] }
    const refused = await bulkAssign(h.deps, lead, [ours.id, theirs.id], reviewer.id).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.code).toBe('not-found')
    expect(await assigneeOf(ours.id)).toBeNull()
    expect(await assigneeOf(theirs.id)).toBeNull()
    // Nor can a case be given to someone who does not work for its controller.
    const outsider = { ...reviewer, id: '00000000-0000-4000-8000-000000000000' }
    const nobody = await bulkAssign(h.deps, lead, [ours.id], outsider.id).catch((e: unknown) => e)
    expect(isDomainError(nobody) && nobody.code).toBe('validation')
    expect(await assigneeOf(ours.id)).toBeNull()
  })
})
