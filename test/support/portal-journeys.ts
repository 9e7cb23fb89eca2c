import { expect } from 'vitest'
import { errorSummary, type Page, type PortalClient } from './portal-client.js'

/** A valid answer for every page of the make-a-request journey, to be overridden per test. */
export interface JourneyAnswers {
  controllerId: string
  requesterType: string
  alive?: string
  rights: string[]
  subjectName: string
  dob: [string, string, string]
  representative?: { repName: string; relationship: string; organisation?: string }
  contact: Record<string, string>
  responseFormat: string
  description: string
  details: Record<string, Record<string, string>>
  reasons: string
  evidenceMethod: 'upload' | 'post'
}

export const SELF_ACCESS: JourneyAnswers = {
  controllerId: 'northshire-opcc',
  requesterType: 'self',
  rights: ['access'],
  subjectName: 'Jane Quinn',
  dob: ['14', '3', '1985'],
  contact: { email: 'jane.quinn@mail.example', phone: '', line1: '', line2: '', town: '', postcode: '' },
  responseFormat: 'email',
  description: 'Letters I sent to the Commissioner about a burglary in 2025',
  details: { access: { dataWanted: 'All letters and emails between January and June 2025' } },
  reasons: '',
  evidenceMethod: 'post',
}

/** Posts one page and expects to be sent on (303); fails with the error summary if the page refused the answers. */
export async function answer(
  client: PortalClient,
  path: string,
  fields: Record<string, string | string[]>,
): Promise<Page> {
  await client.get(path)
  const page = await client.post(path, fields)
  expect(page.status, `${path}: ${errorSummary(page).join('; ')}`).toBe(303)
  return page
}

/** Walks the journey as a browser would, page by page, ending on check your answers. */
export async function answerAll(client: PortalClient, a: JourneyAnswers): Promise<Page> {
  await answer(client, '/request/organisation', { controllerId: a.controllerId })
  await answer(client, '/request/who-is-asking', { requesterType: a.requesterType })
  if (a.requesterType !== 'self') await answer(client, '/request/alive', { alive: a.alive ?? 'yes' })
  await answer(client, '/request/rights', { rights: a.rights })
  await answer(client, '/request/name', { subjectName: a.subjectName, subjectOtherNames: '' })
  const [day, month, year] = a.dob
  await answer(client, '/request/date-of-birth', { 'dob-day': day, 'dob-month': month, 'dob-year': year })
  if (a.representative) await answer(client, '/request/your-details', { organisation: '', ...a.representative })
  await answer(client, '/request/contact', a.contact)
  await answer(client, '/request/response-format', { responseFormat: a.responseFormat })
  for (const right of a.rights) await answer(client, `/request/details/${right}`, a.details[right] ?? {})
  const last = await answer(client, '/request/evidence', { evidenceMethod: a.evidenceMethod })
  return client.follow(last)
}

/** Sends the request from check your answers and returns the confirmation page. */
export async function send(client: PortalClient): Promise<Page> {
  await client.get('/request/check')
  const sent = await client.post('/request/check', {})
  expect(sent.status, errorSummary(sent).join('; ')).toBe(303)
  expect(sent.location).toBe('/request/confirmation')
  return client.get('/request/confirmation')
}

export function references(page: Page): string[] {
  return page.body.match(/[A-Z]+-\d{4}-\d{5}/g)?.filter((r, i, all) => all.indexOf(r) === i) ?? []
}
