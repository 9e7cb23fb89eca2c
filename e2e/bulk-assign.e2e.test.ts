import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { sendNotificationDigests } from '../src/application/casework/notify-staff.js'
import { logRequest } from '../src/application/log-request.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { draftAwaitingReview } from '../test/support/draft-for-review.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { look, signInAs, signOut } from './support/staff.js'

// Issue 14 in Chromium: the wide case list (twenty or more cases on a desk screen), bulk assignment with MoJ's
// multi-select, and each person's choice of immediate emails or a daily digest. Every page axe-checked.

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

describe.skipIf(!hasChromium)('the case list in Chromium', () => {
  it('shows twenty or more cases at once, and assigns the ticked ones to the chosen person', async () => {
    const correspondence = await actorFor(h, 'correspondence')
    const reviewer = await actorFor(h, 'reviewer')
    const a = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Ann Allot' } })).state
    const b = (await logRequest(h.deps, correspondence, { ...NEW_REQUEST, subject: { name: 'Ben Allot' } })).state
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      // A desk screen (1920 by 1080): the table uses the whole window, not GOV.UK's 960px column.
      await page.setViewportSize({ width: 1920, height: 1080 })
      await signInAs(page, base, 'dp-manager')
      await page.goto(`${base}/staff/cases`)
      const table = page.locator('main table')
      expect((await table.boundingBox())!.width).toBeGreaterThan(1800)
      await table.locator('thead').evaluate((el) => el.scrollIntoView())
      const visible = await table
        .locator('tbody tr')
        .evaluateAll(
          (rows) =>
            rows.filter((r) => r.getBoundingClientRect().bottom <= r.ownerDocument.documentElement.clientHeight).length,
        )
      expect(visible).toBeGreaterThanOrEqual(20)
      await look(page, 'cases-wide')
      await page.setViewportSize({ width: 1280, height: 800 })

      await page.getByLabel('Find a person or case').fill('Allot')
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      await page.waitForURL(/search=Allot/)
      await page.getByLabel(`Select ${a.reference}`).check()
      await page.getByLabel(`Select ${b.reference}`).check()
      await page.getByLabel('Assign to').selectOption({ label: reviewer.name })
      await look(page, 'bulk-assign-chosen')
      await page.getByRole('button', { name: 'Assign selected cases' }).click()
      await page.waitForURL(/assigned=2/)
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
        `2 cases assigned to ${reviewer.name}`,
      )
      for (const ref of [a.reference, b.reference])
        expect(await page.locator('tr', { hasText: ref }).innerText()).toContain(reviewer.name)
      await look(page, 'bulk-assign-done')

      // Nothing ticked: the error summary says so, and nothing moves.
      await page.getByRole('button', { name: 'Assign selected cases' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select the cases to assign')
      await look(page, 'bulk-assign-error')
      await signOut(page)
    } finally {
      await context.close()
    }
  })

  it('a reviewer chooses one email a day; the draft waits on the home page and goes in the next digest', async () => {
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      await signInAs(page, base, 'reviewer')
      await page.getByRole('link', { name: 'Notification settings' }).click()
      await page.waitForURL(/\/staff\/account\/notifications/)
      await look(page, 'notification-settings')
      await page.getByLabel('One email a day').check()
      await page.getByRole('button', { name: 'Save' }).click()
      await page.waitForURL(/saved=1/)
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('saved')
      expect(await page.getByLabel('One email a day').isChecked()).toBe(true)
      await look(page, 'notification-settings-saved')

      const state = await draftAwaitingReview(h, 'Dina Daily')
      const unsent = () =>
        h.db.pool.query(
          `SELECT 1 FROM staff_notifications n JOIN users u ON u.id = n.user_id
          WHERE n.case_id = $1 AND u.email LIKE 'reviewer@%' AND n.emailed_at IS NULL`,
          [state.id],
        )
      expect((await unsent()).rowCount).toBe(1)
      await page.goto(`${base}/staff/cases`)
      expect(await page.locator('#notifications').innerText()).toContain(state.reference)
      await sendNotificationDigests(h.deps)
      expect((await unsent()).rowCount).toBe(0)
      await signOut(page)
    } finally {
      await context.close()
    }
  })
})
