import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import pino from 'pino'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import {
  checkA11y,
  checkA11yWithoutScripts,
  collectProblems,
  hasChromium,
  launchBrowser,
  screenshot,
} from './support/browser.js'
import { signInAs } from './support/staff.js'

// The redaction workbench in Chromium on the demo case's material (issue 5 "Review"): read it in the real worker,
// review a page with the mouse (accept all, reject one, draw a box, redact selected text), build and open the bundle.
// axe on every page; screenshots and the bundle's pages rendered to look at.

const run = promisify(execFile)
const SHOTS = path.resolve('test-results', 'screenshots')

let h: Harness
let jobs: Jobs
let browser: Browser
let base = ''

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, 'outbox'),
  })
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
  // The overview reloads itself when a run ends (reading three documents now takes under a second): if that happens
  // while axe is checking, check the page it became.
  try {
    await checkA11y(page)
  } catch (err) {
    if (!/Execution context was destroyed/.test(String(err))) throw err
    await page.waitForLoadState('load')
    await checkA11y(page)
  }
  await screenshot(page, `disclosure-${name}`)
}

describe.skipIf(!hasChromium)('the redaction workbench in the browser', () => {
  it('the DP manager reads the demo material, reviews a page with the mouse, builds the bundle and opens it', async () => {
    const demo = await h.db.pool.query(
      "SELECT case_id FROM documents WHERE filename = 'witness-statement-thornley.pdf'",
    )
    const caseId = String(demo.rows[0].case_id)
    const context = await browser.newContext({
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      // Sharper screenshots of the page picture, to check the boxes sit on the words.
      deviceScaleFactor: 2,
    })
    const page = await context.newPage()
    const problems = collectProblems(page)
    try {
      await signInAs(page, base, 'dp-manager')
      await page.goto(`${base}/staff/cases/${caseId}`)
      await page.locator('#disclosure-link').screenshot({ path: path.join(SHOTS, 'disclosure-case-link.png') })
      await page.getByRole('link', { name: 'Disclosure workbench' }).click()
      await look(page, 'overview-unread')
      await page.getByRole('button', { name: 'Read the material' }).click()
      await page.waitForURL(/done=prepare/)
      await look(page, 'overview-reading')
      // The script polls the progress and reloads the page once the worker has finished.
      await page.locator('#documents-table').waitFor({ timeout: 60_000 })
      await look(page, 'overview-read')

      await page.locator('#documents-table a', { hasText: /witness/i }).click()
      await page.locator('#page-figure svg image').waitFor()
      await look(page, 'page-proposed')
      await page.locator('#page-figure > svg').screenshot({ path: path.join(SHOTS, 'disclosure-figure-proposed.png') })
      const pageUrl = page.url().replace(/\?.*$/, '')
      expect(await page.locator('#redactions').innerText()).toContain('Rebecca Thornley')
      expect(await page.locator('#redactions').innerText()).not.toContain('Alex Morgan')

      // Accept everything proposed on the page, then change one's mind: the second is left in after all.
      await page.locator('#accept-page').click()
      await page.waitForURL(/done=pageAccepted/)
      const second = page.locator('#redactions > li').nth(1)
      const secondText = await second.locator('.app-redaction__text').innerText()
      // With the script, a decision saves without reloading the page and says so in the live region (issue 14).
      await second.getByRole('button', { name: /^Reject/ }).click()
      await expect.poll(() => page.locator('#wb-status').innerText()).toContain('Redaction 2 rejected')
      expect(await second.locator('[data-tag]').innerText()).toBe('Left in')
      await look(page, 'page-decided')

      // Draw a box with the mouse over the signature line ("R. Thornley", near the bottom of the text).
      const svg = page.locator('#page-figure > svg')
      await svg.scrollIntoViewIfNeeded()
      const area = (await svg.boundingBox())!
      const [, , width, height] = (await svg.getAttribute('viewBox'))!.split(' ').map(Number)
      const at = (x: number, y: number) =>
        [area.x + (x / width!) * area.width, area.y + (y / height!) * area.height] as const
      const signature = (await page.locator('#redactions > li', { hasText: 'R. Thornley' }).getAttribute('id'))!
      const sigRect = page.locator(`g[data-redaction="${signature.replace('redaction-', '')}"] rect`).first()
      const [sx, sy, sw, sh] = await Promise.all(
        ['x', 'y', 'width', 'height'].map(async (k) => Number(await sigRect.getAttribute(k))),
      )
      const start = at(sx! - 60, sy! - 6)
      const end = at(sx! + sw! + 40, sy! + sh! + 30)
      await page.mouse.move(...start)
      await page.mouse.down()
      await page.mouse.move(start[0] + 20, start[1] + 10)
      await page.mouse.move(...end, { steps: 5 })
      await page.mouse.up()
      await expect.poll(() => page.locator('#box-submit').isEnabled()).toBe(true)
      const drawn = await Promise.all(
        ['x0', 'y0', 'x1', 'y1'].map(async (k) =>
          Number(await page.locator(`#box-form input[name="${k}"]`).inputValue()),
        ),
      )
      // Screen pixels back to PDF points through the SVG's own transform: within a point of where the mouse went.
      expect(Math.abs(drawn[0]! - (sx! - 60))).toBeLessThan(1.5)
      expect(Math.abs(drawn[1]! - (sy! - 6))).toBeLessThan(1.5)
      expect(Math.abs(drawn[3]! - (sy! + sh! + 30))).toBeLessThan(1.5)
      await look(page, 'page-box-drawn')
      await page.locator('#box-submit').click()
      await page.waitForURL(/done=box/)

      // Nothing typed: the error summary, on the same page, passes axe too.
      await page.locator('#find-submit').click()
      await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1)
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter at least 2 characters')
      await look(page, 'page-error')

      // Select words in the page's text and redact the selection (this page only).
      await page.evaluate(`(() => {
        const node = document.getElementById('page-text').firstChild
        const at = node.textContent.indexOf('blue Ford Fiesta')
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 'blue Ford Fiesta'.length)
        window.getSelection().removeAllRanges()
        window.getSelection().addRange(range)
      })()`)
      await page.getByRole('button', { name: 'Redact the selection' }).click()
      await page.waitForURL(/done=found/)
      const list = await page.locator('#redactions').innerText()
      expect(list).toContain('blue Ford Fiesta')
      expect(list).toContain('Added by selecting text')
      expect(list).toContain('Drawn as a box')
      await look(page, 'page-after')
      await page.locator('#page-figure > svg').screenshot({ path: path.join(SHOTS, 'disclosure-figure-after.png') })
      expect(secondText.length).toBeGreaterThan(0)

      // Every other page still to review: "Next page to review" until nothing is left, accepting what is proposed.
      for (let i = 0; i < 10 && (await page.locator('#next-to-review').count()) > 0; i++) {
        await page.locator('#next-to-review').click()
        await page.locator('#page-figure svg image').waitFor()
        if (i === 0) await look(page, 'page-next')
        const acceptAll = page.locator('#accept-page')
        if ((await acceptAll.count()) > 0) {
          await acceptAll.click()
          await page.waitForURL(/done=pageAccepted/)
        }
      }
      await expect.poll(() => page.locator('#all-decided').count()).toBe(1)
      await checkA11yWithoutScripts(browser, pageUrl)

      await page.getByRole('link', { name: 'Back to the workbench' }).first().click()
      await page.getByRole('button', { name: 'Build the bundle' }).click()
      await page.waitForURL(/done=bundle/)
      await look(page, 'overview-building')
      await page.locator('#bundles-table a', { hasText: 'Open the bundle' }).waitFor({ timeout: 120_000 })
      // The page reloads itself once no run is active; look at it after that, not while it is being replaced.
      await expect.poll(() => page.locator('#run-progress').count(), { timeout: 120_000 }).toBe(0)
      await look(page, 'overview-built')
      const href = (await page.locator('#bundles-table a', { hasText: 'Open the bundle' }).getAttribute('href'))!
      const res = await page.request.get(base + href)
      expect(res.status()).toBe(200)
      const pdf = await res.body()
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      const text = readPageTexts(new Uint8Array(pdf)).join('\n').replace(/\s+/g, ' ')
      for (const secret of ['Rebecca Thornley', 'blue Ford Fiesta', 'rebecca.thornley@example.com'])
        expect(text).not.toContain(secret)
      expect(text).toContain('Alex Morgan')
      await fs.mkdir(SHOTS, { recursive: true })
      const file = path.join(SHOTS, 'disclosure-bundle.pdf')
      await fs.writeFile(file, pdf)
      await run('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, 'disclosure-bundle-page')])
    } finally {
      await context.close()
    }
    // The one refused form (422) is expected; no script error or CSP violation is.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([])
  }, 180_000)
})
