import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { opensWithPassword } from '../src/notifications/pdf-encrypt.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { samplePdf } from '../test/support/casework-steps.js'
import { startSmtpCapture } from '../test/support/smtp-capture.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut, step } from './support/staff.js'

// The full subject access request of issue 4, in Chromium, each role doing its own part through the staff pages.

let h: Harness
let jobs: Jobs
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>
let browser: Browser
let base = ''
let caseUrl = ''
let reference = ''
const REQUESTER = 'sam.summers@mail.example'

beforeAll(async () => {
  if (!hasChromium) return
  smtp = await startSmtpCapture()
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: 'Rightsdesk <no-reply@test.example>',
    outboxDir: path.join(h.blobDir, 'x'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await jobs?.stop()
  await h?.close()
  await smtp?.close()
})

async function as(role: Parameters<typeof signInAs>[2], work: (page: Page) => Promise<void>) {
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

const timeline = (page: Page) => page.locator('.moj-timeline').innerText()

describe.skipIf(!hasChromium)('a full subject access request, role by role, in the browser', () => {
  it('Correspondence logs the emailed request, acknowledges it and asks for identity', async () => {
    await as('correspondence', async (page) => {
      await look(page, 'case-list')
      await page.getByRole('button', { name: 'Log a request' }).click()
      await look(page, 'log-request')
      await choose(page, 'Office of the Police and Crime Commissioner for Northshire')
      await choose(page, 'Email')
      await choose(page, 'Subject access')
      await choose(page, 'UK GDPR (DPA 2018 Part 2)')
      await page.getByLabel('Full name').fill('Sam Summers')
      await page.getByLabel('Email address (optional)').first().fill(REQUESTER)
      await choose(page, 'The person the information is about')
      await page.getByLabel('What the person asked for').fill('Everything you hold about my complaint in March 2026')
      await page.getByLabel('Attach the original (optional)').setInputFiles({
        name: 'email.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf('Please send my data'),
      })
      await page.getByRole('button', { name: 'Log the request' }).click()
      await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}/)
      caseUrl = page.url().split('?')[0]!
      reference = (await page.locator('.govuk-caption-l').first().innerText()).split(' ')[0]!
      await look(page, 'case-logged')
      await step(page, 'Send the acknowledgement')
      await look(page, 'action-acknowledge')
      await page.getByRole('button', { name: 'Continue' }).click()
      await look(page, 'check-letter')
      await page.getByRole('button', { name: 'Send the acknowledgement' }).click()
      await step(page, 'Ask for proof of identity')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('button', { name: 'Send the request for identity' }).click()
      await expect.poll(() => page.locator('.govuk-tag').first().innerText()).toBe('Waiting for ID')
      expect(await timeline(page)).toContain('Proof of identity asked for')
    })
    await smtp.waitFor((m) => m.to.includes(REQUESTER) && m.subject.startsWith('We need proof of identity'))
  })

  it('the DP manager verifies identity: the uploaded copy is deleted and the timeline says so; a search task goes out', async () => {
    const caseId = caseUrl.split('/').pop()!
    await withTransaction(h.db.pool, (tx) =>
      storeDocumentIn(tx, h.deps, SYSTEM_ACTOR, {
        caseId,
        kind: 'identity',
        filename: 'passport.png',
        contentType: 'image/png',
        bytes: Buffer.from('png'),
      }),
    )
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl)
      await step(page, 'Record identity as verified')
      await look(page, 'action-verify-identity')
      await page
        .getByRole('group', { name: 'Documents seen for the person the information is about' })
        .getByLabel('Valid passport')
        .check()
      await page
        .getByRole('group', { name: 'Documents seen for the person the information is about' })
        .getByLabel('Utility bill (under 3 months old)')
        .check()
      await page.getByRole('button', { name: 'Record identity as verified' }).click()
      await page.waitForURL(/done=verify-identity/)
      expect(await timeline(page)).toContain('1 identity document copy deleted for good')
      expect(await page.locator('#documents ~ table').innerText()).toContain('Deleted')
      await look(page, 'case-identity-verified')
      await step(page, 'Ask staff to search their records')
      await look(page, 'task-new')
      await page.getByLabel('Who should search?').selectOption({ label: 'Tom Fletcher' })
      const due = new Date(Date.now() + 3 * 86_400_000)
      await page.getByLabel('Day').fill(String(due.getUTCDate()))
      await page.getByLabel('Month').fill(String(due.getUTCMonth() + 1))
      await page.getByLabel('Year').fill(String(due.getUTCFullYear()))
      await page.getByLabel('Instructions').fill('Emails about the March complaint')
      await page.getByRole('button', { name: 'Send the task' }).click()
      await page.waitForURL(/done=task/)
    })
  })

  it('staff answer the task from "My tasks" with what they found', async () => {
    await as('staff', async (page) => {
      await page.goto(`${base}/staff/tasks`)
      await look(page, 'my-tasks')
      await page.getByRole('link', { name: `Search for request ${reference}` }).click()
      await look(page, 'task')
      await choose(page, 'Yes, I found information')
      await page.getByLabel('If you found information, upload it').setInputFiles({
        name: 'march-emails.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf('Emails about Sam Summers'),
      })
      await page.getByLabel('Where did you search?').fill('Inbox, archive, shared drive')
      await page.getByRole('button', { name: 'Send my reply' }).click()
      await page.waitForURL(/answered=1/)
      await look(page, 'my-tasks-answered')
    })
  })

  it('the DP manager drafts; the reviewer returns it; the DP manager redrafts; the reviewer approves', async () => {
    await as('dp-manager', async (page) => {
      // A search return goes out only once the DP manager marks it "disclose in full" (issue 10 release gate).
      await page.goto(caseUrl)
      await page.getByRole('link', { name: 'Disclose in full… march-emails.pdf' }).click()
      await look(page, 'disclose-in-full')
      await page.getByLabel('Why can it be disclosed in full?').fill('Sam’s own emails about the March complaint')
      await choose(page, 'No, only information about the requester')
      await page.getByRole('button', { name: 'Mark to disclose in full' }).click()
      await page.waitForURL(/done=marked/)
      await step(page, 'Draft the response')
      await look(page, 'draft-start')
      await choose(page, 'information provided in part')
      await page.getByRole('checkbox', { name: /Information about other people/ }).check()
      await page.getByLabel('march-emails.pdf').check()
      await page.getByRole('button', { name: 'Write the draft' }).click()
      await look(page, 'letter-edit')
      expect(await page.locator('#body').inputValue()).toContain('right to seek a judicial remedy')
      await page.getByRole('button', { name: 'Save and send for review' }).click()
      await page.waitForURL(/done=submitted/)
    })
    await as('reviewer', async (page) => {
      await page.goto(caseUrl)
      await step(page, 'Review the draft response')
      await look(page, 'review')
      await page.getByLabel('Or return it with comments').fill('Please say which months the emails cover.')
      await page.getByRole('button', { name: 'Return the draft' }).click()
      await page.waitForURL(/done=return-draft/)
    })
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl)
      expect(await page.locator('#overview').innerText()).toContain('Please say which months the emails cover.')
      await step(page, 'Continue the draft response')
      await page.locator('a[href*="/letters/"]').first().click()
      const body = page.locator('#body')
      await body.fill(`${await body.inputValue()}\n\nThe enclosed emails are from March 2026.`)
      await page.getByRole('button', { name: 'Save and send for review' }).click()
      await page.waitForURL(/done=submitted/)
    })
    await as('reviewer', async (page) => {
      await page.goto(`${caseUrl}/review`)
      expect(await page.locator('#letter-text').innerText()).toContain('from March 2026')
      await page.getByRole('button', { name: 'Approve the response' }).click()
      await page.waitForURL(/done=approve/)
      await expect.poll(() => page.locator('.govuk-tag').first().innerText()).toBe('Approved')
    })
  })

  it('the DP manager sends it as an encrypted PDF by email and gives the password after confirming identity', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl)
      await step(page, 'Send the response')
      await look(page, 'send')
      await choose(page, 'By email, as a password-protected PDF')
      await page.getByRole('button', { name: 'Send the response' }).click()
      await page.waitForURL(/done=sent/)
      await step(page, 'Give the password for the response')
      await look(page, 'release-password')
      await page
        .getByLabel('How did you confirm you were dealing with the requester?')
        .fill('Called Sam on the number on file and checked date of birth and postcode')
      await choose(page, 'By telephone')
      await page.getByRole('button', { name: 'Give the password' }).click()
      const password = await page.locator('#response-password').innerText()
      expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
      await look(page, 'password-shown')
      const mail = await smtp.waitFor(
        (m) => m.to.includes(REQUESTER) && m.subject.startsWith('Our response to your request'),
      )
      expect(opensWithPassword(mail.attachments[0]!.content, password)).toEqual({ encrypted: true, opens: true })
      await page.goto(caseUrl)
      expect(await timeline(page)).toContain('Password for the response given by telephone')
      await step(page, 'Close the case')
      await page.getByRole('button', { name: 'Close the case' }).click()
      await page.waitForURL(/done=close/)
      await look(page, 'case-closed')
    })
  })

  it('the requester downloads the response in the portal and appeals; the Chief Executive decides', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${base}/follow`)
    await page.getByLabel('Reference number').fill(reference)
    await page.getByLabel('Email address').fill(REQUESTER)
    await page.getByRole('button', { name: 'Email me a code' }).click()
    const codeMail = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && /\b\d{6}\b/.test(m.text) && !m.subject.includes(reference),
    )
    await page.getByLabel('Enter the 6-number code').fill(/\b(\d{6})\b/.exec(codeMail.text)![1]!)
    await page.locator('form button[type="submit"]').last().click()
    await page.waitForURL(/\/follow\/case/)
    const download = page.waitForEvent('download')
    await page.locator('a[href^="/follow/case/documents/"]').first().click()
    expect((await download).suggestedFilename()).toContain('password-protected')
    await page.getByRole('button', { name: 'Ask for a review' }).click()
    await page.getByLabel('Why do you disagree with our decision?').fill('I believe there are more emails about me.')
    await page.getByRole('button', { name: 'Ask for a review' }).click()
    await page.waitForURL(/appeal\/sent/)
    await context.close()

    await as('chief-executive', async (page) => {
      await page.goto(`${base}/staff/cases?caseType=review`)
      await page.getByRole('link', { name: /OPCC-/ }).first().click()
      await step(page, 'Decide the appeal')
      await look(page, 'decide-appeal')
      await choose(page, 'Do not uphold the appeal')
      await page
        .getByLabel('Your reasons')
        .fill('Every system was searched, including the archive; nothing more is held.')
      await page.getByRole('button', { name: 'Record the decision' }).click()
      await page.waitForURL(/done=decide-appeal/)
      expect(await timeline(page)).toContain('Review decided: review not upheld')
      await look(page, 'appeal-decided')
    })
  })
})
