import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addMonthsClamped, rollForwardToWorkingDay } from '../src/domain/index.js'
import type { CaseState } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { SELF_ACCESS, answer, answerAll, references, send, type JourneyAnswers } from './support/portal-journeys.js'

// Staff casework is built alongside this portal; while its files are mid-change the portal tests still run.
vi.mock('../src/web/staff/index.js', async (importOriginal) => {
  try {
    return await importOriginal()
  } catch {
    return { registerStaff: async () => undefined }
  }
})

let h: Harness
const emails: { queue: string; data: Record<string, unknown> }[] = []

beforeAll(async () => {
  h = await startHarness({
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        emails.push({ queue, data: data as Record<string, unknown> })
      },
    }),
  })
  h.setNow('2026-07-06T09:30:00Z')
})
afterAll(async () => {
  await h?.close()
})

async function caseByReference(reference: string): Promise<CaseState> {
  const r = await h.db.pool.query<{ state: CaseState }>('SELECT state FROM cases WHERE reference = $1', [reference])
  const state = r.rows[0]?.state
  if (!state) throw new Error(`no case ${reference}`)
  return state
}

async function caseCount(): Promise<number> {
  return (await h.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0]?.n ?? 0
}

describe('make a request: whole journeys', () => {
  it('someone asking for their own information, sending ID by post: one case, waiting for ID, acknowledged by email', async () => {
    const client = new PortalClient(h.app)
    const before = emails.length
    const check = await answerAll(client, SELF_ACCESS)
    expect(check.$('h1').text()).toContain('Check your answers')
    // Every answer has a Change link back to its page.
    const changeLinks = check
      .$('.govuk-summary-list__actions a')
      .map((_, a) => check.$(a).attr('href'))
      .get()
    expect(changeLinks).toEqual(
      expect.arrayContaining(['/request/organisation?change=1', '/request/details/access?change=1']),
    )
    expect(check.$('a[href="/privacy/northshire-opcc"]').length).toBe(1)

    const confirmation = await send(client)
    const [reference] = references(confirmation)
    expect(confirmation.$('.govuk-panel').text()).toContain(reference)
    expect(confirmation.body).toContain(
      'We will reply within one month of receiving everything we need to check identity',
    )
    expect(confirmation.body).toContain('PO Box 100')

    const state = await caseByReference(reference ?? '')
    expect(state).toMatchObject({
      caseType: 'rights-request',
      right: 'access',
      channel: 'portal',
      status: 'awaiting-identity',
    })
    expect(state.subject).toMatchObject({
      name: 'Jane Quinn',
      email: 'jane.quinn@mail.example',
      dateOfBirth: '1985-03-14',
    })
    expect(state.request.preferredFormat).toBe('email')
    expect(state.acknowledgedOn).toBe('2026-07-06')
    const ack = emails.slice(before).find((e) => e.queue === 'email-send')
    expect(ack?.data.to).toEqual(['jane.quinn@mail.example'])
    expect(String(ack?.data.subject)).toContain(reference)
    expect(String(ack?.data.text)).toContain('/follow')
  })

  it('several rights make linked cases, each with its own reference and clock', async () => {
    const client = new PortalClient(h.app)
    const answers: JourneyAnswers = {
      ...SELF_ACCESS,
      rights: ['access', 'rectification', 'erasure'],
      details: {
        access: { dataWanted: 'Everything' },
        rectification: { inaccurateData: 'My address', correction: '2 New Street' },
        erasure: { dataToErase: 'Old referral', grounds: 'No longer needed' },
      },
      reasons: 'The address is out of date and the referral was closed',
    }
    await answerAll(client, answers)
    const refs = references(await send(client))
    expect(refs).toHaveLength(3)
    const states = await Promise.all(refs.map(caseByReference))
    expect(states.map((s) => s.right).sort()).toEqual(['access', 'erasure', 'rectification'])
    for (const s of states) {
      const others = states.filter((o) => o.id !== s.id).map((o) => o.id)
      expect(
        s.links
          .filter((l) => l.relation === 'related')
          .map((l) => l.caseId)
          .sort(),
      ).toEqual(others.sort())
    }
    const erasure = states.find((s) => s.right === 'erasure')
    expect(erasure?.request.details).toMatchObject({ dataToErase: 'Old referral', grounds: 'No longer needed' })
  })

  it('a force request for portability is logged under the UK GDPR (Part 3 has no portability)', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, {
      ...SELF_ACCESS,
      controllerId: 'northshire-police',
      rights: ['access', 'portability'],
      details: {
        access: { dataWanted: 'Crime report' },
        portability: { dataProvided: 'Online form', destination: 'Me' },
      },
      reasons: 'Moving it',
    })
    const states = await Promise.all(references(await send(client)).map(caseByReference))
    expect(states.find((s) => s.right === 'access')?.route).toBe('DPA_PART3')
    expect(states.find((s) => s.right === 'portability')?.route).toBe('UK_GDPR')
  })

  it('a person acting for someone who has died is shown the Freedom of Information route and can go no further', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-police' })
    await answer(client, '/request/who-is-asking', { requesterType: 'representative-of-person-12-plus' })
    const sent = await answer(client, '/request/alive', { alive: 'no' })
    expect(sent.location).toBe('/request/deceased')
    const page = await client.get('/request/deceased')
    expect(page.$('h1').text()).toContain('different kind of request')
    expect(page.body).toContain('Freedom of Information Act 2000')
    expect(page.body).toContain('information.rights@police.northshire.example')
    for (const later of ['/request/rights', '/request/check', '/request/contact']) {
      expect((await client.get(later)).location).toBe('/request/deceased')
    }
  })
})

describe('make a request: one question per page, in order, answers kept', () => {
  it('refuses pages reached out of order, sending people to the first unanswered one', async () => {
    const client = new PortalClient(h.app)
    expect((await client.get('/request')).location).toBe('/request/organisation')
    expect((await client.get('/request/contact')).location).toBe('/request/organisation')
    expect((await client.get('/request/check')).location).toBe('/request/organisation')
    expect((await client.get('/request/details/erasure')).location).toBe('/request/organisation')
    expect((await client.get('/request/confirmation')).location).toBe('/request')
    await client.get('/request/organisation')
    expect((await client.post('/request/contact', { email: 'a@b.example' })).location).toBe('/request/organisation')
    expect((await client.post('/request/check', {})).location).toBe('/request/organisation')
    expect((await client.get('/request/details/not-a-right')).location).toBe('/request/organisation')
    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'self' })
    // Someone asking for themselves is never asked whether they are alive, nor about a representative.
    expect((await client.get('/request/alive')).location).toBe('/request/rights')
    expect((await client.get('/request/your-details')).location).toBe('/request/rights')
  })

  it('shows GOV.UK errors with the input kept, and the page title starts with "Error:"', async () => {
    const client = new PortalClient(h.app)
    await client.get('/request/organisation')
    const empty = await client.post('/request/organisation', {})
    expect(empty.status).toBe(200)
    expect(empty.$('title').text()).toMatch(/^Error: /)
    expect(errorSummary(empty)).toEqual(['Select the organisation you want to ask'])
    expect(empty.$('.govuk-error-summary__list a').attr('href')).toBe('#controllerId')
    expect(empty.$('#controllerId').length).toBe(1)
    expect(empty.$('.govuk-error-message').text()).toContain('Select the organisation')

    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'self' })
    await answer(client, '/request/rights', { rights: ['access'] })
    await answer(client, '/request/name', { subjectName: 'Jo Bloggs' })
    const badDate = await client.post('/request/date-of-birth', {
      'dob-day': '31',
      'dob-month': '2',
      'dob-year': '1990',
    })
    expect(errorSummary(badDate)).toEqual(['Date of birth must be a real date'])
    expect(badDate.$('#dob-day').val()).toBe('31')
    const noMonth = await client.post('/request/date-of-birth', { 'dob-day': '3', 'dob-month': '', 'dob-year': '1990' })
    expect(errorSummary(noMonth)).toEqual(['Date of birth must include a month'])
    await answer(client, '/request/date-of-birth', { 'dob-day': '3', 'dob-month': '4', 'dob-year': '1990' })
    const badContact = await client.post('/request/contact', { email: 'not-an-email', line1: '1 High St' })
    expect(errorSummary(badContact)).toEqual([
      'Enter an email address in the correct format, like name@example.com',
      'Enter town or city',
      'Enter postcode',
    ])
    expect(badContact.$('#email').val()).toBe('not-an-email')
    expect(badContact.$('#line1').val()).toBe('1 High St')
    const nothing = await client.post('/request/contact', {})
    expect(errorSummary(nothing)).toEqual(['Enter an email address or a postal address'])
  })

  it('keeps answers when going back, and a Change link returns to check answers', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, SELF_ACCESS)
    const name = await client.get('/request/name')
    expect(name.$('#subjectName').val()).toBe('Jane Quinn')
    expect(name.$('.govuk-back-link').attr('href')).toBe('/request/rights')
    const rights = await client.get('/request/rights')
    expect(rights.$('input[value="access"]').attr('checked')).toBeDefined()

    const changing = await client.get('/request/name?change=1')
    expect(changing.$('.govuk-back-link').attr('href')).toBe('/request/check')
    expect(changing.$('main form').attr('action')).toBe('/request/name?change=1')
    const changed = await client.post('/request/name?change=1', { subjectName: 'Jane Q. Quinn' })
    expect(changed.location).toBe('/request/check')
    expect((await client.get('/request/check')).body).toContain('Jane Q. Quinn')

    // Adding a right from check answers asks that right's questions before coming back.
    await client.get('/request/rights?change=1')
    const added = await client.post('/request/rights?change=1', { rights: ['access', 'restriction'] })
    expect(added.location).toBe('/request/details/restriction?change=1')
  })

  it('checks a child’s date of birth against "under 12" (seed 002)', async () => {
    const client = new PortalClient(h.app)
    await answer(client, '/request/organisation', { controllerId: 'northshire-opcc' })
    await answer(client, '/request/who-is-asking', { requesterType: 'parent-of-child-under-12' })
    await answer(client, '/request/alive', { alive: 'yes' })
    await answer(client, '/request/rights', { rights: ['access'] })
    const name = await client.get('/request/name')
    expect(name.$('h1').text()).toContain('child')
    await answer(client, '/request/name', { subjectName: 'Sam Quinn' })
    const tooOld = await client.post('/request/date-of-birth', { 'dob-day': '1', 'dob-month': '1', 'dob-year': '2010' })
    expect(errorSummary(tooOld)[0]).toContain('The child is 12 or over')
    await answer(client, '/request/date-of-birth', { 'dob-day': '1', 'dob-month': '1', 'dob-year': '2018' })
  })

  it('refuses a form without its CSRF token, or with a wrong one, and saves nothing', async () => {
    const client = new PortalClient(h.app)
    await client.get('/request/organisation')
    const missing = await client.post('/request/organisation', { controllerId: 'northshire-opcc' }, { csrf: null })
    expect(missing.status).toBe(403)
    expect(missing.$('h1').text()).toContain('could not complete')
    const wrong = await client.post('/request/organisation', { controllerId: 'northshire-opcc' }, { csrf: 'forged' })
    expect(wrong.status).toBe(403)
    expect((await client.get('/request/who-is-asking')).location).toBe('/request/organisation')
  })

  it('sending twice (double click, or Back then send) creates the cases once', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, SELF_ACCESS)
    const before = await caseCount()
    await client.get('/request/check')
    const first = await client.post('/request/check', {})
    const again = await client.post('/request/check', {})
    expect(first.location).toBe('/request/confirmation')
    expect(again.location).toBe('/request/confirmation')
    expect(await caseCount()).toBe(before + 1)
  })
})

describe('make a request: confirmation dates', () => {
  it('with every document uploaded, the date is one month from today by the statutory clock', async () => {
    const { pdfBytes } = await import('../src/application/portal/upload-fixtures.js')
    const client = new PortalClient(h.app)
    await answerAll(client, { ...SELF_ACCESS, evidenceMethod: 'upload' })
    const pdf = { field: 'file', contentType: 'application/pdf', bytes: await pdfBytes() }
    await client.get('/request/upload')
    for (const [documentType, filename] of [
      ['passport', 'passport.pdf'],
      ['utility-bill', 'bill.pdf'],
    ]) {
      const up = await client.postMultipart(
        '/request/upload',
        { party: 'subject', 'documentType-subject': documentType ?? '' },
        { ...pdf, filename: filename ?? '' },
      )
      expect(up.status, errorSummary(up).join()).toBe(303)
    }
    const next = await client.post('/request/upload/continue', {})
    expect(next.location).toBe('/request/check')
    const confirmation = await send(client)
    const due = rollForwardToWorkingDay(addMonthsClamped('2026-07-06', 1), h.deps.calendar)
    expect(due).toBe('2026-08-06')
    expect(confirmation.body).toContain('we will reply by 6 August 2026')
    const state = await caseByReference(references(confirmation)[0] ?? '')
    expect(state.status).toBe('received')
    const docs = await h.db.pool.query('SELECT kind, filename FROM documents WHERE case_id = $1 ORDER BY filename', [
      state.id,
    ])
    expect(docs.rows).toEqual([
      { kind: 'identity', filename: 'bill.pdf' },
      { kind: 'identity', filename: 'passport.pdf' },
    ])
  })
})
