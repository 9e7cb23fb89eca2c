import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { executeCommand } from '../src/application/execute-command.js'
import { createUser } from '../src/application/create-user.js'
import { logRequest } from '../src/application/log-request.js'
import { DEMO_PASSWORD } from '../src/cli/demo/demo-controllers.js'
import {
  ROLES,
  addDays,
  can,
  computeStatutoryDeadline,
  createCalendar,
  defaultClockSettings,
  formatLongDateWithDay,
  localDateInLondon,
  type Role,
} from '../src/domain/index.js'
import { startHarness, type Harness } from '../test/support/app-harness.js'
import { actorFor, makeFixtures, NEW_REQUEST } from '../test/support/casework-fixtures.js'
import { TABLE, type Rule } from '../test/support/route-table.js'
import { checkA11y, hasChromium, launchBrowser, newContext, screenshot } from './support/browser.js'
import { choose, look, signInAs, signOut, step } from './support/staff.js'

// The refusal, extension and clarification paths with the dates checked on screen, and axe over every staff page.

let h: Harness
let browser: Browser
let base = ''
let outbox = ''
const calendar = createCalendar('england-and-wales')

beforeAll(async () => {
  if (!hasChromium) return
  h = await startHarness()
  outbox = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-outbox-'))
  h.deps.outboxDir = outbox
  await fs.writeFile(path.join(outbox, '2026-01-01-test.eml'), 'To: a@test.example\nSubject: Hello\n\nBody\n')
  base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await h?.close()
  if (outbox) await fs.rm(outbox, { recursive: true, force: true })
})

async function as(role: Role, work: (page: Page) => Promise<void>) {
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

/** A request received `daysAgo` days ago, with identity already confirmed when asked (so work can start). */
async function requestReceived(daysAgo: number, name: string, verified = true) {
  const dp = await actorFor(h, 'dp-manager')
  const today = localDateInLondon(h.deps.clock.now())
  const receivedOn = addDays(today, -daysAgo)
  const { state } = await logRequest(h.deps, dp, {
    ...NEW_REQUEST,
    receivedAt: `${receivedOn}T12:00:00Z`,
    subject: { name, email: `${name.split(' ')[0]!.toLowerCase()}@mail.example` },
  })
  if (verified) {
    await executeCommand(h.deps, dp, state.id, {
      type: 'RecordIdentityVerified',
      documentsSeen: [
        { party: 'subject', documentType: 'passport' },
        { party: 'subject', documentType: 'utility-bill' },
      ],
      verifiedOn: receivedOn,
      verifierId: dp.id,
      receivedOn,
    })
  }
  return { id: state.id, receivedOn, url: `${base}/staff/cases/${state.id}` }
}

const dueOnScreen = (page: Page) => page.locator('#due-date').innerText()

describe.skipIf(!hasChromium)('refusal, extension and clarification in the browser', () => {
  it('refuses a manifestly excessive request; the letter is approved and posted with a dispatch record', async () => {
    const c = await requestReceived(5, 'Rory Refused')
    await as('dp-manager', async (page) => {
      await page.goto(c.url)
      await step(page, 'Refuse the request')
      await look(page, 'action-refuse')
      await choose(page, 'Manifestly excessive')
      await page
        .getByLabel('Your reasons')
        .fill('The sixth identical request this year; nothing has changed since our last full answer.')
      await page.getByRole('button', { name: 'Record the refusal' }).click()
      await page.waitForURL(/done=refuse/)
      await step(page, 'Draft the response')
      await page.getByRole('button', { name: 'Write the draft' }).click()
      const body = await page.locator('#body').inputValue()
      expect(body).toContain('manifestly excessive')
      expect(body).toContain('right to complain to the Information Commissioner’s Office')
      expect(body).toContain('right to seek a judicial remedy')
      await page.getByRole('button', { name: 'Save and send for review' }).click()
      await page.waitForURL(/done=submitted/)
    })
    await as('reviewer', async (page) => {
      await page.goto(`${c.url}/review`)
      await page.getByRole('button', { name: 'Approve the response' }).click()
      await page.waitForURL(/done=approve/)
    })
    await as('dp-manager', async (page) => {
      await page.goto(`${c.url}/send`)
      await choose(page, 'By post')
      await page.getByRole('button', { name: 'Send the response' }).click()
      await look(page, 'send-post-errors')
      await choose(page, 'By post')
      await page.getByLabel('Double enveloped').check()
      await page.getByLabel('Data protection disclaimer included').check()
      await page.getByLabel('Special delivery reference').fill('AB 1234 5678 9GB')
      await page.getByRole('button', { name: 'Send the response' }).click()
      await page.waitForURL(/done=sent/)
      expect(await page.locator('#overview').innerText()).toContain(
        'By post: double envelope, data protection disclaimer, special delivery AB123456789GB',
      )
      await look(page, 'case-refused-posted')
    })
  })

  it('extends a complex request: the new due date is three months from receipt, on screen and in the letter', async () => {
    const c = await requestReceived(10, 'Erin Extended')
    const expected = computeStatutoryDeadline(
      { receivedOn: c.receivedOn, restarts: [], pauses: [], extended: true },
      calendar,
      { settings: defaultClockSettings },
    ).due
    await as('dp-manager', async (page) => {
      await page.goto(c.url)
      await step(page, 'Extend the time limit')
      await look(page, 'action-extend')
      await choose(page, 'The request is complex')
      await page.getByLabel('Your reasons').fill('Records are in an archived system and include several other people.')
      await page.getByRole('button', { name: 'Continue' }).click()
      expect(await page.locator('#body').inputValue()).toContain(
        `We will now respond by ${formatLongDateWithDay(expected).replace(/^\w+ /, '')}`,
      )
      await page.getByRole('button', { name: 'Send the extension notice' }).click()
      await page.waitForURL(/done=extend/)
      expect(await dueOnScreen(page)).toBe(`Due by ${formatLongDateWithDay(expected)}`)
      expect(await page.locator('.moj-badge').allInnerTexts()).toContain('EXTENDED')
      await look(page, 'case-extended')
    })
  })

  it('pauses the clock for clarification (Art 12A(5)) and adds the paused days, both ends included', async () => {
    const c = await requestReceived(3, 'Cara Clarify')
    const today = localDateInLondon(h.deps.clock.now())
    await as('dp-manager', async (page) => {
      await page.goto(c.url)
      await step(page, 'Ask for clarification')
      await page.getByLabel('What do you need to know?').fill('Which years and which teams does your request cover?')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.getByRole('button', { name: 'Send the question' }).click()
      await page.waitForURL(/done=request-clarification/)
      expect(await page.locator('.moj-badge').allInnerTexts()).toContain('PAUSED')
      await look(page, 'case-paused')
    })
    const answeredOn = addDays(today, 4)
    h.setNow(`${answeredOn}T10:00:00Z`)
    try {
      await as('dp-manager', async (page) => {
        await page.goto(c.url)
        await step(page, 'Record the answer to the clarification')
        await page.getByRole('button', { name: 'Record the answer' }).click()
        await page.waitForURL(/done=clarification-received/)
        const expected = computeStatutoryDeadline(
          {
            receivedOn: c.receivedOn,
            restarts: [],
            pauses: [{ requestedOn: today, resolvedOn: answeredOn }],
            extended: false,
          },
          calendar,
          { settings: defaultClockSettings },
        )
        expect(expected.pausedDays).toBe(5)
        expect(await dueOnScreen(page)).toBe(`Due by ${formatLongDateWithDay(expected.due)}`)
        expect(await page.locator('#overview').innerText()).toMatch(/Days paused for clarification\s+5/)
        await look(page, 'case-clarified')
      })
    } finally {
      h.setNow(null)
    }
  })
})

describe.skipIf(!hasChromium)('every staff page passes axe (WCAG 2.2 AA)', () => {
  it('as someone allowed to see it', async () => {
    const f = await makeFixtures(h)
    const pages = Object.entries(TABLE).filter(([route]) => route.startsWith('GET /staff'))
    const contexts = new Map<string, { context: BrowserContext; page: Page }>()
    const pageFor = async (who: string): Promise<Page> => {
      const existing = contexts.get(who)
      if (existing) return existing.page
      const context = await newContext(browser)
      const page = await context.newPage()
      if (who === 'pending') await signInPending(page)
      else if (who !== 'anonymous') await signInAs(page, base, who as Role)
      contexts.set(who, { context, page })
      return page
    }
    const checked: string[] = []
    for (const [route, rule] of pages) {
      const url = route.slice(4).replace(/:(\w+)/g, (_m, name: string) => (f as Record<string, string>)[name] ?? name)
      const page = await pageFor(whoFor(rule))
      // Files (CSV, PDF, documents) are downloads: check they are served, there is no page to test.
      const probe = await page.request.get(base + url, { maxRedirects: 0 })
      expect(probe.status(), route).toBeLessThan(400)
      if (!String(probe.headers()['content-type']).startsWith('text/html')) continue
      const res = await page.goto(base + url)
      expect(res?.status(), route).toBeLessThan(400)
      await checkA11y(page)
      await screenshot(
        page,
        `staff-page-${url
          .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'x')
          .replace(/[^a-z0-9]+/gi, '-')
          .replace(/^-|-$/g, '')}`,
      )
      checked.push(route)
    }
    const staff = await pageFor('staff')
    expect((await staff.goto(`${base}/staff/admin`))?.status()).toBe(403)
    await checkA11y(staff)
    expect((await staff.goto(`${base}/staff/cases/${f.id}`))?.status()).toBe(403)
    const dp = await pageFor('dp-manager')
    expect((await dp.goto(`${base}/staff/cases/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404)
    await checkA11y(dp)
    await screenshot(dp, 'staff-page-not-found')
    for (const { context } of contexts.values()) await context.close()
    expect(checked.length).toBeGreaterThan(70)
    // Every staff page, each with axe and a full-page screenshot: several minutes on a two-core machine.
  }, 900_000)
})

function whoFor(rule: Rule): string {
  if ('public' in rule) return 'anonymous'
  if ('pending' in rule) return 'pending'
  if ('signedIn' in rule) return 'dp-manager'
  if ('any' in rule) {
    const roles: Role[] = ['dp-manager', ...ROLES]
    return roles.find((r) => rule.any.some((p) => can([r], p)))!
  }
  return 'anonymous'
}

async function signInPending(page: Page) {
  const email = `pending-${randomBytes(3).toString('hex')}@test.example`
  await createUser(h.deps, SYSTEM_ACTOR, {
    email,
    name: 'Pending Person',
    roles: ['reviewer'],
    controllerIds: ['northshire-opcc'],
    password: DEMO_PASSWORD,
  })
  // A reviewer must use an authenticator app by default: with none set up yet, sign-in stops at its set-up.
  await page.goto(`${base}/staff/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/set-up/)
}
