import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMonthlyPack, sendMonthlyPackIfDue } from '../src/application/governance/monthly-pack.js'
import type { EmailJob } from '../src/application/follow-up-jobs.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor } from './support/casework-fixtures.js'

let h: Harness
const queued: { queue: string; data: object }[] = []

beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({ enqueue: async (_tx, queue, data) => void queued.push({ queue, data }) }),
  })
})
afterAll(async () => h?.close())

describe('the monthly compliance pack', () => {
  it('is emailed on the first working day of the month, once, to the Chief Executive, the Head of Policy and the DP manager', async () => {
    h.setNow('2026-12-01T08:00:00Z') // Tuesday 1 December 2026: the first working day
    expect(await sendMonthlyPackIfDue(h.deps)).toBe('2026-11')
    const emails = queued.filter((j) => j.queue === 'email-send').map((j) => j.data as EmailJob)
    expect(emails).toHaveLength(1)
    expect(emails[0]!.to.sort()).toEqual(
      [demoEmail('chief-executive'), demoEmail('dp-manager'), demoEmail('reviewer')].sort(),
    )
    expect(emails[0]!.attachments?.map((a) => a.filename.split('.').pop())).toEqual(['pdf', 'csv'])
    expect(emails[0]!.subject).toBe('Data protection compliance pack for November 2026')
    const docs = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM documents WHERE kind = 'report' AND storage_key IS NOT NULL",
    )
    expect(docs.rows[0].n).toBe(2)
    expect(await sendMonthlyPackIfDue(h.deps)).toBeNull()
  })

  it('is not sent on other days', async () => {
    h.setNow('2026-12-02T08:00:00Z')
    expect(await sendMonthlyPackIfDue(h.deps)).toBeNull()
    h.setNow('2027-01-01T08:00:00Z') // New Year's Day: the pack waits for Monday 4 January
    expect(await sendMonthlyPackIfDue(h.deps)).toBeNull()
    h.setNow('2027-01-04T08:00:00Z')
    expect(await sendMonthlyPackIfDue(h.deps)).toBe('2026-12')
    h.setNow(null)
  })

  it('is still sent on schedule when one organisation’s pack was emailed by hand that morning', async () => {
    h.setNow('2027-02-01T07:00:00Z') // Monday 1 February 2027: the first working day
    const reviewer = await actorFor(h, 'reviewer')
    await sendMonthlyPack(h.deps, reviewer, '2027-01', { controllerId: 'northshire-opcc' })
    const byHand = queued.filter((j) => j.queue === 'email-send').at(-1)!.data as EmailJob
    expect(byHand.attachments?.[0]?.filename).toBe('compliance-pack-2027-01-northshire-opcc.pdf')
    expect(await sendMonthlyPackIfDue(h.deps)).toBe('2027-01')
    const scheduled = queued.filter((j) => j.queue === 'email-send').at(-1)!.data as EmailJob
    expect(scheduled.attachments?.[0]?.filename).toBe('compliance-pack-2027-01-all-controllers.pdf')
    expect(await sendMonthlyPackIfDue(h.deps)).toBeNull()
    h.setNow(null)
  })
})
