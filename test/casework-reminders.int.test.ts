import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR, type Actor } from '../src/application/actor.js'
import { chaseOverdueTasks } from '../src/application/casework/chase-overdue-tasks.js'
import { DEFAULT_SETTINGS } from '../src/application/casework/settings.js'
import { createSearchTask } from '../src/application/casework/search-tasks.js'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { updateSettings } from '../src/application/staff/update-settings.js'
import { sweepDeadlines } from '../src/application/sweep-deadlines.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { startSmtpCapture } from './support/smtp-capture.js'

// Issue "Reminders": the deadline sweep emails the assignee when a case is due within 5 working days and when the
// extension notice deadline is near; the DP manager and reviewer when a case is overdue; staff with overdue search
// tasks. All of it configurable. Mail goes to a real SMTP server.

let h: Harness
let jobs: Jobs
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>
let dp: Actor
let staffId: string

beforeAll(async () => {
  smtp = await startSmtpCapture()
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: 'Rightsdesk <no-reply@test.example>',
    outboxDir: path.join(h.blobDir, 'x'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  const users = await h.db.pool.query<{ id: string; email: string }>('SELECT id, email FROM users')
  const id = (role: string) => users.rows.find((u) => u.email === demoEmail(role))!.id
  dp = { kind: 'user', id: id('dp-manager'), name: 'Daniel Okafor', roles: ['dp-manager'], controllerIds: null }
  staffId = id('staff')
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
  await smtp?.close()
})

async function assignedCase(receivedDaysAgo: number, name: string) {
  const today = localDateInLondon(new Date())
  const { state } = await logRequest(h.deps, dp, {
    controllerId: 'northshire-opcc',
    caseType: 'rights-request',
    right: 'access',
    route: 'UK_GDPR',
    channel: 'email',
    receivedAt: `${addDays(today, -receivedDaysAgo)}T12:00:00Z`,
    subject: { name },
    requesterType: 'self',
    request: { description: 'My records', actionWanted: '', reasons: '', details: {} },
  })
  await executeCommand(h.deps, dp, state.id, { type: 'Assign', assigneeId: dp.id })
  return state
}

/**
 * Until every email the sweep queued has been sent (the capture keeps a message before it answers the sender): an
 * email that has not arrived by then was never queued. Polled, not a fixed wait.
 */
async function emailQueueSettled() {
  const pending = async () =>
    (
      await h.db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email-send' AND state IN ('created', 'retry', 'active')",
      )
    ).rows[0]?.n
  for (const until = Date.now() + 60_000; (await pending()) !== 0; await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > until) throw new Error('queued emails were not all sent within 60 s')
  }
}

const mailsAbout = (reference: string) => smtp.received.filter((m) => m.subject.includes(reference))

describe('reminders from the deadline sweep', () => {
  it('tells the assignee when a case is due soon and when the extension notice deadline is near', async () => {
    const c = await assignedCase(27, 'Due Soon')
    await jobs.boss.send('deadline-sweep', {})
    const dueSoon = await smtp.waitFor((m) => m.subject.startsWith(`${c.reference} is due on`))
    expect(dueSoon.to).toEqual([demoEmail('dp-manager')])
    expect(dueSoon.text).toContain(`/staff/cases/${c.id}`)
    const notice = await smtp.waitFor((m) =>
      m.subject.startsWith(`${c.reference}: the last day to give notice of an extension`),
    )
    expect(notice.text).toContain('Article 12A(4)')
  })

  it('tells the DP manager and the reviewer when a case is overdue', async () => {
    const c = await assignedCase(40, 'Over Due')
    await sweepDeadlines(h.deps)
    const overdue = await smtp.waitFor((m) => m.subject.startsWith(`${c.reference} is overdue`))
    expect(overdue.to).toEqual(expect.arrayContaining([demoEmail('dp-manager'), demoEmail('reviewer')]))
    expect(overdue.to).not.toContain(demoEmail('staff'))
  })

  it('follows the settings: no due-soon email when turned off, and overdue goes to the roles chosen', async () => {
    await updateSettings(h.deps, SYSTEM_ACTOR, {
      reminders: { ...DEFAULT_SETTINGS.reminders, remindAssigneeDueSoon: false, overdueRoles: ['chief-executive'] },
    })
    try {
      const soon = await assignedCase(27, 'Quiet Case')
      const late = await assignedCase(45, 'Late Case')
      await sweepDeadlines(h.deps)
      const overdue = await smtp.waitFor((m) => m.subject.startsWith(`${late.reference} is overdue`))
      expect(overdue.to).toEqual(expect.arrayContaining([demoEmail('chief-executive'), demoEmail('dp-manager')]))
      expect(overdue.to).not.toContain(demoEmail('reviewer'))
      await emailQueueSettled()
      expect(mailsAbout(soon.reference).filter((m) => m.subject.includes('is due on'))).toEqual([])
    } finally {
      await updateSettings(h.deps, SYSTEM_ACTOR, { reminders: DEFAULT_SETTINGS.reminders })
    }
  })

  it('chases staff with an overdue search task, at most once every two days', async () => {
    const c = await assignedCase(10, 'Task Case')
    const today = localDateInLondon(new Date())
    await createSearchTask(h.deps, dp, c.id, {
      assigneeId: staffId,
      dueOn: today,
      identifiers: ['Task Case'],
      scope: ['live'],
      instructions: '',
    })
    expect((await chaseOverdueTasks(h.deps)).chased).toEqual([])
    h.setNow(`${addDays(today, 1)}T09:00:00Z`)
    try {
      const first = await chaseOverdueTasks(h.deps)
      expect(first.chased).toHaveLength(1)
      const chase = await smtp.waitFor((m) => m.subject.startsWith(`Overdue: your search for ${c.reference}`))
      expect(chase.to).toEqual([demoEmail('staff')])
      expect((await chaseOverdueTasks(h.deps)).chased).toEqual([])
      h.setNow(`${addDays(today, 3)}T09:00:00Z`)
      expect((await chaseOverdueTasks(h.deps)).chased).toHaveLength(1)
      const audit = await h.db.pool.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND event_type = 'SearchTaskChased'`,
        [c.id],
      )
      expect(audit.rows[0].n).toBe(2)
    } finally {
      h.setNow(null)
    }
  })
})
