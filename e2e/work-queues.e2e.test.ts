import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { sendRequesterMessage } from '../src/application/portal/requester-message.js'
import { createSearchTask } from '../src/application/casework/search-tasks.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { draftAwaitingReview } from '../test/support/draft-for-review.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { look, signInAs, signOut } from './support/staff.js'

// Issue 14: each work queue on the staff home, followed in Chromium, opens the cases it counts (axe-checked); the
// navigation carries the counts, and the reviewer is told a draft waits.

let h: Harness
let browser: Browser
let base = ''

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness()
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await h?.close()
})

describe.skipIf(!hasChromium)('work queues in Chromium', () => {
  it('each queue on the staff home opens the cases it counts', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const today = localDateInLondon(h.deps.clock.now())
    await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Nell New' } })
    const late = (
      await logRequest(h.deps, dp, {
        ...NEW_REQUEST,
        receivedAt: `${addDays(today, -70)}T12:00:00Z`,
        subject: { name: 'Rex Replied' },
      })
    ).state
    await executeCommand(h.deps, dp, late.id, { type: 'Acknowledge' })
    await sendRequesterMessage(h.deps, {
      caseId: late.id,
      body: 'Is there any news?',
      composeNotification: () => ({ subject: 'Message', text: 'x' }),
    })
    const expected: [string, string, string][] = [
      ['New today', 'new-today', 'Nell New'],
      ['Needs acknowledging', 'to-acknowledge', 'Nell New'],
      ['Requester replied', 'replied', 'Rex Replied'],
      ['Overdue', 'overdue', 'Rex Replied'],
    ]
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      await signInAs(page, base, 'dp-manager')
      await page.goto(`${base}/staff/cases`)
      await look(page, 'queues-home')
      for (const [name, id, who] of expected) {
        await page.goto(`${base}/staff/cases`)
        const link = page.locator('#work-queues a', { hasText: name })
        const count = Number(await link.locator('strong').innerText())
        await link.click()
        await page.waitForURL(new RegExp(`queue=${id}`))
        expect(await page.locator('#work-queues a[aria-current="page"]').innerText()).toContain(name)
        const rows = page.locator('main table tbody tr')
        expect(await rows.count()).toBe(Math.min(count, 50))
        expect(await page.locator('main table tbody').innerText()).toContain(who)
        await look(page, `queue-${id}`)
      }
      await signOut(page)
    } finally {
      await context.close()
    }
  })

  it('due in 5 working days and my search tasks open what they count', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const today = localDateInLondon(h.deps.clock.now())
    // A month from 28 days ago is today at the earliest and three days ahead at the latest (Art 12(3)).
    await logRequest(h.deps, dp, {
      ...NEW_REQUEST,
      receivedAt: `${addDays(today, -28)}T12:00:00Z`,
      subject: { name: 'Dev Duesoon' },
    })
    const { state } = await logRequest(h.deps, dp, { ...NEW_REQUEST, subject: { name: 'Tia Tasked' } })
    // Correspondence who also search their own records (the staff role): both the queues and tasks are theirs.
    await h.db.pool.query(`UPDATE users SET roles = roles || '{staff}' WHERE email = $1`, [demoEmail('correspondence')])
    const searcher = await actorFor(h, 'correspondence')
    await createSearchTask(h.deps, dp, state.id, {
      assigneeId: searcher.id,
      dueOn: addDays(today, 5),
      identifiers: ['Tia Tasked'],
      scope: ['live'],
      instructions: 'Search the complaints log',
    })
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      await signInAs(page, base, 'correspondence')
      await page.goto(`${base}/staff/cases`)
      const dueSoon = page.locator('#work-queues a', { hasText: 'Due in 5 working days' })
      const count = Number(await dueSoon.locator('strong').innerText())
      await dueSoon.click()
      await page.waitForURL(/queue=due-soon/)
      expect(await page.locator('main table tbody tr').count()).toBe(Math.min(count, 50))
      expect(await page.locator('main table tbody').innerText()).toContain('Dev Duesoon')
      await look(page, 'queue-due-soon')
      const tasks = page.locator('#work-queues a', { hasText: 'My search tasks' })
      const open = Number(await tasks.locator('strong').innerText())
      expect(open).toBeGreaterThan(0)
      // The navigation carries the same count on every page.
      expect(await page.locator('#nav-tasks [aria-hidden="true"]').innerText()).toBe(String(open))
      await tasks.click()
      await page.waitForURL(/\/staff\/tasks/)
      expect(await page.locator('main').innerText()).toContain(state.reference)
      await look(page, 'queue-my-tasks')
      await signOut(page)
    } finally {
      await context.close()
    }
  })

  it('waiting for me shows the reviewer the draft to approve, and “For you” says it arrived', async () => {
    const state = await draftAwaitingReview(h, 'Wren Waiting')
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      await signInAs(page, base, 'reviewer')
      await page.goto(`${base}/staff/cases`)
      expect(await page.locator('#notifications').innerText()).toContain(
        `${state.reference}: A draft response is waiting for your review`,
      )
      const waiting = page.locator('#work-queues a', { hasText: 'Waiting for me' })
      const count = Number(await waiting.locator('strong').innerText())
      expect(await page.locator('#nav-waiting [aria-hidden="true"]').innerText()).toBe(String(count))
      await look(page, 'queues-reviewer-home')
      await waiting.click()
      await page.waitForURL(/queue=waiting-for-me/)
      expect(await page.locator('main table tbody tr').count()).toBe(Math.min(count, 50))
      expect(await page.locator('main table tbody').innerText()).toContain('Wren Waiting')
      await look(page, 'queue-waiting-for-me')
      await page.goto(`${base}/staff/cases`)
      await page.getByRole('button', { name: 'Clear these' }).click()
      await page.waitForURL(/\/staff\/cases/)
      expect(await page.locator('#notifications').count()).toBe(0)
      await signOut(page)
    } finally {
      await context.close()
    }
  })
})
