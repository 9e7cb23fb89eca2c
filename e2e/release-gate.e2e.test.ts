import fs from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { decideMany } from '../src/application/disclosure/decisions.js'
import { requestBundle, requestPreparation } from '../src/application/disclosure/runs.js'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor } from '../test/support/casework-fixtures.js'
import { settled } from '../test/support/disclosure-pages.js'
import { collectProblems, hasChromium, launchBrowser, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut } from './support/staff.js'

// Issue 10 "Done when": the DP manager drafts the demo case's response in Chromium. The original witness statement is
// not offered; an API call attaching it is refused; a letter naming a redacted surname is blocked with the place
// named; an approved letter changed afterwards needs approval again; the requester downloads only the verified bundle.

let h: Harness
let jobs: Jobs
let browser: Browser
let base = ''
let caseId = ''
let reference = ''
let dp: Actor
const emails: { to: string[]; subject: string; text: string }[] = []
const SHOTS = path.resolve('test-results', 'screenshots')

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness({
    jobs: async (url) => {
      jobs = await startJobs(url, 'both')
      // The emails the app queues are kept to read the requester's sign-in code; the real queue still sends them.
      return {
        enqueue: async (tx, queue, data) => {
          if (queue === 'email-send') emails.push(data as (typeof emails)[number])
          return jobs.enqueue(tx, queue, data)
        },
      }
    },
  })
  const mailer = createMailer({
    smtpUrl: undefined,
    from: 'x <x@test.example>',
    outboxDir: path.join(h.blobDir, 'outbox'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
  const demo = await h.db.pool.query(
    "SELECT d.case_id, c.reference FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.filename = 'witness-statement-thornley.pdf'",
  )
  caseId = String(demo.rows[0].case_id)
  reference = String(demo.rows[0].reference)
  // The workbench's own Chromium test drives reading and review; here the same use cases prepare a verified bundle.
  dp = await actorFor(h, 'dp-manager')
  await requestPreparation(h.deps, dp, caseId)
  expect((await settled(h, caseId)).status).toBe('done')
  await decideMany(h.deps, dp, caseId, {}, { decision: 'accepted', exemptionCode: 'LE_45_4_E' })
  await requestBundle(h.deps, dp, caseId)
  expect((await settled(h, caseId)).status).toBe('done')
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await jobs?.stop()
  await h?.close()
})

async function as(role: 'dp-manager' | 'reviewer', run: (page: Page) => Promise<void>) {
  const context = await newContext(browser)
  const page = await context.newPage()
  const problems = collectProblems(page)
  try {
    await signInAs(page, base, role)
    await run(page)
    await signOut(page)
  } finally {
    await context.close()
  }
  // Refused forms answer 400; nothing else may go wrong in the page.
  expect(problems.filter((p) => !/status of 40\d/.test(p))).toEqual([])
}

const caseUrl = () => `${base}/staff/cases/${caseId}`

async function approve() {
  await as('reviewer', async (page) => {
    await page.goto(`${caseUrl()}/review`)
    await look(page, 'release-review')
    await page.getByRole('button', { name: 'Approve the response' }).click()
    await page.waitForURL(/done=approve/)
  })
}

describe.skipIf(!hasChromium)('the release gate in the browser, on the demo disclosure case', () => {
  it('offers only the verified bundle; refuses the original through the API; blocks a letter naming a redacted surname', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl())
      await page
        .locator('#next-steps a', { hasText: /^\s*Draft the response\s*$/ })
        .first()
        .click()
      await look(page, 'release-draft-start')
      const offered = page.locator('input[name="attachmentDocumentIds"]')
      await expect.poll(() => offered.count()).toBe(1)
      const label = await page.locator('label[for="attachmentDocumentIds"]').innerText()
      expect(label).toMatch(/-disclosure-bundle\.pdf$/)
      expect(await page.locator('#attachmentDocumentIds-item-hint').innerText()).toMatch(/built on .*, verified/)
      expect(await page.getByLabel('witness-statement-thornley.pdf').count()).toBe(0)
      await page.getByText(/Files on this case that cannot be sent/).click()
      expect(await page.locator('#held-back').innerText()).toContain('witness-statement-thornley.pdf')

      // The same request through the API, attaching the original statement: refused with a problem+json.
      const statement = await h.db.pool.query(
        "SELECT id FROM documents WHERE case_id = $1 AND filename = 'witness-statement-thornley.pdf'",
        [caseId],
      )
      const api = await page.request.post(`${base}/api/v1/cases/${caseId}/letters`, {
        headers: { authorization: `Bearer ${await h.tokenFor('dp-manager')}` },
        data: {
          outcome: 'disclosed-in-part',
          exemptionCodes: ['LE_45_4_E'],
          attachmentDocumentIds: [statement.rows[0].id],
        },
      })
      expect(api.status()).toBe(422)
      expect(api.headers()['content-type']).toContain('application/problem+json')
      expect(await api.json()).toMatchObject({ code: 'not-releasable' })

      await choose(page, 'information provided in part')
      await page
        .getByRole('checkbox', { name: /protect the rights of others/ })
        .first()
        .check()
      await offered.check()
      await page.getByRole('button', { name: 'Write the draft' }).click()
      await page.locator('#body').waitFor()
      expect(await page.locator('#enclosed-note').innerText()).toMatch(/Enclosed: .*-disclosure-bundle\.pdf/)
      const body = page.locator('#body')
      const original = await body.inputValue()
      const paragraphs = original.split('\n\n')
      await body.fill(
        [...paragraphs.slice(0, 2), 'We have not included what Mrs Thornley told us.', ...paragraphs.slice(2)].join(
          '\n\n',
        ),
      )
      await page.getByRole('button', { name: 'Save and send for review' }).click()
      const summary = page.locator('.govuk-error-summary')
      await summary.waitFor()
      expect(await summary.innerText()).toContain('Letter body, paragraph 3: “Thornley” was redacted in this case')
      await look(page, 'release-letter-blocked')

      await page.locator('#body').fill(original)
      await page.getByRole('button', { name: 'Save and send for review' }).click()
      await page.waitForURL(/done=submitted/)
    })
  })

  it('an approved letter changed afterwards needs approval again', async () => {
    await approve()
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl())
      await page.locator('#letters + ul a').first().click()
      expect(await page.locator('.govuk-warning-text').innerText()).toContain(
        'must be approved before anything can be sent',
      )
      await look(page, 'release-letter-after-approval')
      const body = page.locator('#body')
      await body.fill(`${await body.inputValue()}\n\nThe bundle is 1 file.`)
      await page.getByRole('button', { name: 'Save and send for approval again' }).click()
      await page.waitForURL(/done=submitted/)
      await page.goto(`${caseUrl()}/send`)
      expect(await page.locator('.govuk-warning-text').innerText()).toContain('no approved letter')
    })
    await approve()
  })

  it('sends it; the requester can download only the response with the verified bundle', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(`${caseUrl()}/send`)
      expect(await page.locator('#send-files').innerText()).toMatch(
        /disclosure-bundle\.pdf[\s\S]*verified[\s\S]*SHA-256 [0-9a-f]{64}/,
      )
      await look(page, 'release-send')
      await choose(page, 'For download in the online service')
      await page.getByRole('button', { name: 'Send the response' }).click()
      await page.waitForURL(/done=sent/)
    })
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${base}/follow`)
    await page.getByLabel('Reference number').fill(reference)
    await page.getByLabel('Email address').fill('alex.morgan@example.com')
    await page.getByRole('button', { name: 'Email me a code' }).click()
    await expect
      .poll(() => emails.some((m) => m.to.includes('alex.morgan@example.com') && /^\d{6}$/m.test(m.text)))
      .toBe(true)
    const code = [...emails]
      .reverse()
      .find((m) => /^\d{6}$/m.test(m.text))!
      .text.match(/^\d{6}$/m)![0]
    await page.getByLabel('Enter the 6-number code').fill(code)
    await page.locator('form button[type="submit"]').last().click()
    await page.waitForURL(/\/follow\/case/)
    // Every file the requester can download (the response with its bundle, and the letters sent before it): none
    // holds a word the case redacted, and the response carries the requester's own data.
    const links = page.locator('a[href^="/follow/case/documents/"]')
    expect(await links.count()).toBeGreaterThan(0)
    let file = ''
    let seenOwnData = false
    for (let i = 0; i < (await links.count()); i++) {
      const download = page.waitForEvent('download')
      await links.nth(i).click()
      const saved = await (await download).path()
      const text = readPageTexts(new Uint8Array(await fs.readFile(saved)))
        .join(' ')
        .replace(/\s+/g, ' ')
      for (const secret of ['Thornley', 'Rebecca', '07700 900123', 'Whitfield']) expect(text).not.toContain(secret)
      if (text.includes('Alex Morgan') && text.toLowerCase().includes('redaction schedule')) {
        seenOwnData = true
        file = saved
      }
    }
    expect(seenOwnData).toBe(true)
    await fs.mkdir(SHOTS, { recursive: true })
    await fs.copyFile(file, path.join(SHOTS, 'release-response.pdf'))
    await context.close()
  })
})
