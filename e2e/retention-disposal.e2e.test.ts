import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { runDisposalList } from '../src/application/governance/dispose-case.js'
import type { Role } from '../src/domain/index.js'
import { type Harness } from '../test/support/app-harness.js'
import { hasChromium, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut } from './support/staff.js'
import { serveForBrowser } from './support/served-app.js'

// Retention and disposal in Chromium, with axe and a screenshot on every page: the administrator adds a rule, the DP
// manager proposes the month's list and places a legal hold, the Chief Executive approves, the disposal runs, and the
// hold is lifted from the case page.

let h: Harness
let browser: Browser
let base = ''

serveForBrowser((app) => ({ h, browser, base } = app))

async function as(role: Role, work: (page: Page) => Promise<void>) {
  const context = await newContext(browser)
  const page = await context.newPage()
  try {
    await signInAs(page, base, role)
    await work(page)
    await signOut(page)
  } finally {
    await context.close()
  }
}

const errorSummary = (page: Page) => page.locator('.govuk-error-summary').innerText()

describe.skipIf(!hasChromium)('retention and disposal in the browser', () => {
  let listUrl = ''
  let heldUrl = ''
  let heldReference = ''

  it('lets the administrator add a rule for one outcome, with a reason for the change', async () => {
    await as('admin', async (page) => {
      await page.goto(`${base}/staff/governance`)
      await page.getByRole('link', { name: 'Retention schedule' }).click()
      await look(page, 'retention-schedule')
      expect(await page.locator('#identity-documents').innerText()).toContain('identity is verified')
      await page.getByRole('link', { name: 'Change the rule for Rights request: Any other outcome' }).click()
      await look(page, 'retention-rule-edit')
      await page.getByRole('link', { name: 'Cancel' }).click()
      await page.getByRole('button', { name: 'Add a rule' }).click()
      await look(page, 'retention-rule-new')
      await page.getByRole('button', { name: 'Save the rule' }).click()
      expect(await errorSummary(page)).toContain('Say why you are making this change')
      await look(page, 'retention-rule-errors')
      await page.getByLabel('Case type').selectOption({ label: 'Rights request' })
      await page.getByLabel('Outcome').selectOption({ label: 'No information held' })
      await page.getByLabel('How long to keep a case').fill('3')
      await choose(page, 'Delete')
      await page
        .getByLabel('Why cases are kept this long')
        .fill('Three months: when we hold nothing there is little to keep, and the figures stay in the statistics.')
      await page.getByLabel('Why are you making this change?').fill('Agreed at the monthly compliance meeting')
      await page.getByRole('button', { name: 'Save the rule' }).click()
      await page.waitForURL(/saved=rights-request-no-data-held/)
      expect(await page.locator('#rules-rights-request').innerText()).toContain('No information held')
      await look(page, 'retention-schedule-saved')
    })
  })

  it('lets the DP manager propose this month’s list and place a legal hold on one of its cases', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(`${base}/staff/governance/disposal`)
      await look(page, 'disposal-lists-empty')
      // Each organisation has its own list (issue 11): the demo DP manager works for both, so chooses one.
      await page.getByLabel('Northshire Police', { exact: true }).check()
      await page.getByRole('button', { name: 'Propose this month’s list' }).click()
      await page.waitForURL(/proposed=1/)
      listUrl = page.url().split('?')[0]!
      await look(page, 'disposal-list-proposed')
      const rows = page.locator('#list-cases tbody tr')
      expect(await rows.count()).toBeGreaterThan(1)
      expect(await page.locator('#list-cases').innerText()).not.toContain('Information provided')
      expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0)

      const first = rows.first().locator('th a')
      heldReference = (await first.innerText()).trim()
      await first.click()
      heldUrl = page.url()
      await page.getByRole('link', { name: 'Place a legal hold' }).click()
      await look(page, 'legal-hold-place')
      await page.getByRole('button', { name: 'Place the legal hold' }).click()
      expect(await errorSummary(page)).toContain('Say why the case must be kept')
      await look(page, 'legal-hold-place-errors')
      await page.getByLabel('Why must this case be kept?').fill('Claim issued in the county court')
      await page.getByRole('button', { name: 'Place the legal hold' }).click()
      await page.waitForURL(/done=legal-hold/)
      expect(await page.locator('#legal-hold').innerText()).toContain('Claim issued in the county court')
      await look(page, 'case-on-legal-hold')
    })
  })

  it('lets the Chief Executive approve the list only after confirming it was checked; the held case is kept', async () => {
    await as('chief-executive', async (page) => {
      await page.goto(`${base}/staff/governance/disposal`)
      await look(page, 'disposal-lists-waiting')
      await page.locator('#disposal-lists tbody a').first().click()
      expect(await page.locator(`#item-${heldReference}`).innerText()).toContain('On hold')
      await look(page, 'disposal-list-to-approve')
      await page.getByRole('button', { name: 'Approve and dispose of these cases' }).click()
      expect(await errorSummary(page)).toContain('Confirm that you have checked the cases on this list')
      await look(page, 'disposal-approve-errors')
      await page.getByLabel('I have checked the cases on this list').check()
      await page.getByRole('button', { name: 'Approve and dispose of these cases' }).click()
      await page.waitForURL(/approved=1/)
      await look(page, 'disposal-list-approved')
      // The worker's disposal-run job, run here directly (the queue is not started in this test).
      const counts = await runDisposalList(h.deps, listUrl.split('/').pop()!)
      expect(counts['skipped-legal-hold']).toBe(1)
      expect(counts.disposed).toBeGreaterThan(0)
      await page.goto(listUrl)
      expect(await page.locator('#list-status').innerText()).toContain('Disposal run')
      expect(await page.locator(`#item-${heldReference}`).innerText()).toContain('Kept: on legal hold')
      expect(await page.locator('#disposal-records tbody tr').count()).toBe(counts.disposed)
      await look(page, 'disposal-list-run')
    })
  })

  it('shows the hold in the list of legal holds and lifts it from the case page with a reason', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(`${base}/staff/governance/legal-holds`)
      expect(await page.locator('#legal-holds').innerText()).toContain(heldReference)
      await look(page, 'legal-holds')
      await page.goto(heldUrl)
      await page.getByRole('link', { name: 'Lift the legal hold' }).click()
      await look(page, 'legal-hold-lift')
      await page.getByRole('button', { name: 'Lift the legal hold' }).click()
      expect(await errorSummary(page)).toContain('Say why the hold can be lifted')
      await page.getByLabel('Why can the hold be lifted?').fill('The claim has been settled')
      await page.getByRole('button', { name: 'Lift the legal hold' }).click()
      await page.waitForURL(/done=legal-hold-lifted/)
      expect(await page.locator('#legal-hold').count()).toBe(0)
      await look(page, 'case-hold-lifted')
      await page.goto(`${heldUrl}/legal-hold/lift`)
      expect(await page.locator('main').innerText()).toContain('This case is not on legal hold.')
      await look(page, 'legal-hold-lift-none')
    })
  })
})
