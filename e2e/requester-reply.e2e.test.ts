import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { actOnCase } from '../src/application/casework/act-on-case.js'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { actorFor, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { hasChromium, launchBrowser, newContext } from './support/browser.js'
import { look as lookStaff, signInAs, signOut } from './support/staff.js'
import { continueOn, latestCode, look, openPage, startPortalServer, type PortalServer } from './portal-support.js'

// Issue 14, the requester-reply loop: the requester reads our letters on the follow page, answers the clarification
// question there on 10 March, and the officer who opens the case on 12 March sees the clock resumed from 10 March.

let server: PortalServer
let browser: Browser

beforeAll(async () => {
  if (!hasChromium) return
  server = await startPortalServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  server?.h.setNow(null)
  await browser?.close()
  await server?.close()
})

describe.skipIf(!hasChromium)('the requester-reply loop in Chromium', () => {
  it('a clarification answered on the portal on 10 March resumes the clock from 10 March', async () => {
    const { h } = server
    const email = 'rhea.reply@mail.example'
    const question = 'Which years and which teams does your request cover?'
    h.setNow('2026-03-02T10:00:00Z')
    const dp = await actorFor(h, 'dp-manager')
    const { state } = await logRequest(h.deps, dp, {
      ...NEW_REQUEST,
      receivedAt: '2026-03-02T09:00:00Z',
      subject: { name: 'Rhea Reply', email },
    })
    await executeCommand(h.deps, dp, state.id, {
      type: 'RecordIdentityVerified',
      documentsSeen: [
        { party: 'subject', documentType: 'passport' },
        { party: 'subject', documentType: 'utility-bill' },
      ],
      verifiedOn: '2026-03-02',
      verifierId: dp.id,
      receivedOn: '2026-03-02',
    })
    await actOnCase(h.deps, dp, state.id, { type: 'Acknowledge' }, { template: 'acknowledgement' })
    h.setNow('2026-03-04T11:00:00Z')
    await actOnCase(
      h.deps,
      dp,
      state.id,
      { type: 'RequestClarification', question },
      { template: 'clarification-request', extras: { question } },
    )

    h.setNow('2026-03-10T15:00:00Z')
    const requester = await newContext(browser)
    try {
      const { page } = await openPage(requester, server.baseUrl)
      await page.goto(server.baseUrl + '/follow')
      await page.getByLabel('Reference number').fill(state.reference)
      await page.getByLabel('Email address').fill(email)
      await continueOn(page, 'Email me a code')
      await page.getByLabel('Enter the 6-number code').fill(latestCode(server, email))
      await continueOn(page, 'Continue')
      const headings = await page.locator('.rd-conversation__item h3').allInnerTexts()
      expect(headings.map((x) => x.replace(/:.*/, ''))).toEqual(['From us, 4 March 2026', 'From us, 2 March 2026'])
      await expect.poll(() => page.locator('.rd-conversation__item').first().innerText()).toContain(question)
      await look(page, 'reply-01-letters')
      await page.getByRole('button', { name: 'Send us a message or a document' }).click()
      await page.getByLabel('Your message').fill('Only 2024 and 2025, and only the Professional Standards team.')
      await continueOn(page, 'Send')
      expect(await page.locator('.rd-conversation__item h3').first().innerText()).toBe('From you, 10 March 2026')
      await look(page, 'reply-02-sent')
    } finally {
      await requester.close()
    }

    h.setNow('2026-03-12T09:00:00Z')
    const office = await newContext(browser)
    try {
      const page = await office.newPage()
      await signInAs(page, server.baseUrl, 'dp-manager')
      await page.goto(`${server.baseUrl}/staff/cases?search=${encodeURIComponent('Rhea Reply')}`)
      expect(await page.locator('main table tbody').innerText()).toMatch(/requester replied/i)
      await lookStaff(page, 'reply-01-list')
      await page.getByRole('link', { name: state.reference }).first().click()
      const banner = await page.locator('#requester-replied').innerText()
      expect(banner).toContain('The requester replied on 10 March 2026.')
      expect(banner).toContain('Clarification received on 10 March 2026: the clock resumed from that day.')
      expect(await page.locator('#due-date').innerText()).toBe('Due by Thursday 9 April 2026')
      await lookStaff(page, 'reply-02-case')
      await signOut(page)
    } finally {
      await office.close()
    }
  })
})
