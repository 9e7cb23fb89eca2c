import fs from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { docxRenamedBytes, pdfBytes } from '../src/application/portal/upload-fixtures.js'
import { localDateInLondon } from '../src/domain/index.js'
import { type Harness } from '../test/support/app-harness.js'
import { hasChromium, newContext } from './support/browser.js'
import { choose, look, signInAs, signOut } from './support/staff.js'
import { serveForBrowser } from './support/served-app.js'

// Seed 002's Training Record Status List, kept by the Data Protection Manager in the browser: a new starter is added,
// their certificate comes in, and the list changes. axe (WCAG 2.2 AA) on every page on the way.

let h: Harness
let browser: Browser
let base = ''

serveForBrowser((app) => ({ h, browser, base } = app))

async function asDpManager(work: (page: Page) => Promise<void>) {
  const context = await newContext(browser)
  const page = await context.newPage()
  try {
    await signInAs(page, base, 'dp-manager')
    await work(page)
    await signOut(page)
  } finally {
    await context.close()
  }
}

async function fillDate(page: Page, legend: string, iso: string) {
  const [y, m, d] = iso.split('-')
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(String(Number(d)))
  await group.getByLabel('Month').fill(String(Number(m)))
  await group.getByLabel('Year').fill(y!)
}

/** The status cell of one person's row for one training on the status list. */
const listStatus = (page: Page, name: string, training: string) =>
  page
    .locator('#status-list tbody tr')
    .filter({ hasText: name })
    .filter({ hasText: training })
    .locator('[data-cell="status"]')

describe.skipIf(!hasChromium)('training records in the browser', () => {
  it('adds a new starter, records their certificate, and the status list changes', async () => {
    const today = localDateInLondon(h.deps.clock.now())
    const certificate = await pdfBytes('Certificate of completion: data protection training, Priya Starter')
    await asDpManager(async (page) => {
      await page.goto(`${base}/staff/governance`)
      await page.getByRole('link', { name: 'Training record status list' }).click()
      await look(page, 'training-list')
      const dueBefore = Number((await page.locator('#summary-due').innerText()).match(/\d+/)![0])

      await page.getByRole('button', { name: 'Add a person' }).click()
      await look(page, 'training-person-new')
      await page.getByRole('button', { name: 'Add person' }).click()
      await expect
        .poll(() => page.locator('.govuk-error-summary').innerText())
        .toContain('Enter the person’s full name')
      await look(page, 'training-person-new-errors')
      await page.getByLabel('Full name').fill('Priya Starter')
      await page.getByLabel('Email address (optional)').fill('priya.starter@opcc.test.example')
      await choose(page, 'Staff')
      await fillDate(page, 'Date they started', today)
      await page.getByRole('button', { name: 'Add person' }).click()
      await page.waitForURL(/done=added/)
      await look(page, 'training-person')
      await expect.poll(() => page.locator('#training-status').innerText()).toContain('Due today')

      await page.getByRole('link', { name: 'Back to the training record status list' }).click()
      expect(await listStatus(page, 'Priya Starter', 'face to face').innerText()).toBe('Due today')
      expect(Number((await page.locator('#summary-due').innerText()).match(/\d+/)![0])).toBe(dueBefore + 2)
      await page.getByLabel('Status').selectOption('due')
      await page.getByRole('button', { name: 'Apply filters' }).click()
      await page.waitForURL(/status=due/)
      await look(page, 'training-list-filtered')

      await page.getByRole('link', { name: 'Priya Starter' }).first().click()
      await page.getByRole('button', { name: 'Record completed training' }).click()
      await look(page, 'training-completion-new')
      await choose(page, 'Data protection training (face to face)')
      await fillDate(page, 'Date they completed it', today)
      const upload = page.getByLabel('Upload the certificate (optional)')
      await upload.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: docxRenamedBytes() })
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await expect
        .poll(() => page.locator('.govuk-error-summary').innerText())
        .toContain('The certificate must be a PDF, PNG or JPEG file')
      await look(page, 'training-completion-errors')
      await page
        .getByLabel('Upload the certificate (optional)')
        .setInputFiles({ name: 'priya-certificate.pdf', mimeType: 'application/pdf', buffer: certificate })
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await page.waitForURL(/done=recorded/)
      await look(page, 'training-person-recorded')

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /Download priya-certificate\.pdf/ }).click(),
      ])
      expect(download.suggestedFilename()).toBe('priya-certificate.pdf')
      expect(Buffer.compare(await fs.readFile((await download.path())!), certificate)).toBe(0)

      await page.goto(`${base}/staff/governance/training`)
      expect(await listStatus(page, 'Priya Starter', 'face to face').innerText()).toBe('Complete')
      expect(await listStatus(page, 'Priya Starter', 'Mandatory online').innerText()).toBe('Due today')
      await look(page, 'training-list-after')
    })
  })

  it('manages training types and a person’s details, every page passing axe', async () => {
    await asDpManager(async (page) => {
      await page.goto(`${base}/staff/governance/training`)
      await page.getByRole('link', { name: 'Training types' }).click()
      await look(page, 'training-types')
      await page.getByRole('link', { name: 'Data protection training (face to face)' }).click()
      await look(page, 'training-type')
      await page.goto(`${base}/staff/governance/training/types/new`)
      await page.getByRole('button', { name: 'Add training type' }).click()
      await expect.poll(() => page.locator('.govuk-error-summary').innerText()).toContain('Enter the name')
      await look(page, 'training-type-errors')

      await page.goto(`${base}/staff/governance/training`)
      await page.getByRole('link', { name: 'Ruth Okoye' }).first().click()
      await page.getByRole('link', { name: /Change their details/ }).click()
      await look(page, 'training-person-edit')
    })
  })
})
