import type { Page } from 'playwright-core'
import { DEMO_PASSWORD, demoEmail } from '../../src/cli/demo/demo-controllers.js'
import type { Role } from '../../src/domain/index.js'
import { checkA11y, screenshot } from './browser.js'
import { codeFor, depsOf } from '../../test/support/second-factor.js'

/** Signs in through the real sign-in page as a demo role, giving the authenticator code when the role needs one. */
export async function signInAs(page: Page, baseUrl: string, role: Role): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in`)
  await page.getByLabel('Email address').fill(demoEmail(role))
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/\/staff\/(cases|tasks|admin|sign-in\/code)/)
  if (new URL(page.url()).pathname === '/staff/sign-in/code') {
    await page.locator('#code').fill(await codeFor(depsOf(baseUrl), demoEmail(role)))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/staff\/(cases|tasks|admin)/)
  }
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/staff\/signed-out/)
}

const looked = new Set<string>()

/** Every staff page a test reaches: axe (WCAG 2.2 AA) must find nothing, and a screenshot is kept to look at. */
export async function look(page: Page, name: string): Promise<void> {
  await checkA11y(page)
  if (!looked.has(name)) {
    looked.add(name)
    await screenshot(page, `staff-${name}`)
  }
}

/** Chooses a radio or checkbox by its label text. */
export async function choose(page: Page, label: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: typeof label === 'string' }).check()
}

/** Follows a "What you can do" link or button on the case page. */
export async function step(page: Page, name: string): Promise<void> {
  // The main next step is a button-styled link (role="button"), the others plain links.
  await page
    .locator('#next-steps a')
    .filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
    .first()
    .click()
}
