import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { sendRequesterMessage } from '../src/application/portal/requester-message.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { look, signInAs, signOut } from './support/staff.js'

// Issue 14: each work queue on the staff home, followed in Chromium, opens the cases it counts (axe-checked).

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
})
