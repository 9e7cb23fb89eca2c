import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { SELF_ACCESS, answer, answerAll, references, send } from './support/portal-journeys.js'

// Staff casework is built alongside this portal; while its files are mid-change the portal tests still run.
vi.mock('../src/web/staff/index.js', async (importOriginal) => {
  try {
    return await importOriginal()
  } catch {
    return { registerStaff: async () => undefined }
  }
})

let h: Harness
const mails: { to: string[]; subject: string; text: string }[] = []

beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        if (queue === 'email-send') mails.push(data as (typeof mails)[number])
      },
    }),
  })
  h.setNow('2026-07-06T09:30:00Z')
})
afterAll(async () => {
  await h?.close()
})

async function caseOf(reference: string): Promise<CaseState> {
  return (await h.db.pool.query('SELECT state FROM cases WHERE reference = $1', [reference])).rows[0].state
}

describe('question pages that fit who is asking', () => {
  it('a parent reads "your child’s information", never "your information", and is asked what and why only once', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'parent-of-child-under-12' })
    await answer(client, '/request/alive', { alive: 'yes' })
    const rights = await client.get('/request/rights')
    const labels = rights.$('.govuk-checkboxes__label').text()
    expect(labels).toContain('Get a copy of your child’s information')
    expect(labels).not.toMatch(/your information/)
    await answer(client, '/request/rights', { rights: ['erasure'] })
    await answer(client, '/request/name', { subjectName: 'Sam Quinn' })
    // GOV.UK date guidance: a month may be typed as a word.
    await answer(client, '/request/date-of-birth', { 'dob-day': '3', 'dob-month': 'Jan', 'dob-year': '2018' })
    await answer(client, '/request/your-details', { repName: 'Jo Quinn', relationship: 'Mother' })
    await answer(client, '/request/contact', { ...SELF_ACCESS.contact, email: 'jo.quinn@mail.example' })
    const after = await answer(client, '/request/response-format', { responseFormat: 'email' })
    // Straight to the right's own page: no "What is this about?" first, no "Why are you making this request?" after.
    expect(after.location).toBe('/request/details/erasure')
    const details = await client.get('/request/details/erasure')
    expect(details.$('label').text()).toContain('Why should we do this?')
    const next = await answer(client, '/request/details/erasure', { dataToErase: 'A 2019 referral', grounds: 'Untrue' })
    expect(next.location).toBe('/request/evidence')
    expect((await client.get('/request/description')).status).toBe(404)
    expect((await client.get('/request/reasons')).status).toBe(404)
    await answer(client, '/request/evidence', { evidenceMethod: 'post' })
    const check = await client.get('/request/check')
    expect(check.$('main').text()).toContain('3 January 2018')
    const [reference] = references(await send(client))
    const state = await caseOf(reference ?? '')
    expect(state.subject.dateOfBirth).toBe('2018-01-03')
    expect(state.request).toMatchObject({ description: 'A 2019 referral', reasons: 'Untrue' })
  })

  it('accepts "January" and "Sept" and refuses a month that is not one', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'self' })
    await answer(client, '/request/rights', { rights: ['access'] })
    await answer(client, '/request/name', { subjectName: 'Jane Quinn' })
    const wrong = await client.post('/request/date-of-birth', {
      'dob-day': '1',
      'dob-month': 'Smarch',
      'dob-year': '1980',
    })
    expect(errorSummary(wrong)[0]).toContain('real date')
    await answer(client, '/request/date-of-birth', { 'dob-day': '1', 'dob-month': 'Sept', 'dob-year': '1980' })
    await answer(client, '/request/date-of-birth?change=1', {
      'dob-day': '1',
      'dob-month': 'January',
      'dob-year': '1980',
    })
  })

  it('a solicitor gives their own reference and SRA number, which the case keeps; a malformed SRA number is refused', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-police' })
    await answer(client, '/request/who-is-asking', { requesterType: 'solicitor-or-agent' })
    await answer(client, '/request/alive', { alive: 'yes' })
    await answer(client, '/request/rights', { rights: ['access'] })
    await answer(client, '/request/name', { subjectName: 'Chris Doyle' })
    await answer(client, '/request/date-of-birth', { 'dob-day': '9', 'dob-month': '9', 'dob-year': '1979' })
    const page = await client.get('/request/your-details')
    expect(page.$('#ownReference').length).toBe(1)
    expect(page.$('#sraNumber').length).toBe(1)
    const fields = { repName: 'Kim Lee', relationship: 'Solicitor', organisation: 'Lee & Co', ownReference: 'KL/DOY/7' }
    const bad = await client.post('/request/your-details', { ...fields, sraNumber: 'SRA-12' })
    expect(errorSummary(bad)).toEqual(['Enter an SRA number using numbers only, like 612345'])
    await answer(client, '/request/your-details', { ...fields, sraNumber: '612 345' })
    await answer(client, '/request/contact', { ...SELF_ACCESS.contact, email: 'kim@leeandco.example' })
    await answer(client, '/request/response-format', { responseFormat: 'portal' })
    await answer(client, '/request/details/access', { dataWanted: 'Custody record, 3 May 2026' })
    await answer(client, '/request/evidence', { evidenceMethod: 'post' })
    const check = await client.get('/request/check')
    expect(check.$('main').text()).toContain('KL/DOY/7')
    const [reference] = references(await send(client))
    const state = await caseOf(reference ?? '')
    expect(state.representative).toMatchObject({
      organisation: 'Lee & Co',
      ownReference: 'KL/DOY/7',
      sraNumber: '612345',
    })
  })

  it('offers "By post" only when a postal address was given', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, SELF_ACCESS)
    const emailOnly = await client.get('/request/response-format?change=1')
    const offered = emailOnly
      .$('input[name="responseFormat"]')
      .map((_, i) => emailOnly.$(i).attr('value'))
      .get()
    expect(offered).toEqual(['email', 'portal'])
    const refused = await client.post('/request/response-format?change=1', { responseFormat: 'post' })
    expect(errorSummary(refused)).toEqual(['Select how you want to get our reply'])
    const postOnly = { email: '', phone: '', line1: '9 Mill Lane', line2: '', town: 'Northtown', postcode: 'NT3 3CC' }
    await answer(client, '/request/contact?change=1', postOnly)
    const page = await client.get('/request/response-format?change=1')
    expect(
      page
        .$('input[name="responseFormat"]')
        .map((_, i) => page.$(i).attr('value'))
        .get(),
    ).toEqual(['post'])
  })
})

describe('proportionate identity (ICO right of access guidance)', () => {
  it('lists today’s documents (eVisa, no biometric residence permit) and only a child’s documents for a child', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'parent-of-child-under-12' })
    await answer(client, '/request/alive', { alive: 'yes' })
    await answer(client, '/request/rights', { rights: ['access'] })
    await answer(client, '/request/name', { subjectName: 'Sam Quinn' })
    await answer(client, '/request/date-of-birth', { 'dob-day': '3', 'dob-month': '1', 'dob-year': '2018' })
    await answer(client, '/request/your-details', { repName: 'Jo Quinn', relationship: 'Mother' })
    await answer(client, '/request/contact', { ...SELF_ACCESS.contact, email: 'jo.quinn@mail.example' })
    await answer(client, '/request/response-format', { responseFormat: 'email' })
    await answer(client, '/request/details/access', { dataWanted: 'The report about the school incident' })
    const page = await client.get('/request/evidence')
    const main = page.$('main').text()
    expect(main).not.toContain('Biometric residence permit')
    expect(main).toContain('eVisa')
    const childList = page.$('h2:contains("Documents that prove who Sam Quinn is")').nextUntil('h2').text()
    expect(childList).toContain('Birth certificate')
    expect(childList).not.toMatch(/Utility bill|Council tax|Bank/)
    expect(childList).toContain('proves who they are too')
  })

  it('someone with none of the listed documents says what they can send; the case and the email tell the truth', async () => {
    const client = new PortalClient(h.app)
    const answers = { ...SELF_ACCESS, contact: { ...SELF_ACCESS.contact, email: 'no.id@mail.example' } }
    await answerAll(client, answers)
    await answer(client, '/request/evidence?change=1', { evidenceMethod: 'none' })
    const empty = await client.post('/request/no-documents', {})
    expect(errorSummary(empty)).toEqual(['Tell us what you can send instead, or how we could check who you are'])
    await answer(client, '/request/no-documents', { noDocuments: 'A letter from my support worker at the refuge' })
    const check = await client.get('/request/check')
    expect(check.$('main').text()).toContain('A letter from my support worker at the refuge')
    const [reference] = references(await send(client))
    const state = await caseOf(reference ?? '')
    expect(state.status).toBe('awaiting-identity')
    const events = await h.db.pool.query(
      `SELECT payload FROM audit_events WHERE case_id = $1 AND event_type = 'IdentityRequested'`,
      [state.id],
    )
    const rationale = String(events.rows[0]?.payload.rationale)
    expect(rationale).toContain('none of the listed identity documents')
    expect(rationale).toContain('support worker')
    expect(rationale).not.toMatch(/not sent/)
    const ack = mails.find((m) => m.to.includes('no.id@mail.example'))
    expect(ack?.text).toContain('We still need:')
    expect(ack?.text).toContain('2 more identity documents for the person the information is about')
    expect(ack?.text).toContain('/follow')
    expect(ack?.text).toContain('PO Box 100')
    expect(ack?.text).toContain('starts on the day we receive the last of these')
  })
})

describe('complaint references and feedback', () => {
  it('refuses a complaint reference in the wrong format and keeps a right one in capitals', async () => {
    const client = new PortalClient(h.app)
    await client.get('/complain')
    const fields = {
      controllerId: 'northshire-opcc',
      complaint: 'No reply.',
      name: 'Pat Lee',
      email: 'pat@mail.example',
    }
    const bad = await client.post('/complain', { ...fields, reference: 'XX-123' })
    expect(errorSummary(bad)).toEqual(['Enter a reference number in the correct format, like OPCC-2026-00012'])
    const sent = await client.post('/complain', { ...fields, reference: ' opcc-2026-00012 ' })
    expect(sent.location).toBe('/complain/sent')
    const page = await client.get('/complain/sent')
    expect(page.$('a[href^="/feedback?from=complaint"]').length).toBe(1)
    const state = await caseOf(references(page)[0] ?? '')
    expect(state.request.details).toEqual({ referenceGiven: 'OPCC-2026-00012' })
  })

  it('ends a request with a link to the feedback page, which keeps an anonymous answer', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, SELF_ACCESS)
    const confirmation = await send(client)
    const link = confirmation.$('main a[href^="/feedback?"]').attr('href') ?? ''
    expect(link).toBe('/feedback?from=request&org=northshire-opcc')
    await client.get(link)
    const empty = await client.post('/feedback', { from: 'request', org: 'northshire-opcc' })
    expect(errorSummary(empty)).toEqual(['Select how you felt about the service'])
    const sent = await client.post('/feedback', {
      from: 'request',
      org: 'northshire-opcc',
      satisfaction: 'satisfied',
      improvement: 'Say sooner what ID I need.',
    })
    expect(sent.location).toBe('/feedback/sent')
    const rows = await h.db.pool.query('SELECT controller_id, journey, satisfaction, improvement FROM portal_feedback')
    expect(rows.rows).toEqual([
      {
        controller_id: 'northshire-opcc',
        journey: 'request',
        satisfaction: 'satisfied',
        improvement: 'Say sooner what ID I need.',
      },
    ])
  })
})
