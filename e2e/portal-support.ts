import { expect } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import type { Harness } from '../test/support/app-harness.js'
import { startHarness } from '../test/support/app-harness.js'
import { checkA11y, collectProblems, newContext, screenshot } from './support/browser.js'

/** The real app (database, demo office, every route) on a free local port, with the emails it queues captured. */
export interface PortalServer {
  h: Harness
  baseUrl: string
  emails: { to: string[]; subject: string; text: string }[]
  close(): Promise<void>
}

export async function startPortalServer(): Promise<PortalServer> {
  const emails: PortalServer['emails'] = []
  const h = await startHarness({
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        if (queue === 'email-send') emails.push(data as PortalServer['emails'][number])
      },
    }),
  })
  const baseUrl = await h.app.listen({ port: 0, host: '127.0.0.1' })
  return { h, baseUrl, emails, close: () => h.close() }
}

const EXIT_URL = 'https://www.bbc.co.uk/weather'

/** A page that can reach only our server (anything else is a bug: we promise to load nothing from anyone else). */
export async function openPage(context: BrowserContext, baseUrl: string) {
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(baseUrl)) return route.continue()
    if (url.startsWith(EXIT_URL))
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' })
    outside.push(url)
    return route.abort()
  })
  const page = await context.newPage()
  return { page, problems: collectProblems(page), outside }
}

/**
 * Checks the page in front of the user: axe (WCAG 2.2 AA) finds nothing, and a full-page screenshot is saved as
 * test-results/screenshots/portal-<name>.png for people to look at.
 */
export async function look(page: Page, name: string): Promise<void> {
  await checkA11y(page)
  await screenshot(page, `portal-${name}`)
}

/**
 * axe for a page as a browser without JavaScript shows it, in the same session: axe needs scripting, so the page
 * is loaded with scripting on but every script file refused (our pages have no inline scripts), as
 * checkA11yWithoutScripts does, with the journey's cookies copied across.
 */
export async function lookWithoutScripts(browser: Browser, from: BrowserContext, url: string, name?: string) {
  const context = await newContext(browser)
  try {
    await context.addCookies(await from.cookies())
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    )
    const page = await context.newPage()
    await page.goto(url)
    expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled')
    await checkA11y(page)
    if (name) await screenshot(page, `portal-${name}`)
  } finally {
    await context.close()
  }
}

/** Clicks something that loads a new page and waits for that page, so nothing runs against the old one. */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()])
}

/** Continues with the page's main button (GOV.UK forms have one). */
export async function continueOn(page: Page, name: string | RegExp = /^(Continue|Save and continue)$/): Promise<void> {
  await clickAndWait(page, page.locator('main').getByRole('button', { name }).first())
}

export function latestCode(server: PortalServer, email: string): string {
  const mail = [...server.emails].reverse().find((m) => m.to.includes(email) && /code/i.test(m.subject))
  const code = mail?.text.match(/^\d{6}$/m)?.[0]
  if (!code) throw new Error(`no code emailed to ${email}`)
  return code
}
