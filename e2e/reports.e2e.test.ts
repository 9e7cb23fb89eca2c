import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkA11y, hasChromium, newContext, screenshot } from './support/browser.js'
import { signInAs } from './support/staff.js'
import { serveForBrowser } from './support/served-app.js'

// The compliance reports dashboard in Chromium, on the demo office's year of history: axe on every state of the page,
// screenshots of the page and of each chart to look at, and the monthly pack PDF rendered to images to look at.

const run = promisify(execFile)
const SHOTS = path.resolve('test-results', 'screenshots')

let browser: Browser
let base = ''

serveForBrowser((app) => ({ browser, base } = app))

async function asChiefExecutive(work: (page: Page) => Promise<void>) {
  const context = await newContext(browser)
  const page = await context.newPage()
  try {
    await signInAs(page, base, 'chief-executive')
    await work(page)
  } finally {
    await context.close()
  }
}

describe.skipIf(!hasChromium)('the compliance reports dashboard', () => {
  it('shows last month’s figures, three charts with their data and every table, and passes axe', async () => {
    await asChiefExecutive(async (page) => {
      await page.getByRole('link', { name: 'Reports' }).click()
      await page.waitForURL(/\/staff\/reports$/)
      expect(await page.locator('h1').textContent()).toBe('Compliance reports')
      expect(await page.locator('figure svg[role="img"]').count()).toBe(3)
      await checkA11y(page)
      await screenshot(page, 'reports-dashboard')
      for (const id of ['chart-received-closed', 'chart-on-time', 'chart-age-bands']) {
        await page.locator(`figure#${id}`).screenshot({ path: path.join(SHOTS, `reports-${id}.png`) })
      }
      // Each chart's data, opened as a person would; the tables must pass axe too.
      for (const details of await page.getByText('Show the data for this chart').all()) await details.click()
      await checkA11y(page)
      await page
        .locator('#chart-on-time + .govuk-details')
        .screenshot({ path: path.join(SHOTS, 'reports-chart-on-time-data.png') })
    })
  })

  it('filters by organisation and a range of months, and explains a range the wrong way round', async () => {
    await asChiefExecutive(async (page) => {
      await page.goto(`${base}/staff/reports`)
      const months = await page
        .locator('#from option')
        .evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''))
      await page.getByLabel('Organisation').selectOption('northshire-opcc')
      await page.getByLabel('First month').selectOption(months[6]!)
      await page.getByLabel('Last month').selectOption(months[1]!)
      await page.getByRole('button', { name: 'Show figures' }).click()
      await page.waitForURL(/from=/)
      expect(await page.locator('.govuk-caption-m').first().textContent()).toContain('Police and Crime Commissioner')
      expect(await page.locator('h2.govuk-heading-l').textContent()).toMatch(/^Figures for \w+ \d{4} to \w+ \d{4}$/)
      await checkA11y(page)
      await screenshot(page, 'reports-range')

      await page.getByLabel('First month').selectOption(months[1]!)
      await page.getByLabel('Last month').selectOption(months[6]!)
      await page.getByRole('button', { name: 'Show figures' }).click()
      await page.locator('.govuk-error-summary').waitFor()
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'The last month must be the same as the first month or after it',
      )
      await checkA11y(page)
      await screenshot(page, 'reports-range-error')
    })
  })

  it('downloads the monthly pack as a PDF that reads well on screen, and emails it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-pack-e2e-'))
    try {
      await asChiefExecutive(async (page) => {
        await page.goto(`${base}/staff/reports`)
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download the pack (PDF)' }).click(),
        ])
        expect(download.suggestedFilename()).toMatch(/^compliance-pack-\d{4}-\d{2}-all-controllers\.pdf$/)
        const file = path.join(dir, 'pack.pdf')
        await download.saveAs(file)
        expect((await fs.readFile(file)).subarray(0, 5).toString()).toBe('%PDF-')
        await fs.mkdir(SHOTS, { recursive: true })
        await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '9', file, path.join(SHOTS, 'reports-pack-page')])
        const pages = (await fs.readdir(SHOTS)).filter((f) => f.startsWith('reports-pack-page'))
        expect(pages.length).toBeGreaterThanOrEqual(2)

        await page.getByRole('button', { name: 'Email the pack now' }).click()
        await page.waitForURL(/sent=/)
        expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
          'chief-executive@demo.rightsdesk.example',
        )
        await checkA11y(page)
        await screenshot(page, 'reports-pack-sent')
      })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})
