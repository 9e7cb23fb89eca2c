import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { addDays, formatLongDate, localDateInLondon, type Role } from '../src/domain/index.js'
import { type Harness } from '../test/support/app-harness.js'
import { checkA11y, collectProblems, hasChromium, newContext, screenshot } from './support/browser.js'
import { choose, look, signInAs, signOut } from './support/staff.js'
import { serveForBrowser } from './support/served-app.js'

// The register of processing and the consent register in Chromium: edit, preview, publish, the public page; record
// and withdraw a consent. axe on every page, screenshots in test-results/screenshots/staff-register-*.png.

let h: Harness
let browser: Browser
let base = ''

serveForBrowser((app) => ({ h, browser, base } = app))

async function as(role: Role, work: (page: Page) => Promise<void>) {
  const context = await newContext(browser)
  const page = await context.newPage()
  // A refused form is answered 422 on purpose; Chromium logs that as a failed resource, which is not a problem.
  const problems = collectProblems(page)
  try {
    await signInAs(page, base, role)
    await work(page)
    await signOut(page)
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([])
  } finally {
    await context.close()
  }
}

const NEW_RETENTION = 'two years after you last opened one of our emails, or until you unsubscribe'

describe.skipIf(!hasChromium)('the register of processing and its privacy notice', () => {
  it('a DP manager changes an activity, previews the notice, publishes it, and the public page shows it', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(`${base}/staff/governance`)
      await page.getByRole('link', { name: 'Register of processing and privacy notices' }).click()
      await page.getByRole('link', { name: 'Office of the Police and Crime Commissioner for Northshire' }).click()
      await page.waitForURL(/controller=northshire-opcc/)
      await look(page, 'register')

      await page.getByRole('link', { name: 'Events and newsletters' }).click()
      await look(page, 'register-activity')
      // Take away every lawful basis: refused, with the error summary, and nothing saved.
      await page.getByRole('checkbox', { name: 'Consent (UK GDPR Art 6(1)(a))' }).uncheck()
      await page.getByRole('button', { name: 'Save activity' }).click()
      await expect
        .poll(() => page.locator('.govuk-error-summary').innerText())
        .toContain('Choose at least one lawful basis')
      await look(page, 'register-activity-error')
      await page.getByRole('checkbox', { name: 'Consent (UK GDPR Art 6(1)(a))' }).check()
      await page.getByLabel('How long it is kept').fill(NEW_RETENTION)
      await page.getByRole('button', { name: 'Save activity' }).click()
      await page.waitForURL(/done=activity/)
      expect(await page.locator('.govuk-warning-text').innerText()).toContain('changed since the privacy notice')
      await look(page, 'register-changed')

      await page.getByRole('button', { name: 'Add a processing activity' }).click()
      await look(page, 'register-activity-new')
      await page.getByRole('link', { name: 'Back to the register' }).click()

      await page.getByRole('button', { name: 'Preview and publish the privacy notice' }).click()
      expect(await page.locator('#differences').innerText()).toContain(NEW_RETENTION)
      await look(page, 'register-notice')
      await page.getByLabel('Summary of changes').fill('Newsletter information is now kept for two years')
      await page.getByRole('button', { name: 'Publish version 2' }).click()
      await page.waitForURL(/\/history\?published=2/)
      await look(page, 'register-history')

      await page.getByRole('link', { name: 'View the public privacy notice' }).first().click()
      await page.waitForURL(/\/privacy\/northshire-opcc$/)
      const text = await page.locator('main').innerText()
      expect(text).toContain(`Events and newsletters: ${NEW_RETENTION}`)
      expect(text).toContain(`Last updated ${formatLongDate(localDateInLondon(h.deps.clock.now()))}`)
      expect(text).toContain('Newsletter information is now kept for two years')
      await checkA11y(page)
      await screenshot(page, 'public-privacy-after-publish')

      await page.goto(`${base}/staff/governance/register/northshire-opcc/dpo`)
      await look(page, 'register-dpo')
    })
  })
})

describe.skipIf(!hasChromium)('the consent register', () => {
  it('records a consent, then a withdrawal received by email, which opens an erasure request', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(`${base}/staff/governance/consents`)
      await look(page, 'consents')
      await page.getByRole('button', { name: 'Record a consent' }).click()
      await page.getByRole('button', { name: 'Record consent' }).click()
      await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Enter the person’s name')
      await look(page, 'consents-new-error')

      const given = addDays(localDateInLondon(h.deps.clock.now()), -14)
      const [y, m, d] = given.split('-')
      await choose(page, 'Northshire Police')
      await page.getByLabel('What did they consent to?').fill('Referral to the victim and witness hub')
      await page.getByLabel('Full name').fill('Ada Quinn')
      await page.getByLabel('Email address (optional)').fill('ada.quinn@mail.example')
      await page.getByLabel('Day').fill(String(Number(d)))
      await page.getByLabel('Month').fill(String(Number(m)))
      await page.getByLabel('Year').fill(y!)
      await page
        .getByLabel('How was consent given and recorded?')
        .fill('Verbal consent to PC 1234, noted on the crime report')
      await page
        .getByLabel('Wording shown or read to the person (optional)')
        .fill('Can we pass your name and number to the Victim and Witness Hub so they can offer you support?')
      await page.getByRole('button', { name: 'Record consent' }).click()
      await page.waitForURL(/done=recorded/)
      await look(page, 'consents-recorded')

      const row = page.locator('#consents tr', { hasText: 'Ada Quinn' })
      await row.getByRole('link', { name: /Record withdrawal/ }).click()
      await look(page, 'consents-withdraw')
      await choose(page, 'Email')
      await page.getByRole('button', { name: 'Record withdrawal' }).click()
      await expect.poll(() => page.locator('.govuk-panel').innerText()).toContain('Consent withdrawn')
      await look(page, 'consents-withdrawn')

      await page.locator('#erasure-case a').click()
      await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}$/)
      expect(await page.locator('main').innerText()).toContain('Ada Quinn')

      await page.goto(`${base}/staff/governance/consents?status=withdrawn`)
      expect(await page.locator('#consents tr', { hasText: 'Ada Quinn' }).innerText()).toContain('by email')
      await look(page, 'consents-filtered')
    })
  })
})
