import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { actOnCase } from '../src/application/casework/act-on-case.js'
import { logRequest } from '../src/application/log-request.js'
import { localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut, step } from './support/staff.js'

// Issue 13: a neither-confirm-nor-deny response on the law-enforcement route (DPA 2018 s.45(4) and (6)), in
// Chromium: the DP manager refuses under a s.45(4) restriction without confirming anything is held, records the
// s.45(7) reasons, drafts the letter (which gives neither the fact nor the reasons, and never cites the UK GDPR, but
// offers s.51, the complaint and the court); the reviewer approves; the response is released to the portal.

let h: Harness
let browser: Browser
let base = ''
let caseUrl = ''

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness()
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
  // Intake is covered by the other journeys: the Part 3 case arrives verified and in progress.
  const correspondence = await actorFor(h, 'correspondence')
  const { state } = await logRequest(h.deps, correspondence, {
    ...NEW_REQUEST,
    controllerId: 'northshire-police',
    route: 'DPA_PART3',
    subject: { name: 'Nina Ncnd', email: 'nina.ncnd@mail.example' },
    request: { description: 'Any intelligence you hold about me', actionWanted: 'A copy', reasons: '', details: {} },
  })
  const today = localDateInLondon(h.deps.clock.now())
  await actOnCase(h.deps, correspondence, state.id, {
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: today,
    verifierId: correspondence.id,
    receivedOn: today,
  })
  await actOnCase(h.deps, await actorFor(h, 'dp-manager'), state.id, { type: 'StartWork' })
  caseUrl = `${base}/staff/cases/${state.id}`
})
afterAll(async () => {
  await browser?.close()
  await h?.close()
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

const REASONS = 'Confirming whether intelligence is held would tell the subject of an operation that it exists'

describe.skipIf(!hasChromium)('a neither-confirm-nor-deny response on the Part 3 route, in the browser', () => {
  it('the DP manager refuses under s.45(4) without confirming, records the s.45(7) reasons and drafts', async () => {
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl)
      expect(await page.locator('main').innerText()).toContain('Law enforcement (DPA 2018 Part 3)')
      await step(page, 'Refuse the request')
      await look(page, 'part3-refuse')
      await choose(page, 'An exemption or restriction applies')
      // Only Part 3 restrictions are offered on a Part 3 case (never Schedule 2's crime exemption).
      const form = await page.locator('main').innerText()
      expect(form).not.toContain('Sch 2 Part 1 para 2')
      await page.getByRole('checkbox', { name: /s\.45\(4\)\(b\)/ }).check()
      await choose(page, 'Neither confirm nor deny that we hold information (DPA 2018 s.45(6))')
      await page.getByLabel('Your reasons').fill(REASONS)
      await page.getByRole('button', { name: 'Record the refusal' }).click()
      await page.waitForURL(/done=refuse/)

      await page.goto(`${caseUrl}/record-restriction`)
      await page.getByRole('radio', { name: /s\.45\(4\)\(b\)/ }).check()
      await choose(page, 'Neither confirm nor deny that we hold information (DPA 2018 s.45(6))')
      await page.getByLabel('Why the restriction is necessary and proportionate').fill(REASONS)
      const review = new Date(Date.now() + 180 * 86_400_000)
      await page.getByLabel('Day').fill(String(review.getUTCDate()))
      await page.getByLabel('Month').fill(String(review.getUTCMonth() + 1))
      await page.getByLabel('Year').fill(String(review.getUTCFullYear()))
      await page.getByRole('button', { name: 'Record the restriction' }).click()
      await page.waitForURL(/done=record-restriction/)
      expect(await page.locator('.moj-timeline').innerText()).toContain('neither confirm nor deny')

      await step(page, 'Draft the response')
      await look(page, 'part3-draft-start')
      await page.getByRole('button', { name: 'Write the draft' }).click()
      await look(page, 'part3-ncnd-letter')
      const letter = await page.locator('#body').inputValue()
      expect(letter).toContain('neither confirm nor deny')
      expect(letter).toContain('section 45(4) and (6)')
      expect(letter).toContain('section 51 of the Data Protection Act 2018')
      expect(letter).toContain('right to seek a judicial remedy')
      // s.45(6): neither the fact of the restriction nor its reasons; Part 3 letters never cite the UK GDPR.
      expect(letter).not.toContain(REASONS)
      expect(letter).not.toContain('UK GDPR')
      await page.getByRole('button', { name: 'Save and send for review' }).click()
      await page.waitForURL(/done=submitted/)
    })
  })

  it('the reviewer approves, and the DP manager releases it to the online service', async () => {
    await as('reviewer', async (page) => {
      await page.goto(`${caseUrl}/review`)
      expect(await page.locator('#letter-text').innerText()).toContain('neither confirm nor deny')
      await page.getByRole('button', { name: 'Approve the response' }).click()
      await page.waitForURL(/done=approve/)
    })
    await as('dp-manager', async (page) => {
      await page.goto(caseUrl)
      await step(page, 'Send the response')
      await look(page, 'part3-send')
      await choose(page, 'For download in the online service')
      await page.getByRole('button', { name: 'Send the response' }).click()
      await page.waitForURL(/done=sent/)
      const timeline = await page.locator('.moj-timeline').innerText()
      expect(timeline).toContain('neither confirmed nor denied')
      await look(page, 'part3-ncnd-sent')
    })
  })
})
