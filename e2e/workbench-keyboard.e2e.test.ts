import path from 'node:path'
import pino from 'pino'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { checkA11y, collectProblems, hasChromium, launchBrowser, screenshot } from './support/browser.js'
import { signInAs } from './support/staff.js'

// Issue 14, "the workbench at the speed of thought": a DP manager reviews a document with the keyboard only. Each
// decision saves without reloading the page, focus stays on the redaction being reviewed, undo puts the last decision
// back, and the help panel lists the keys. axe on the page after each kind of step; screenshots to look at.

let h: Harness
let jobs: Jobs
let browser: Browser
let base = ''

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({ smtpUrl: undefined, from: 'x <x@test.example>', outboxDir: path.join(h.blobDir, 'o') })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await jobs?.stop()
  await h?.close()
})

async function look(page: Page, name: string) {
  await checkA11y(page)
  await screenshot(page, `workbench-keys-${name}`)
}

const statusOf = (page: Page, n: number) => page.locator('#redactions > li').nth(n).getAttribute('data-status')
const focusedId = (page: Page) => page.evaluate<string>("document.activeElement ? document.activeElement.id : ''")

describe.skipIf(!hasChromium)('reviewing a document with the keyboard only', () => {
  it('moves, accepts, rejects and undoes with keys, without a page reload, keeping focus on the redaction', async () => {
    const demo = await h.db.pool.query(
      "SELECT case_id FROM documents WHERE filename = 'witness-statement-thornley.pdf'",
    )
    const caseId = String(demo.rows[0].case_id)
    const context = await browser.newContext({
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    const problems = collectProblems(page)
    try {
      await signInAs(page, base, 'dp-manager')
      await page.goto(`${base}/staff/cases/${caseId}/disclosure`)
      await page.getByRole('button', { name: 'Read the material' }).click()
      await page.locator('#documents-table').waitFor({ timeout: 60_000 })
      await page.locator('#documents-table a', { hasText: /witness/i }).click()
      await page.locator('#page-figure svg image').waitFor()
      const url = page.url()
      // A mark that survives only if the page is never reloaded.
      await page.evaluate('window.kept = true')
      const total = await page.locator('#redactions > li').count()
      expect(total).toBeGreaterThan(2)

      // The help panel: "?" shows it, Escape hides it.
      await page.keyboard.press('?')
      await expect.poll(() => page.locator('#shortcuts-help').isVisible()).toBe(true)
      expect(await page.locator('#shortcuts-help').innerText()).toContain('Undo your last decision on this page')
      await look(page, 'help')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('#shortcuts-help').isVisible()).toBe(false)

      // j: the first proposal becomes current and has the focus; a accepts it and moves to the next proposal.
      await page.keyboard.press('j')
      const first = await page.locator('#redactions > li').nth(0).getAttribute('id')
      const second = await page.locator('#redactions > li').nth(1).getAttribute('id')
      // The first proposal was already current when the page opened, so j goes to the second; k comes back.
      expect(await focusedId(page)).toBe(second)
      await page.keyboard.press('k')
      expect(await focusedId(page)).toBe(first)
      await page.keyboard.press('a')
      await expect.poll(() => statusOf(page, 0)).toBe('accepted')
      await expect.poll(() => page.locator('#wb-status').innerText()).toContain('Redaction 1 accepted')
      expect(await focusedId(page)).toBe(second)
      await page.keyboard.press('r')
      await expect.poll(() => statusOf(page, 1)).toBe('rejected')
      expect(await page.locator('#redactions > li').nth(1).locator('[data-tag]').innerText()).toBe('Left in')
      expect(
        await page.locator(`g[data-redaction="${second!.replace('redaction-', '')}"]`).getAttribute('class'),
      ).toContain('app-box--rejected')
      await look(page, 'decided')

      // u: the rejection is undone, back to proposed, and the focus is on it again.
      await page.keyboard.press('u')
      await expect.poll(() => statusOf(page, 1)).toBe('proposed')
      await expect.poll(() => page.locator('#wb-status').innerText()).toContain('Decision on redaction 2 undone')
      expect(await focusedId(page)).toBe(second)
      await page.keyboard.press('a')
      await expect.poll(() => statusOf(page, 1)).toBe('accepted')
      // The decisions are saved: the server agrees.
      const saved = await h.db.pool.query('SELECT status FROM redactions WHERE id = ANY($1::uuid[]) ORDER BY status', [
        [first, second].map((id) => id!.replace('redaction-', '')),
      ])
      expect(saved.rows.map((r) => r.status)).toEqual(['accepted', 'accepted'])

      // Keys do nothing while typing in a box.
      await page.locator('#find-text').focus()
      await page.keyboard.type('ar')
      expect(await page.locator('#find-text').inputValue()).toBe('ar')
      expect(await statusOf(page, 2)).toBe('proposed')

      expect(page.url()).toBe(url)
      expect(await page.evaluate<boolean>('window.kept === true')).toBe(true)
      await look(page, 'after-undo')

      // n: the next page to review (a new page, so a load).
      await page.locator('#redactions > li').nth(1).focus()
      if ((await page.locator('#next-to-review').count()) > 0) {
        await page.keyboard.press('n')
        await page.waitForURL((u) => u.toString() !== url)
        await page.locator('#page-figure svg image').waitFor()
        await look(page, 'next-page')
      }
    } finally {
      await context.close()
    }
    expect(problems).toEqual([])
  }, 180_000)
})
