import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { logRelatedCase } from '../src/application/casework/log-related-case.js'
import { saveRetentionRule } from '../src/application/governance/retention-rules.js'
import { DEFAULT_RETENTION_RULES, type Role } from '../src/domain/index.js'
import { type Harness } from '../test/support/app-harness.js'
import { actorFor } from '../test/support/casework-fixtures.js'
import { hasChromium, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut, step } from './support/staff.js'
import { serveForBrowser } from './support/served-app.js'

// Issue 14, richer decisions in Chromium with axe and a screenshot on every page: the Chief Executive takes a case
// off a disposal list and rejects another list, each with a reason; an appeal is extended as complex to 40 working
// days, decided partly upheld, and its outcome lands in the DP manager's work to send.

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

async function proposeList(): Promise<string> {
  let url = ''
  await as('dp-manager', async (page) => {
    await page.goto(`${base}/staff/governance/disposal`)
    await page.getByLabel('Northshire Police', { exact: true }).check()
    await page.getByRole('button', { name: 'Propose this month’s list' }).click()
    await page.waitForURL(/proposed=1/)
    url = page.url().split('?')[0]!
  })
  return url
}

describe.skipIf(!hasChromium)('richer decisions in the browser', () => {
  it('lets the Chief Executive take a case off a disposal list, then reject a list, each with a reason', async () => {
    // A short schedule so the demo's closed cases are due and the list has several.
    for (const rule of DEFAULT_RETENTION_RULES) await saveRetentionRule(h.deps, SYSTEM_ACTOR, { ...rule, months: 1 })
    const listUrl = await proposeList()
    await as('chief-executive', async (page) => {
      await page.goto(listUrl)
      await look(page, 'disposal-list-decide')
      const first = page.locator('#list-cases tbody tr').first()
      const reference = (await first.locator('th a').innerText()).trim()
      await first.getByRole('link', { name: /Take off the list/ }).click()
      await look(page, 'disposal-remove')
      await page.getByRole('button', { name: 'Take this case off the list' }).click()
      expect(await errorSummary(page)).toContain('Enter the reason for your decision')
      await look(page, 'disposal-remove-errors')
      await page.getByLabel('Why must this case be kept?').fill('A claim about this response is expected')
      await page.getByRole('button', { name: 'Take this case off the list' }).click()
      await page.waitForURL(/removed=/)
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`Case ${reference} was taken off`)
      expect(await page.locator('#removed-cases').innerText()).toContain('A claim about this response is expected')
      expect(await page.locator(`#item-${reference}`).count()).toBe(0)
      await look(page, 'disposal-removed')

      await page.getByRole('button', { name: 'Reject the list' }).click()
      expect(await errorSummary(page)).toContain('Enter the reason for your decision')
      await page.getByLabel('Why are you rejecting the list?').fill('The schedule is being revised next week')
      await page.getByRole('button', { name: 'Reject the list' }).click()
      await page.waitForURL(/rejected=1/)
      expect(await page.locator('#list-status').innerText()).toBe('Rejected')
      expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0)
      await look(page, 'disposal-rejected')
    })
  })

  it('extends a complex appeal to 40 working days, decides it partly upheld, and gives the DP manager the sending', async () => {
    const parent = await h.db.pool.query(
      `SELECT id FROM cases WHERE case_type = 'rights-request' AND status IN ('responded', 'closed')
         AND controller_id = 'northshire-opcc' ORDER BY reference LIMIT 1`,
    )
    const { state } = await logRelatedCase(h.deps, await actorFor(h, 'correspondence'), parent.rows[0].id, {
      caseType: 'review',
      channel: 'email',
      receivedAt: new Date().toISOString(),
      description: 'I believe more was held about me than you sent',
    })
    const caseUrl = `${base}/staff/cases/${state.id}`
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl)
      await step(page, 'Extend the review: it is complex')
      await look(page, 'appeal-extend')
      await page.getByLabel('Why is the review complex?').fill('Three years of video to look at again')
      await page.getByRole('button', { name: 'Extend to 40 working days' }).click()
      await page.waitForURL(/done=/)
      expect(await page.locator('.moj-timeline').innerText()).toContain('Review extended to 40 working days')
      await look(page, 'appeal-extended')
    })
    await as('chief-executive', async (page) => {
      await page.goto(caseUrl)
      await step(page, 'Decide the appeal')
      await choose(page, 'Uphold the appeal in part')
      await page.getByLabel('Your reasons').fill('The complaints system was missed; the exemption stands.')
      await look(page, 'appeal-decide-partly')
      await page.getByRole('button', { name: 'Record the decision' }).click()
      await page.waitForURL(/done=decide-appeal/)
      const main = await page.locator('main').innerText()
      expect(main).toContain('Partly upheld – outcome to send')
      expect(main).not.toContain('Approved')
      expect(await page.locator('.moj-timeline').innerText()).toMatch(/review partly upheld\. Outcome to be sent by/)
      await look(page, 'appeal-partly-upheld')
    })
    await as('dp-manager', async (page) => {
      await page.goto(`${base}/staff/cases?queue=waiting-for-me`)
      expect(await page.locator('main').innerText()).toContain(state.reference)
      await look(page, 'appeal-to-send')
    })
  })
})
