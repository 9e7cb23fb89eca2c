import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { runDisposalList } from '../src/application/governance/dispose-case.js'
import { saveRetentionRule } from '../src/application/governance/retention-rules.js'
import { DEFAULT_RETENTION_RULES, type Role } from '../src/domain/index.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'

// Issue 14: the Chief Executive answers a disposal list with more than "approve": a case taken off with a reason,
// or the whole list rejected with a reason. Through the staff pages, against the demo office.

let h: Harness
const clients = new Map<Role, StaffClient>()
const as = async (role: Role) => {
  if (!clients.has(role)) clients.set(role, await new StaffClient(h.app).signInAs(role))
  return clients.get(role)!
}
const errorSummary = (c: StaffClient) => c.$()('.govuk-error-summary').text().replace(/\s+/g, ' ')
const listRow = async (id: string) =>
  (await h.db.pool.query('SELECT status, items, removed, rejection_reason FROM disposal_lists WHERE id = $1', [id]))
    .rows[0] as {
    status: string
    items: { caseId: string; reference: string }[]
    removed: { caseId: string; reference: string; reason: string }[]
    rejection_reason: string | null
  }

async function propose(): Promise<string> {
  const dp = await as('dp-manager')
  await dp.get('/staff/governance/disposal')
  const res = await dp.post('/staff/governance/disposal', { controllerId: 'northshire-police' })
  expect(res.statusCode).toBe(303)
  return String(res.headers.location).split('/').pop()!.split('?')[0]!
}

beforeAll(async () => {
  h = await startHarness()
  // A short schedule, so the demo's closed cases are past their date and each list has several cases on it.
  for (const rule of DEFAULT_RETENTION_RULES) await saveRetentionRule(h.deps, SYSTEM_ACTOR, { ...rule, months: 1 })
})
afterAll(async () => {
  await h?.close()
})

describe('the Chief Executive’s decisions on a disposal list', () => {
  let listId = ''

  it('takes a case off a proposed list only with a reason, keeps it when the rest is disposed of, and says why on the list and the case', async () => {
    listId = await propose()
    const ce = await as('chief-executive')
    const before = await listRow(listId)
    expect(before.items.length).toBeGreaterThan(1)
    const kept = before.items[0]!
    const page = await ce.get(`/staff/governance/disposal/${listId}`)
    expect(ce.$()(`#remove-${kept.reference}`).attr('href')).toBe(
      `/staff/governance/disposal/${listId}/cases/${kept.caseId}/remove`,
    )
    expect(page.body).toContain('Reject the list')
    const url = `/staff/governance/disposal/${listId}/cases/${kept.caseId}/remove`
    expect((await ce.get(url)).statusCode).toBe(200)
    const blank = await ce.post(url, { reason: '  ' })
    expect(blank.statusCode).toBe(422)
    expect(errorSummary(ce)).toContain('Enter the reason for your decision')
    expect((await listRow(listId)).items.length).toBe(before.items.length)

    const reason = 'The requester has issued a claim about this response; keep it until the claim ends'
    const res = await ce.post(url, { reason })
    expect(res.statusCode).toBe(303)
    const shown = await ce.follow(res)
    expect(shown.body).toContain(`Case ${kept.reference} was taken off the list`)
    expect(ce.$()('#removed-cases').text()).toContain(reason)
    const after = await listRow(listId)
    expect(after.items.map((i) => i.caseId)).not.toContain(kept.caseId)
    expect(after.removed).toMatchObject([{ caseId: kept.caseId, reason }])

    // The case's own record says it was kept and why.
    await ce.get(`/staff/cases/${kept.caseId}`)
    expect(ce.$()('body').text()).toContain(`and kept: ${reason}`)

    // Approved and run: every other case goes, the one taken off stays.
    await ce.post(`/staff/governance/disposal/${listId}/approve`, { confirm: 'checked' })
    await runDisposalList(h.deps, listId)
    const live = await h.db.pool.query('SELECT id FROM cases WHERE id = ANY($1::uuid[])', [
      before.items.map((i) => i.caseId),
    ])
    expect(live.rows.map((r) => r.id)).toEqual([kept.caseId])
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  it('rejects a whole list only with a reason; nothing on it is disposed of and it can no longer be approved', async () => {
    const rejected = await propose()
    const ce = await as('chief-executive')
    await ce.get(`/staff/governance/disposal/${rejected}`)
    expect((await ce.post(`/staff/governance/disposal/${rejected}/reject`, { reason: '' })).statusCode).toBe(422)
    expect(errorSummary(ce)).toContain('Enter the reason for your decision')
    expect((await listRow(rejected)).status).toBe('proposed')

    const reason = 'The retention schedule is being revised by the board next week'
    const res = await ce.post(`/staff/governance/disposal/${rejected}/reject`, { reason })
    expect(res.statusCode).toBe(303)
    const page = await ce.follow(res)
    expect(page.body).toContain('The list is rejected. Nothing on it will be disposed of.')
    expect(ce.$()('#list-status').text()).toBe('Rejected')
    expect(ce.$()('.govuk-summary-list').text()).toContain(reason)
    expect((await listRow(rejected)).rejection_reason).toBe(reason)

    const again = await ce.post(`/staff/governance/disposal/${rejected}/approve`, { confirm: 'checked' })
    expect(again.statusCode).toBe(409)
    expect(errorSummary(ce)).toContain('This list has already been decided')
    const audit = await h.db.pool.query("SELECT payload FROM audit_events WHERE event_type = 'DisposalListRejected'")
    expect(audit.rows.map((r) => r.payload.reason)).toEqual([reason])
  })

  it('does not let the Data Protection Manager, who proposes lists, reject one or take cases off it', async () => {
    const own = await propose()
    const dp = await as('dp-manager')
    // The DP manager has no authority to decide at all; the route refuses before the four-eyes rule is reached.
    expect((await dp.post(`/staff/governance/disposal/${own}/reject`, { reason: 'Changed my mind' })).statusCode).toBe(
      403,
    )
    const item = (await listRow(own)).items[0]!
    const url = `/staff/governance/disposal/${own}/cases/${item.caseId}/remove`
    expect((await dp.post(url, { reason: 'Keep it' })).statusCode).toBe(403)
    expect((await listRow(own)).status).toBe('proposed')
  })
})
