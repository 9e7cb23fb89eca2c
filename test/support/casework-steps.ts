import { expect } from 'vitest'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { StaffClient } from './casework-client.js'

/** A small real PDF with some text, as a scanned document or a disclosure bundle would be. */
export async function samplePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const page = doc.addPage()
  page.drawText(text, { x: 50, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) })
  return Buffer.from(await doc.save())
}

/** "D M YYYY" date fields for a GOV.UK date input. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

/**
 * Does one action from the case page: fills the form and, when the action sends a letter, confirms it on the check
 * page as the officer would (optionally changing the text). Returns the final response.
 */
export async function act(
  c: StaffClient,
  caseId: string,
  slug: string,
  fields: Record<string, string | string[]> = {},
  edit?: (body: string) => string,
) {
  await c.get(`/staff/cases/${caseId}/${slug}`)
  const first = await c.post(`/staff/cases/${caseId}/${slug}`, { ...fields, step: 'check' })
  if (first.statusCode === 303) return first
  const $ = c.$(first)
  const values = $('input[name="values"]').attr('value')
  if (values === undefined) {
    throw new Error(
      `${slug}: expected the letter check page, got ${first.statusCode}: ${$('.govuk-error-summary').text() || $('h1').text()}`,
    )
  }
  const subject = String($('#subject').val())
  const body = String($('#body').text())
  const done = await c.post(`/staff/cases/${caseId}/${slug}`, {
    step: 'send',
    values,
    subject,
    body: edit ? edit(body) : body,
  })
  expect(done.statusCode, `${slug}: ${c.$(done)('.govuk-error-summary').text()}`).toBe(303)
  return done
}

/** Actions that send no letter: one POST. */
export async function doAction(
  c: StaffClient,
  caseId: string,
  slug: string,
  fields: Record<string, string | string[]> = {},
) {
  await c.get(`/staff/cases/${caseId}/${slug}`)
  const res = await c.post(`/staff/cases/${caseId}/${slug}`, { ...fields, step: 'do' })
  expect(res.statusCode, `${slug}: ${c.$(res)('.govuk-error-summary').text() || c.$(res)('h1').text()}`).toBe(303)
  return res
}
