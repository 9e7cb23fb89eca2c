import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { jpegBytes, pdfBytes } from '../src/application/portal/upload-fixtures.js'
import { hasChromium, launchBrowser, newContext, screenshot } from './support/browser.js'
import {
  clickAndWait,
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

if (!hasChromium) console.warn('Skipping portal browser tests: /usr/bin/chromium is not installed.')

let server: PortalServer
let browser: Browser
let files: { pdf: string; photo: string }

beforeAll(async () => {
  server = await startPortalServer()
  browser = await launchBrowser()
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-e2e-'))
  files = { pdf: path.join(dir, 'council-tax-bill.pdf'), photo: path.join(dir, 'passport-photo.jpg') }
  await fs.writeFile(files.pdf, await pdfBytes('Council tax bill 2026'))
  await fs.writeFile(files.photo, jpegBytes())
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

async function uploadIn(page: Page, section: string, documentLabel: string, file: string) {
  const form = page.locator('form', { has: page.locator(`input[name="party"][value="${section}"]`) })
  await form.getByLabel('What is this document?').selectOption({ label: documentLabel })
  await form.getByLabel('Upload a file').setInputFiles(file)
  await clickAndWait(page, form.getByRole('button', { name: 'Upload this file' }))
}

describe.skipIf(!hasChromium)('make a request in Chromium', () => {
  it('someone asking for their own information, with JavaScript, uploading ID: every page accessible', async () => {
    const context = await newContext(browser)
    const { page, problems, outside } = await openPage(context, server.baseUrl)
    await page.goto(server.baseUrl + '/')
    await look(page, 'self-00-start')
    await clickAndWait(page, page.getByRole('button', { name: 'Start now' }))

    await look(page, 'self-01-organisation')
    await continueOn(page)
    expect(await page.locator('.govuk-error-summary').isVisible()).toBe(true)
    await look(page, 'self-01-organisation-error')
    await choose(page, 'Office of the Police and Crime Commissioner for Northshire')
    await continueOn(page)

    await look(page, 'self-02-who')
    await choose(page, 'Myself')
    await continueOn(page)
    await look(page, 'self-03-rights')
    await choose(page, 'Get a copy of your information')
    await choose(page, 'Correct your information')
    await continueOn(page)
    await look(page, 'self-04-name')
    await page.getByLabel('Full name').fill('Jane Quinn')
    await continueOn(page)
    await look(page, 'self-05-date-of-birth')
    await page.getByLabel('Day').fill('14')
    await page.getByLabel('Month').fill('3')
    await page.getByLabel('Year').fill('1985')
    await continueOn(page)
    await look(page, 'self-06-contact')
    await page.getByLabel('Email address').fill('jane.quinn@mail.example')
    await continueOn(page)
    await look(page, 'self-07-response-format')
    await choose(page, 'By email')
    await continueOn(page)
    await look(page, 'self-09-details-access')
    await page.getByLabel('What information do you want?').fill('All letters and emails, January to June 2025.')
    await continueOn(page)
    await look(page, 'self-10-details-rectification')
    await page.getByLabel('Which information is wrong or incomplete?').fill('My address in the reply of 3 March.')
    await page.getByLabel('What should it say?').fill('2 New Street, Northtown NT1 2AB')
    await continueOn(page)
    await look(page, 'self-12-evidence')
    await choose(page, 'Upload them now')
    await continueOn(page)

    await look(page, 'self-13-upload')
    await uploadIn(page, 'subject', 'Valid passport', files.photo)
    await uploadIn(page, 'subject', 'Council tax bill for this year', files.pdf)
    expect(await page.locator('main table').first().innerText()).toContain('council-tax-bill.pdf')
    await look(page, 'self-14-uploaded')
    await continueOn(page)

    await look(page, 'self-15-check')
    expect(await page.locator('main').first().innerText()).toContain('passport-photo.jpg')
    await continueOn(page, 'Accept and send')
    expect((await page.locator('.govuk-panel__title').first().innerText()).trim()).toBe('Request sent')
    expect(await page.locator('main').first().innerText()).toContain('we will reply by')
    await look(page, 'self-16-confirmation')
    expect(server.emails.some((m) => m.to.includes('jane.quinn@mail.example'))).toBe(true)
    expect(problems, problems.join('\n')).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })

  it('a parent asking for a child under 12, uploading both sets of ID and proof of parental responsibility', async () => {
    const context = await newContext(browser)
    const { page, problems } = await openPage(context, server.baseUrl)
    await page.goto(server.baseUrl + '/request')
    await choose(page, 'Northshire Police')
    await continueOn(page)
    await choose(page, 'My child, who is under 12')
    await continueOn(page)
    await look(page, 'child-01-alive')
    await choose(page, 'Yes')
    await continueOn(page)
    // A parent reads about their child's information, never "your information".
    await look(page, 'child-01b-rights')
    expect(await page.locator('main').first().innerText()).not.toContain('your information')
    await choose(page, 'Get a copy of your child’s information')
    await continueOn(page)
    await look(page, 'child-02-name')
    await page.getByLabel('Full name').fill('Sam Quinn')
    await continueOn(page)
    await page.getByLabel('Day').fill('2')
    await page.getByLabel('Month').fill('Sept')
    await page.getByLabel('Year').fill('2010')
    await continueOn(page)
    expect(await page.locator('.govuk-error-summary').first().innerText()).toContain('The child is 12 or over')
    await look(page, 'child-03-date-of-birth-error')
    await page.getByLabel('Year').fill('2017')
    await continueOn(page)
    await look(page, 'child-04-about-you')
    await page.getByLabel('Your full name').fill('Jane Quinn')
    await page.getByLabel(/Your relationship/).fill('Mother')
    await continueOn(page)
    await page.getByLabel('Email address').fill('jane.quinn@mail.example')
    await page.getByLabel('Address line 1').fill('2 New Street')
    await page.getByLabel('Town or city').fill('Northtown')
    await page.getByLabel('Postcode').fill('NT1 2AB')
    await continueOn(page)
    await choose(page, 'By post')
    await continueOn(page)
    await look(page, 'child-04b-details')
    await page.getByLabel('What information do you want?').fill('The report made at Sam’s school in May 2026.')
    await continueOn(page)
    await look(page, 'child-05-evidence')
    const evidence = await page.locator('main').first().innerText()
    expect(evidence).toContain('Proof that you can act for Sam Quinn')
    expect(evidence).not.toContain('Biometric residence permit')
    await choose(page, 'Upload them now')
    await continueOn(page)
    // Three documents, not four: the full birth certificate proves parental responsibility and who Sam is.
    await uploadIn(page, 'representative', 'Valid passport', files.photo)
    await uploadIn(page, 'representative', 'Council tax bill for this year', files.pdf)
    await uploadIn(page, 'authority', 'Full birth certificate naming the parent', files.pdf)
    await look(page, 'child-06-uploads')
    await continueOn(page)
    await look(page, 'child-07-check')
    expect(await page.locator('main').first().innerText()).not.toContain('Still needed')
    await continueOn(page, 'Accept and send')
    expect(await page.locator('.govuk-panel__body').first().innerText()).toMatch(/NP-\d{4}-\d{5}/)
    await look(page, 'child-08-confirmation')
    expect(problems).toEqual([])
    await context.close()
  })

  it('someone asking about a person who has died is shown the Freedom of Information route', async () => {
    const context = await newContext(browser)
    const { page } = await openPage(context, server.baseUrl)
    await page.goto(server.baseUrl + '/request/organisation')
    await choose(page, 'Office of the Police and Crime Commissioner for Northshire')
    await continueOn(page)
    await choose(page, 'Someone aged 12 or over, with their permission')
    await continueOn(page)
    await choose(page, 'No')
    await continueOn(page)
    expect((await page.locator('h1').first().innerText()).trim()).toBe('You need to make a different kind of request')
    await look(page, 'deceased-01-foi')
    await context.close()
  })

  it('the whole journey works with JavaScript turned off, including an error and a change of answer', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false })
    const { page } = await openPage(context, server.baseUrl)
    // The screenshot is of the page as this script-less browser shows it (errors included); axe runs on the same
    // address in a twin context, because axe itself needs scripting.
    const shot = async (name: string) => {
      expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled')
      await screenshot(page, `portal-nojs-${name}`)
      await lookWithoutScripts(browser, context, page.url())
    }
    await page.goto(server.baseUrl + '/request')
    await shot('01-organisation')
    await choose(page, 'Northshire Police')
    await continueOn(page)
    await shot('02-who')
    await choose(page, 'Myself')
    await continueOn(page)
    await shot('03-rights')
    await choose(page, 'Delete your information')
    await continueOn(page)
    await shot('04-name')
    await page.getByLabel('Full name').fill('Alex Morgan')
    await continueOn(page)
    await page.getByLabel('Day').fill('30')
    await page.getByLabel('Month').fill('2')
    await page.getByLabel('Year').fill('1990')
    await continueOn(page)
    expect(await page.locator('.govuk-error-summary').first().innerText()).toContain(
      'Date of birth must be a real date',
    )
    await shot('05-date-of-birth-error')
    await page.getByLabel('Day').fill('28')
    await continueOn(page)
    await shot('06-contact')
    await page.getByLabel('Address line 1').fill('9 Mill Lane')
    await page.getByLabel('Town or city').fill('Northtown')
    await page.getByLabel('Postcode').fill('NT3 3CC')
    await continueOn(page)
    await shot('07-response-format')
    await choose(page, 'By post')
    await continueOn(page)
    await shot('09-details-erasure')
    await page.getByLabel('Which information do you want us to delete?').fill('The 2012 caution')
    await page.getByLabel('Why should we do this?').fill('It was spent long ago')
    await continueOn(page)
    await shot('11-evidence')
    await choose(page, 'Send copies by post')
    await continueOn(page)
    await shot('12-check')
    await clickAndWait(page, page.locator('a[href="/request/name?change=1"]').first())
    await shot('13-change-name')
    await page.getByLabel('Full name').fill('Alex J Morgan')
    await continueOn(page)
    expect(await page.locator('h1').first().innerText()).toContain('Check your answers')
    expect(await page.locator('main').first().innerText()).toContain('Alex J Morgan')
    await continueOn(page, 'Accept and send')
    expect((await page.locator('.govuk-panel__title').first().innerText()).trim()).toBe('Request sent')
    expect(await page.locator('main').first().innerText()).toContain('Post copies of your identity documents to')
    await shot('14-confirmation')
    await context.close()
  })
})
