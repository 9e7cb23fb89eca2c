import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { registerSource } from '../src/application/discovery/sources.js'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { actorFor } from '../test/support/casework-fixtures.js'
import { indexNow, syntheticMbox } from '../test/support/discovery.js'
import { hasChromium, newContext } from './support/browser.js'
import { serveForBrowser, type ServedApp } from './support/served-app.js'
import { look, signInAs } from './support/staff.js'

// Issue 16 in Chromium: the DP manager searches the office's mail for the demo case's requester, keeps two hits and
// drops one, adds the kept ones to the material, and opens and prints the search record. axe on every page.

const run = promisify(execFile)
const SHOTS = path.resolve('test-results', 'screenshots')
let app: ServedApp
serveForBrowser((a) => (app = a))

describe.skipIf(!hasChromium)('finding the requester’s data in the browser', () => {
  it('searches a case’s sources, keeps hits into the material and prints the search record', async () => {
    const { h, base, browser } = app
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rightsdesk-e2e-mail-'))
    await fs.writeFile(path.join(dir, 'control-room.mbox'), syntheticMbox(6, ['Alex Morgan', 'Sam Price']))
    const admin = await actorFor(h, 'admin')
    const dp = await actorFor(h, 'dp-manager')
    const demo = await h.db.pool.query<{ id: string; controller_id: string }>(
      "SELECT id, controller_id FROM cases WHERE requester_name = 'Alex Morgan' ORDER BY created_at LIMIT 1",
    )
    const c = demo.rows[0]!
    const source = await registerSource(h.deps, admin, {
      controllerId: c.controller_id,
      kind: 'mbox',
      name: 'Control room mailbox',
      location: dir,
      ownerId: dp.id,
      retentionNote: 'Six years (force retention schedule)',
    })
    await indexNow(h.deps, admin, source.id)

    const context = await newContext(browser)
    const page = await context.newPage()
    await signInAs(page, base, 'dp-manager')
    await page.goto(`${base}/staff/cases/${c.id}`)
    await page.getByRole('link', { name: 'Find the requester’s data' }).click()
    await expect.poll(() => page.getByLabel('Names', { exact: true }).inputValue()).toBe('Alex Morgan')
    await look(page, 'discovery-search')
    await page.getByLabel('What was not searched, and why').fill('Paper files: search task to the station office.')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL(/\/staff\/discovery\/runs\//)
    await expect.poll(() => page.locator('#run-summary').textContent()).toMatch(/^3 found/)
    await expect.poll(() => page.locator('#hits tbody tr').first().textContent()).toMatch(/full name: “Alex Morgan”/)
    await look(page, 'discovery-run')
    const rows = page.locator('#hits tbody tr')
    await rows.nth(0).getByLabel('Keep').check()
    await rows.nth(1).getByLabel('Keep').check()
    await rows.nth(2).getByLabel('Drop').check()
    await page.getByRole('button', { name: 'Add kept items to the material' }).click()
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toMatch(/2 kept items were added/)
    await expect.poll(() => page.getByText('Added to the material').count()).toBe(2)
    await look(page, 'discovery-run-added')

    const material = await h.db.pool.query<{ filename: string }>(
      "SELECT filename FROM documents WHERE case_id = $1 AND kind = 'material' AND filename LIKE 'Report %' ORDER BY filename",
      [c.id],
    )
    expect(material.rows.map((r) => r.filename)).toHaveLength(2)
    await page.goto(`${base}/staff/cases/${c.id}/disclosure`)
    await expect.poll(() => page.locator('main').textContent()).toContain(material.rows[0]!.filename)

    await page.goBack()
    await page.getByRole('link', { name: 'Search record (for the response file and the ICO)' }).click()
    await expect.poll(() => page.locator('#kept li').count()).toBe(2)
    await look(page, 'discovery-record')
    const pdf = await page.request.get(page.url() + '.pdf')
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    const bytes = new Uint8Array(await pdf.body())
    const textOfPdf = readPageTexts(bytes).join('\n')
    expect(textOfPdf).toContain('Record of the search for personal data')
    expect(textOfPdf).toContain('Control room mailbox')
    expect(textOfPdf).toContain('Paper files: search task to the station office.')
    await fs.mkdir(SHOTS, { recursive: true })
    await fs.writeFile(path.join(SHOTS, 'discovery-record.pdf'), bytes)
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      path.join(SHOTS, 'discovery-record.pdf'),
      path.join(SHOTS, 'discovery-record-pdf'),
    ])
    await context.close()
    await fs.rm(dir, { recursive: true, force: true })
  }, 300_000)
})
