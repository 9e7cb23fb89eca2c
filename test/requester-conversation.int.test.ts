import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actOnCase } from '../src/application/casework/act-on-case.js'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { StaffClient } from './support/casework-client.js'
import { PortalClient, errorSummary } from './support/portal-client.js'

// Issue 14: the requester's follow page shows every letter and message, and a reply to a clarification request
// resumes the clock on the day it arrives (Art 12A(5) UK GDPR: the pause ends with the day the answer is received).

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
  h.setNow(null)
  await h?.close()
})

const at = (iso: string) => h.setNow(iso)

async function caseRow(id: string): Promise<{ state: CaseState; due_on: string | null }> {
  return (await h.db.pool.query('SELECT state, due_on FROM cases WHERE id = $1', [id])).rows[0]
}

/** An access request received on 2 March 2026 with identity confirmed that day, acknowledged by letter. */
async function receivedOnSecondMarch(name: string, email: string): Promise<string> {
  at('2026-03-02T10:00:00Z')
  const dp = await actorFor(h, 'dp-manager')
  const { state } = await logRequest(h.deps, dp, {
    ...NEW_REQUEST,
    receivedAt: '2026-03-02T09:00:00Z',
    subject: { name, email },
  })
  await executeCommand(h.deps, dp, state.id, {
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: '2026-03-02',
    verifierId: dp.id,
    receivedOn: '2026-03-02',
  })
  await actOnCase(h.deps, dp, state.id, { type: 'Acknowledge' }, { template: 'acknowledgement' })
  return state.id
}

async function askForClarificationOnFourthMarch(caseId: string) {
  at('2026-03-04T11:00:00Z')
  const dp = await actorFor(h, 'dp-manager')
  await actOnCase(
    h.deps,
    dp,
    caseId,
    { type: 'RequestClarification', question: 'Which years does your request cover?' },
    { template: 'clarification-request', extras: { question: 'Which years does your request cover?' } },
  )
}

async function signIn(client: PortalClient, reference: string, email: string) {
  await client.get('/follow')
  await client.post('/follow', { reference, email })
  await client.get('/follow/code')
  const code = [...mails].reverse().find((m) => m.to.includes(email) && m.subject.includes('code'))
  const res = await client.post('/follow/code', { code: code?.text.match(/^\d{6}$/m)?.[0] ?? '' })
  expect(res.location, errorSummary(res).join()).toBe('/follow/case')
  return client.get('/follow/case')
}

describe('the conversation with the requester', () => {
  it('a clarification answered on the portal on 10 March resumes the clock from 10 March', async () => {
    const email = 'cara.conversation@mail.example'
    const caseId = await receivedOnSecondMarch('Cara Conversation', email)
    await askForClarificationOnFourthMarch(caseId)
    const before = await caseRow(caseId)
    expect(before.state.status).toBe('awaiting-clarification')

    at('2026-03-10T16:30:00Z')
    const client = new PortalClient(h.app)
    await signIn(client, before.state.reference, email)
    await client.get('/follow/case/reply')
    const sent = await client.postMultipart('/follow/case/reply', { message: 'Only 2024 and 2025, please.' }, null)
    expect(sent.location).toBe('/follow/case?sent=1')

    // uk-rules.md §1.3 example 22: received 2 March, paused 4–10 March (7 days) → due Thursday 9 April 2026.
    const after = await caseRow(caseId)
    expect(after.state.pauses).toEqual([
      expect.objectContaining({ requestedOn: '2026-03-04', resolvedOn: '2026-03-10' }),
    ])
    expect(after.due_on).toBe('2026-04-09')
    expect(after.state.status).not.toBe('awaiting-clarification')

    // Two days later an officer opens the case: the reply is in front of them, dated by its arrival, not today.
    at('2026-03-12T09:00:00Z')
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const list = officer.$(await officer.get(`/staff/cases?search=${encodeURIComponent('Cara Conversation')}`))
    expect(list(`a[href="/staff/cases/${caseId}"]`).closest('tr').text()).toContain('Requester replied')
    const page = officer.$(await officer.get(`/staff/cases/${caseId}`))
    const banner = page('#requester-replied').text()
    expect(banner).toContain('The requester replied on 10 March 2026.')
    expect(banner).toContain('Clarification received on 10 March 2026: the clock resumed from that day.')
    expect(page('#due-date').text()).toContain('9 April 2026')
    expect((await caseRow(caseId)).due_on).toBe('2026-04-09')
    // Opened by a caseworker, the reply is read: the list no longer flags it.
    const again = officer.$(await officer.get(`/staff/cases?search=${encodeURIComponent('Cara Conversation')}`))
    expect(again(`a[href="/staff/cases/${caseId}"]`).closest('tr').text()).not.toContain('Requester replied')
  })

  it('the follow page shows every letter and message, newest first, and the letters can be downloaded', async () => {
    const email = 'lena.letters@mail.example'
    const caseId = await receivedOnSecondMarch('Lena Letters', email)
    await askForClarificationOnFourthMarch(caseId)
    at('2026-03-05T08:00:00Z')
    const reference = (await caseRow(caseId)).state.reference
    const client = new PortalClient(h.app)
    await signIn(client, reference, email)
    await client.get('/follow/case/reply')
    await client.postMultipart('/follow/case/reply', { message: 'The years 2024 and 2025.' }, null)
    const page = await client.get('/follow/case')
    const items = page
      .$('.rd-conversation__item h3')
      .map((_, el) => page.$(el).text().trim())
      .get()
    expect(items).toHaveLength(3)
    expect(items[0]).toBe('From you, 5 March 2026')
    expect(items[1]).toMatch(/^From us, 4 March 2026: /)
    expect(items[2]).toMatch(/^From us, 2 March 2026: /)
    expect(page.$('.rd-conversation__item').eq(1).text()).toContain('Which years does your request cover?')
    const link = page.$('.rd-conversation__item').eq(1).find('a[href^="/follow/case/documents/"]')
    expect(link.length).toBe(1)
    const download = await client.get(String(link.attr('href')))
    expect(download.status).toBe(200)
    expect(download.res.headers['content-type']).toBe('application/pdf')
    expect(download.body.startsWith('%PDF')).toBe(true)
  })

  it('a reply while we wait for proof of identity leaves the check to an officer, who is told the date it came', async () => {
    at('2026-03-02T10:00:00Z')
    const dp = await actorFor(h, 'dp-manager')
    const email = 'ida.identity@mail.example'
    const { state } = await logRequest(h.deps, dp, {
      ...NEW_REQUEST,
      receivedAt: '2026-03-02T09:00:00Z',
      subject: { name: 'Ida Identity', email },
    })
    await actOnCase(h.deps, dp, state.id, { type: 'RequestIdentity' }, { template: 'identity-request' })
    at('2026-03-06T10:00:00Z')
    const client = new PortalClient(h.app)
    await signIn(client, state.reference, email)
    await client.get('/follow/case/reply')
    await client.postMultipart('/follow/case/reply', { message: 'I will post my passport copy.' }, null)
    expect((await caseRow(state.id)).state.status).toBe('awaiting-identity')
    const officer = await new StaffClient(h.app).signInAs('dp-manager')
    const banner = officer
      .$(await officer.get(`/staff/cases/${state.id}`))('#requester-replied')
      .text()
    expect(banner).toContain('The requester replied on 6 March 2026.')
    expect(banner).toContain('Check whether the reply contains the proof of identity we asked for')
  })
})
