import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { createApiToken } from '../src/application/create-api-token.js'
import { runDisposalList } from '../src/application/governance/dispose-case.js'
import { logRequest } from '../src/application/log-request.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { OPCC, POLICE, scopedUser } from './support/boundary.js'
import { StaffClient } from './support/casework-client.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { dateFields, samplePdf } from './support/casework-steps.js'

/**
 * Issue 11's findings about the controller boundary, each as it was found (an OPCC and its police force served by one
 * deployment): each of these failed before the boundary was one mechanism in the application layer.
 */

let h: Harness
let opccCase: { id: string; reference: string }
let policeCase: { id: string; reference: string }
const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const errorSummary = (c: StaffClient) => c.$()('.govuk-error-summary').text()

beforeAll(async () => {
  h = await startHarness({ cacheTemplates: true })
  const correspondence = await actorFor(h, 'correspondence')
  const log = async (controllerId: string, name: string) => {
    const { state } = await logRequest(h.deps, correspondence, { ...NEW_REQUEST, controllerId, subject: { name } })
    return { id: state.id, reference: state.reference }
  }
  opccCase = await log(OPCC, 'Olive Opcc')
  policeCase = await log(POLICE, 'Percy Police')
})
afterAll(async () => h?.close())

describe('issue 11: controllers are a boundary', () => {
  it('an OPCC DP manager’s disposal list, approved by the OPCC’s Chief Executive, lists and destroys no Police case', async () => {
    const threeYearsOn = new Date(Date.now() + 3 * 366 * 86_400_000).toISOString()
    h.setNow(threeYearsOn)
    try {
      const dp = await scopedUser(h, 'dp-manager', [OPCC])
      const ce = await scopedUser(h, 'chief-executive', [OPCC])
      const policeEnded = await h.db.pool.query<{ id: string }>(
        "SELECT id FROM cases WHERE controller_id = $1 AND status IN ('closed', 'withdrawn')",
        [POLICE],
      )
      expect(policeEnded.rows.length).toBeGreaterThan(0)
      await dp.client.get('/staff/governance/disposal')
      const proposed = await dp.client.post('/staff/governance/disposal', {})
      expect(proposed.statusCode, errorSummary(dp.client)).toBe(303)
      const listId = String(proposed.headers.location).split('/').pop()!.split('?')[0]!
      const items = (await h.db.pool.query('SELECT items FROM disposal_lists WHERE id = $1', [listId])).rows[0]
        .items as { controllerId: string }[]
      expect(items.length).toBeGreaterThan(0)
      expect(items.filter((i) => i.controllerId !== OPCC)).toEqual([])
      // The force's Chief Executive cannot see or approve the OPCC's list.
      const policeCe = await scopedUser(h, 'chief-executive', [POLICE])
      expect((await policeCe.client.get(`/staff/governance/disposal/${listId}`)).statusCode).toBe(404)
      expect((await policeCe.client.get('/staff/governance/disposal')).body).not.toContain(listId)
      await ce.client.get(`/staff/governance/disposal/${listId}`)
      const approved = await ce.client.post(`/staff/governance/disposal/${listId}/approve`, { confirm: 'checked' })
      expect(approved.statusCode, errorSummary(ce.client)).toBe(303)
      await runDisposalList(h.deps, listId)
      const left = await h.db.pool.query('SELECT id FROM cases WHERE id = ANY($1::uuid[])', [
        policeEnded.rows.map((r) => r.id),
      ])
      expect(left.rows.length).toBe(policeEnded.rows.length)
    } finally {
      h.setNow(null)
    }
  })

  it('a Police search task cannot be sent to an OPCC-only person or team, and one who loses the controller cannot open or answer it', async () => {
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    const opccStaff = await scopedUser(h, 'staff', [OPCC], 'OPCC information team')
    const task = (over: Record<string, string>) => ({
      ...dateFields('dueOn', addDays(localDateInLondon(h.deps.clock.now()), 5)),
      identifiers: 'Percy Police\npercy@mail.example',
      scope: ['live', 'email'],
      instructions: 'Search your inbox',
      ...over,
    })
    const tasksOf = async () =>
      (await h.db.pool.query('SELECT id FROM search_tasks WHERE case_id = $1', [policeCase.id])).rows.length
    await dp.get(`/staff/cases/${policeCase.id}/tasks/new`)
    expect(dp.last!.body).not.toContain(opccStaff.id)
    expect(dp.last!.body).not.toContain('OPCC information team')
    const byName = await dp.post(`/staff/cases/${policeCase.id}/tasks/new`, task({ assigneeId: opccStaff.id }))
    expect(byName.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain('Choose someone who works on this organisation’s cases')
    const byTeam = await dp.post(`/staff/cases/${policeCase.id}/tasks/new`, task({ team: 'OPCC information team' }))
    expect(byTeam.statusCode).toBe(400)
    expect(await tasksOf()).toBe(0)

    // Someone of both controllers is sent the task, then moves to the OPCC only: the task is no longer theirs to see.
    const mover = await scopedUser(h, 'staff', [OPCC, POLICE])
    expect((await dp.post(`/staff/cases/${policeCase.id}/tasks/new`, task({ assigneeId: mover.id }))).statusCode).toBe(
      303,
    )
    const taskId = (await h.db.pool.query('SELECT id FROM search_tasks WHERE case_id = $1', [policeCase.id])).rows[0]
      .id as string
    await h.db.pool.query('UPDATE users SET controller_ids = $2 WHERE id = $1', [mover.id, [OPCC]])
    const view = await mover.client.get(`/staff/tasks/${taskId}`)
    expect(view.statusCode).toBe(404)
    expect(view.body).not.toContain('Percy Police')
    expect((await mover.client.get('/staff/tasks')).body).not.toContain(policeCase.reference)
    const upload = await mover.client.postMultipart(
      `/staff/tasks/${taskId}`,
      { found: 'yes', whereSearched: 'My inbox and the archive' },
      [{ field: 'files', filename: 'found.pdf', content: await samplePdf('Percy Police'), type: 'application/pdf' }],
    )
    expect(upload.statusCode).toBe(404)
    const docs = await h.db.pool.query('SELECT 1 FROM documents WHERE case_id = $1', [policeCase.id])
    expect(docs.rows.length).toBe(0)
  })

  it('refuses links and parents to the other controller’s case (422 problem in the API, error summary on the form)', async () => {
    const token = await h.tokenFor('dp-manager') // holds both controllers
    const link = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${opccCase.id}/commands`,
      headers: auth(token),
      payload: { type: 'LinkCase', otherCaseId: policeCase.id, relation: 'related' },
    })
    expect(link.statusCode).toBe(422)
    expect(link.headers['content-type']).toContain('application/problem+json')
    expect(link.json()).toMatchObject({ code: 'validation', errors: [{ path: 'otherCaseId' }] })
    const complaint = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth(await h.tokenFor('correspondence')),
      payload: { ...NEW_REQUEST, caseType: 'complaint', right: undefined, parentCaseId: policeCase.id },
    })
    expect(complaint.statusCode).toBe(422)
    expect(complaint.json()).toMatchObject({ code: 'validation', errors: [{ path: 'parentCaseId' }] })
    const linked = await h.db.pool.query("SELECT state->'links' AS links FROM cases WHERE id = $1", [opccCase.id])
    expect(linked.rows[0].links).toEqual([])
    const parented = await h.db.pool.query('SELECT 1 FROM cases WHERE parent_case_id = $1', [policeCase.id])
    expect(parented.rows.length).toBe(0)
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get(`/staff/cases/${opccCase.id}/link`)
    const form = await dp.post(`/staff/cases/${opccCase.id}/link`, {
      otherReference: policeCase.reference,
      relation: 'related',
    })
    expect(form.statusCode).toBe(400)
    expect(errorSummary(dp)).not.toBe('')
  })

  it('scopes API tokens, reports, exports and discovery to the controllers the actor holds', async () => {
    // A token of someone holding both controllers, issued for the Police only, reaches nothing of the OPCC's.
    const { token } = await createApiToken(h.deps, SYSTEM_ACTOR, {
      email: demoEmail('dp-manager'),
      label: 'force case system',
      controllerIds: [POLICE],
    })
    expect((await h.app.inject({ url: `/api/v1/cases/${opccCase.id}`, headers: auth(token) })).statusCode).toBe(404)
    const list = await h.app.inject({ url: '/api/v1/cases?limit=500', headers: auth(token) })
    expect(list.json().rows.map((r: { controllerId: string }) => r.controllerId)).not.toContain(OPCC)
    const logged = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth(token),
      payload: NEW_REQUEST,
    })
    expect(logged.statusCode).toBe(404)
    await expect(
      createApiToken(h.deps, SYSTEM_ACTOR, {
        email: (await scopedUser(h, 'reviewer', [OPCC])).email,
        label: 'x',
        controllerIds: [POLICE],
      }),
    ).rejects.toMatchObject({ code: 'validation' })

    const reviewer = await scopedUser(h, 'reviewer', [POLICE])
    for (const url of ['/staff/reports/cases.csv', '/staff/reports/figures.csv', '/staff/cases/export.csv'])
      expect((await reviewer.client.get(url)).body, url).not.toContain(opccCase.reference)
    // Asking for the OPCC's figures by name is refused (an unknown choice of organisation).
    expect([400, 404]).toContain((await reviewer.client.get(`/staff/reports?controller=${OPCC}`)).statusCode)
    const dp = await scopedUser(h, 'dp-manager', [POLICE])
    expect((await dp.client.get(`/staff/cases/${opccCase.id}/discovery`)).statusCode).toBe(404)
    expect((await dp.client.get('/staff/tasks')).body).not.toContain(opccCase.reference)
  })
})
