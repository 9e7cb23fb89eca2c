import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  checkA11y,
  checkA11yWithoutScripts,
  collectProblems,
  hasChromium,
  launchBrowser,
  newContext,
  screenshot,
  startTestServer,
  type TestServer,
} from './support/browser.js'

const EXIT_URL = 'https://www.bbc.co.uk/weather'

if (!hasChromium) {
  console.warn('Skipping browser tests: /usr/bin/chromium is not installed (.ci/run installs it with apt-get).')
}

describe.skipIf(!hasChromium)('web shell in Chromium', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer((app) => {
      app.get('/staff/cases', async (_request, reply) =>
        reply.view('layouts/staff.njk', {
          pageTitle: 'Cases',
          user: { name: 'Sam Jones' },
          controller: { name: 'Example OPCC' },
        }),
      )
    })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /**
   * A page that can reach only our server. The exit page is answered locally, so no test touches the network,
   * and any other outside request is a bug (we promise not to load anything from anyone else).
   */
  async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[]; outside: string[] }> {
    const outside: string[] = []
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(server.baseUrl)) return route.continue()
      if (url.startsWith(EXIT_URL)) {
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Weather</title><h1>Weather</h1>',
        })
      }
      outside.push(url)
      return route.abort()
    })
    const page = await context.newPage()
    return { page, problems: collectProblems(page), outside }
  }

  it('home page with JavaScript: accessible, no CSP violations, components started', async () => {
    const context = await newContext(browser)
    const { page, problems, outside } = await openPage(context)
    await page.goto(server.baseUrl + '/')
    await expect.poll(() => page.locator('body').getAttribute('class')).toContain('govuk-frontend-supported')
    await expect(page.locator('h1').textContent()).resolves.toBe('Make a request about your personal information')
    await checkA11y(page)
    await screenshot(page, 'home-js')
    expect(problems).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })

  it('home page without JavaScript: complete and accessible', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const { page, problems } = await openPage(context)
    await page.goto(server.baseUrl + '/')
    await expect(page.locator('.govuk-exit-this-page a').getAttribute('href')).resolves.toBe(EXIT_URL)
    await expect(page.locator('.govuk-cookie-banner').isVisible()).resolves.toBe(true)
    await expect(page.locator('body').getAttribute('class')).resolves.not.toContain('js-enabled')
    await screenshot(page, 'home-no-js')
    expect(problems).toEqual([])
    await context.close()
    await checkA11yWithoutScripts(browser, server.baseUrl + '/')
  })

  it('Accept on the cookie banner shows the confirmation, then Hide removes it', async () => {
    const context = await newContext(browser)
    const { page, problems } = await openPage(context)
    await page.goto(server.baseUrl + '/')
    await page.getByRole('button', { name: 'Accept additional cookies' }).click()
    await page.waitForURL(/cookies=accepted/)
    const confirmation = page.locator('.govuk-cookie-banner [role="alert"]')
    await expect(confirmation.textContent()).resolves.toContain('You’ve accepted additional cookies')
    await checkA11y(page)
    await screenshot(page, 'home-cookies-accepted')
    const saved = (await context.cookies()).find((c) => c.name === 'cookie_policy')
    expect(JSON.parse(decodeURIComponent(saved?.value ?? ''))).toMatchObject({ functional: true, performance: true })
    await page.getByRole('button', { name: 'Hide cookie message' }).click()
    await page.waitForURL(server.baseUrl + '/')
    await expect(page.locator('.govuk-cookie-banner').count()).resolves.toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('Escape and capitals typed with Shift keep a half-typed complaint; Shift pressed alone three times leaves', async () => {
    const context = await newContext(browser)
    const { page } = await openPage(context)
    await page.goto(server.baseUrl + '/')
    await expect.poll(() => page.locator('body').getAttribute('class')).toContain('govuk-frontend-supported')
    // A textarea like the complaint form's, so the test is about the keys and not one form.
    await page.evaluate(`(() => {
      const box = document.createElement('textarea')
      box.id = 'typed'
      box.setAttribute('aria-label', 'Complaint')
      document.querySelector('main').append(box)
    })()`)
    await page.locator('#typed').click()
    await page.keyboard.type('the officer said ')
    for (const key of ['KeyA', 'KeyB', 'KeyC', 'KeyD']) {
      await page.keyboard.down('Shift')
      await page.keyboard.press(key)
      await page.keyboard.up('Shift')
    }
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    expect(page.url()).toBe(server.baseUrl + '/')
    await expect(page.locator('#typed').inputValue()).resolves.toBe('the officer said ABCD')
    await expect(page.locator('body').getAttribute('class')).resolves.not.toContain('exit-this-page-hide-content')

    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
    await page.waitForURL(EXIT_URL)
    // Back shows the service page again, not a blank one (GOV.UK's component clears its overlay on pageshow).
    await page.goBack()
    await page.waitForURL(server.baseUrl + '/')
    await expect(page.locator('h1').isVisible()).resolves.toBe(true)
    await expect(page.locator('.govuk-exit-this-page-overlay').count()).resolves.toBe(0)
    await context.close()
  })

  it('the Exit this page button leaves too', async () => {
    const context = await newContext(browser)
    const { page } = await openPage(context)
    await page.goto(server.baseUrl + '/cookies')
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click()
    await page.waitForURL(EXIT_URL)
    await context.close()
  })

  it('cookies, not-found and staff pages are accessible', async () => {
    const context = await newContext(browser)
    const { page, problems } = await openPage(context)
    for (const [url, name] of [
      ['/cookies', 'cookies'],
      ['/no-such-page', 'not-found'],
      ['/staff/cases', 'staff-layout'],
    ] as const) {
      await page.goto(server.baseUrl + url)
      await checkA11y(page)
      await screenshot(page, name)
    }
    // 404 is logged by the browser as a failed resource load; anything else is a real problem.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([])
    await context.close()
  })

  it('looks right on a phone', async () => {
    const context = await browser.newContext({
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      viewport: { width: 375, height: 740 },
    })
    const { page } = await openPage(context)
    await page.goto(server.baseUrl + '/')
    await checkA11y(page)
    await screenshot(page, 'home-mobile')
    await context.close()
  })
})
