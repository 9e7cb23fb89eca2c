import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { sendRequesterMessage } from '../src/application/portal/requester-message.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'

// Issue 14: the staff home shows the queues of work with their counts, and each count opens the cases behind it.

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

async function queues(c: StaffClient) {
  const $ = c.$(await c.get('/staff/cases'))
  return Object.fromEntries(
    $('#work-queues li')
      .map((_, li) => [[$(li).find('a').contents().first().text().trim(), Number($(li).find('strong').text())]])
      .get() as [string, number][],
  )
}

async function listed(c: StaffClient, queue: string) {
  const $ = c.$(await c.get(`/staff/cases?queue=${queue}`))
  return $('main table tbody tr')
    .map((_, tr) => $(tr).text())
    .get()
    .join('\n')
}

describe('work queues on the staff home', () => {
  it('counts new, unacknowledged, replied and overdue cases, and each count opens its cases', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const before = await queues(officer)
    expect(Object.keys(before)).toEqual([
      'New today',
      'Needs acknowledging',
      'Requester replied',
      'Waiting for me',
      'Due in 5 working days',
      'Overdue',
      'My search tasks',
    ])
    const today = localDateInLondon(h.deps.clock.now())
    const fresh = (await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Quinn Queue' } })).state
    const old = (
      await logRequest(h.deps, dp, {
        ...NEW_REQUEST,
        receivedAt: `${addDays(today, -70)}T12:00:00Z`,
        subject: { name: 'Olive Overdue' },
      })
    ).state
    await executeCommand(h.deps, dp, old.id, { type: 'Acknowledge' })
    await sendRequesterMessage(h.deps, {
      caseId: old.id,
      body: 'Any news?',
      composeNotification: () => ({ subject: 'Message', text: 'x' }),
    })
    const after = await queues(officer)
    expect(after['New today']).toBe(before['New today']! + 1)
    expect(after['Needs acknowledging']).toBe(before['Needs acknowledging']! + 1)
    expect(after['Requester replied']).toBe(before['Requester replied']! + 1)
    expect(after['Overdue']).toBe(before['Overdue']! + 1)
    expect(await listed(officer, 'new-today')).toContain('Quinn Queue')
    expect(await listed(officer, 'new-today')).not.toContain('Olive Overdue')
    expect(await listed(officer, 'to-acknowledge')).toContain('Quinn Queue')
    expect(await listed(officer, 'to-acknowledge')).not.toContain('Olive Overdue')
    expect(await listed(officer, 'replied')).toContain('Olive Overdue')
    expect(await listed(officer, 'overdue')).toContain('Olive Overdue')
    expect(await listed(officer, 'overdue')).not.toContain('Quinn Queue')
    expect(fresh.reference).not.toBe(old.reference)
  })
})

describe('waiting for me', () => {
  it('opens for approvers and for whoever decides appeals, as for caseworkers', async () => {
    for (const role of ['reviewer', 'chief-executive', 'dp-manager', 'correspondence'] as const) {
      const c = await new StaffClient(h.app).signInAs(role)
      const res = await c.get('/staff/cases?queue=waiting-for-me')
      expect(res.statusCode, role).toBe(200)
    }
  })
})
