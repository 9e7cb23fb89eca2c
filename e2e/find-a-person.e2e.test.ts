import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { logRequest } from '../src/application/log-request.js'
import { addMonthsClamped, localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut } from './support/staff.js'

// Issue 14: a duplicate caught at intake. Correspondence logs a letter from someone who asked three months ago; the
// case page warns, says why, and one click links the two; the search box then finds the person by phone number.

let h: Harness
let browser: Browser
let base = ''

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness()
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await h?.close()
})

describe.skipIf(!hasChromium)('a person who asked before, caught at intake in Chromium', () => {
  it('warns the officer logging the request, and links the two cases in one click', async () => {
    const dp = await actorFor(h, 'dp-manager')
    const today = localDateInLondon(h.deps.clock.now())
    const [y, m, d] = today.split('-')
    const earlier = (
      await logRequest(h.deps, dp, {
        ...NEW_REQUEST,
        receivedAt: `${addMonthsClamped(today, -3)}T12:00:00Z`,
        subject: { name: 'Marguerite Oakhollow', phone: '01632 960 518', dateOfBirth: '1971-06-14' },
        request: { ...NEW_REQUEST.request, description: 'Copies of my records from the 2025 incident' },
      })
    ).state
    const context = await newContext(browser)
    try {
      const page = await context.newPage()
      await signInAs(page, base, 'correspondence')
      await page.goto(`${base}/staff/cases/new`)
      await choose(page, 'Office of the Police and Crime Commissioner for Northshire')
      await choose(page, 'Post')
      await page.locator('#receivedOn-day').fill(String(Number(d)))
      await page.locator('#receivedOn-month').fill(String(Number(m)))
      await page.locator('#receivedOn-year').fill(y!)
      await page.getByLabel('Full name').fill('Marguerite Oakhollow')
      await page.locator('#dateOfBirth-day').fill('14')
      await page.locator('#dateOfBirth-month').fill('6')
      await page.locator('#dateOfBirth-year').fill('1971')
      await page.getByLabel('Telephone number (optional)').fill('+44 1632 960518')
      await page.getByLabel('What the person asked for').fill('My records from the incident in 2025, again')
      await look(page, 'find-log-with-dob')
      await page.getByRole('button', { name: 'Log the request' }).click()
      await page.waitForURL(/\/staff\/cases\/[0-9a-f-]{36}\?logged=1/)

      const warning = page.locator('#matches')
      await expect.poll(() => warning.isVisible()).toBe(true)
      const said = await warning.innerText()
      expect(said).toContain(earlier.reference)
      expect(said).toContain('Same phone number')
      expect(said).toContain('Same name and date of birth')
      expect(said).toContain('A similar request within 6 months')
      await look(page, 'find-asked-before')

      await warning.getByRole('button', { name: `Link: same person ${earlier.reference}` }).click()
      await page.waitForURL(/linked=/)
      expect(await page.locator('#match-linked').innerText()).toContain(earlier.reference)
      expect(await page.locator('#matches').count()).toBe(0)
      expect(await page.locator('#overview').innerText()).toContain(earlier.reference)
      await look(page, 'find-linked')

      await page.goto(`${base}/staff/cases`)
      await page.getByLabel('Find a person or case').fill('01632 960518')
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      const rows = await page.locator('main table tbody').innerText()
      expect(rows).toContain(earlier.reference)
      expect(rows.match(/Marguerite Oakhollow/g)?.length).toBe(2)
      await look(page, 'find-by-phone')
      await signOut(page)
    } finally {
      await context.close()
    }
  })
})
