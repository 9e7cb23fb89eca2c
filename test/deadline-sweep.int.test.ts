import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { sweepDeadlines } from '../src/application/sweep-deadlines.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { startSmtpPeer } from './support/smtp-peer.js'

let h: Harness
let jobs: Jobs
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>

beforeAll(async () => {
  smtp = await startSmtpPeer()
  h = await startHarness({
    jobs: async (url) => {
      jobs = await startJobs(url, 'both')
      return jobs
    },
  })
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: 'Rightsdesk <rightsdesk@test.example>',
    outboxDir: '/nonexistent',
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
})

afterAll(async () => {
  await jobs?.stop()
  await h?.close()
  await smtp?.close()
})

async function waitFor(check: () => boolean, ms = 20_000) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('the deadline sweep', () => {
  it('flags overdue and due-soon cases once, and emails the assigned officer, the DP manager and the reviewer over SMTP', async () => {
    const first = await sweepDeadlines(h.deps)
    const overdue = first.flagged.filter((f) => f.kind === 'overdue')
    expect(overdue.length).toBeGreaterThanOrEqual(2)
    expect(first.flagged.some((f) => f.kind === 'extension-notice-due' || f.kind === 'due-soon')).toBe(true)

    const ref = overdue[0]!.reference
    await waitFor(() => smtp.received.some((m) => m.subject.startsWith(`${ref} is overdue`)))
    const mail = smtp.received.find((m) => m.subject.startsWith(`${ref} is overdue`))!
    expect(mail.to).toEqual(expect.arrayContaining([demoEmail('dp-manager'), demoEmail('reviewer')]))
    expect(mail.to).not.toContain(demoEmail('staff'))
    expect(mail.text).toContain('/staff/cases/')

    const events = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE event_type = 'DeadlineFlagged'",
    )
    expect(events.rows[0].n).toBe(first.flagged.length)
  })

  it('adds nothing when it runs again on the same day', async () => {
    const again = await sweepDeadlines(h.deps)
    expect(again.flagged).toEqual([])
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })
})
