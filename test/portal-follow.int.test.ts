import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { publicActor } from '../src/application/portal/intake-support.js'
import { requestAccessCode } from '../src/application/portal/request-access-code.js'
import { verifyAccessCode } from '../src/application/portal/verify-access-code.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { addWorkingDays, localDateInLondon } from '../src/domain/index.js'
import type { CaseState } from '../src/domain/index.js'
import { withTransaction } from '../src/persistence/db.js'
import { markReleased } from '../src/persistence/repositories/document-repository.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { SELF_ACCESS, answerAll, references, send } from './support/portal-journeys.js'

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
const NOW = Date.parse('2026-07-06T09:30:00Z')
let now = NOW

beforeAll(async () => {
  h = await startHarness({
    now: () => new Date(now),
    jobs: async () => ({
      enqueue: async (_tx, queue, data) => {
        if (queue === 'email-send') mails.push(data as (typeof mails)[number])
      },
    }),
  })
})
afterAll(async () => {
  await h?.close()
})

function lastCode(email: string): string | undefined {
  const mail = [...mails].reverse().find((m) => m.to.includes(email) && m.subject.includes('code'))
  return mail?.text.match(/^\d{6}$/m)?.[0]
}

async function newRequest(email: string): Promise<string> {
  const client = new PortalClient(h.app)
  await answerAll(client, { ...SELF_ACCESS, contact: { ...SELF_ACCESS.contact, email } })
  return references(await send(client))[0] ?? ''
}

async function caseOf(reference: string): Promise<CaseState> {
  return (await h.db.pool.query('SELECT state FROM cases WHERE reference = $1', [reference])).rows[0].state
}

async function askForCode(client: PortalClient, reference: string, email: string) {
  await client.get('/follow')
  return client.post('/follow', { reference, email })
}

async function signIn(client: PortalClient, reference: string, email: string) {
  await askForCode(client, reference, email)
  await client.get('/follow/code')
  const page = await client.post('/follow/code', { code: lastCode(email) ?? '' })
  expect(page.location, errorSummary(page).join()).toBe('/follow/case')
  return client.get('/follow/case')
}

describe('following a request with a one-time code', () => {
  it('emails a code to the address on the case, and the code opens the case page', async () => {
    const email = 'follow.one@mail.example'
    const reference = await newRequest(email)
    const client = new PortalClient(h.app)
    const asked = await askForCode(client, reference.toLowerCase(), email.toUpperCase())
    expect(asked.location).toBe('/follow/code')
    const codePage = await client.get('/follow/code')
    expect(codePage.body).toContain(`we have sent a code to ${email.toUpperCase()}`)
    expect(lastCode(email)).toMatch(/^\d{6}$/)
    const wrong = await client.post('/follow/code', { code: lastCode(email) === '000000' ? '111111' : '000000' })
    expect(errorSummary(wrong)).toEqual([
      'The code is not right, or it has run out. Check the email, or ask for a new code',
    ])
    const sessionBefore = client['cookies'].get('rd_session')
    const right = await client.post('/follow/code', { code: (lastCode(email) ?? '').replace(/(\d{3})/, '$1 ') })
    expect(right.location).toBe('/follow/case')
    expect(client['cookies'].get('rd_session')).not.toBe(sessionBefore)
    const page = await client.get('/follow/case')
    expect(page.$('h1').text()).toBe(reference)
    expect(page.body).toContain('Waiting for proof of identity')
    expect(page.body).toContain('We will set a date when we have what we need from you')
    expect(page.body).toContain('Copies of documents that prove who you are')
  })

  it('answers the same whether or not the reference exists, and emails nobody when it does not', async () => {
    const known = await newRequest('follow.known@mail.example')
    const sent = mails.length
    const a = new PortalClient(h.app)
    const b = new PortalClient(h.app)
    const realOne = await askForCode(a, known, 'someone.else@mail.example')
    const madeUp = await askForCode(b, 'OPCC-2026-99999', 'someone.else@mail.example')
    expect(realOne.location).toBe(madeUp.location)
    const pageA = await a.get('/follow/code')
    const pageB = await b.get('/follow/code')
    expect(pageA.$('main').text()).toBe(pageB.$('main').text())
    expect(mails.length).toBe(sent)
    const tryA = await a.post('/follow/code', { code: '123456' })
    const tryB = await b.post('/follow/code', { code: '123456' })
    expect(errorSummary(tryA)).toEqual(errorSummary(tryB))
  })

  it('refuses an expired code, a used code and a code after 5 wrong tries', async () => {
    const email = 'follow.expiry@mail.example'
    const reference = await newRequest(email)
    await requestAccessCode(h.deps, { reference, email, compose: () => ({ subject: 'code', text: 'x' }) })
    now = NOW + 16 * 60_000
    const code = () => mails.at(-1)?.text ?? ''
    expect(await verifyAccessCode(h.deps, { reference, email, code: '000000' })).toBeNull()
    const mk = (f: { code: string }) => ({ subject: 'code', text: f.code })
    await requestAccessCode(h.deps, { reference, email, compose: mk })
    const fresh = code()
    now += 16 * 60_000
    expect(await verifyAccessCode(h.deps, { reference, email, code: fresh })).toBeNull()

    await requestAccessCode(h.deps, { reference, email, compose: mk })
    const good = code()
    const caseId = await verifyAccessCode(h.deps, { reference, email, code: good })
    expect(caseId).toBe((await caseOf(reference)).id)
    expect(await verifyAccessCode(h.deps, { reference, email, code: good })).toBeNull()

    await requestAccessCode(h.deps, { reference, email, compose: mk })
    const patient = code()
    const wrong = patient === '999999' ? '999998' : '999999'
    for (let i = 0; i < 5; i++) expect(await verifyAccessCode(h.deps, { reference, email, code: wrong })).toBeNull()
    expect(await verifyAccessCode(h.deps, { reference, email, code: patient })).toBeNull()
    now = NOW
  })

  it('never lets a code for one case open another (no IDOR)', async () => {
    const a = await newRequest('follow.a@mail.example')
    const b = await newRequest('follow.b@mail.example')
    const mk = (f: { code: string }) => ({ subject: 'code', text: f.code })
    await requestAccessCode(h.deps, { reference: a, email: 'follow.a@mail.example', compose: mk })
    const codeForA = mails.at(-1)?.text ?? ''
    expect(await verifyAccessCode(h.deps, { reference: b, email: 'follow.b@mail.example', code: codeForA })).toBeNull()
    expect(await verifyAccessCode(h.deps, { reference: b, email: 'follow.a@mail.example', code: codeForA })).toBeNull()
  })

  it('rate-limits asking for codes from one address', async () => {
    const client = new PortalClient(h.app, '192.0.2.77')
    await client.get('/follow')
    const statuses: number[] = []
    for (let i = 0; i < 11; i++)
      statuses.push((await client.post('/follow', { reference: 'OPCC-2026-00001', email: 'x@mail.example' })).status)
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true)
    const limited = await client.post('/follow', { reference: 'OPCC-2026-00001', email: 'x@mail.example' })
    expect(limited.status).toBe(429)
    expect(limited.$('h1').text()).toContain('You have tried too many times')
  })

  it('keeps the case pages behind the code', async () => {
    const client = new PortalClient(h.app)
    expect((await client.get('/follow/case')).location).toBe('/follow')
    expect((await client.get('/follow/code')).location).toBe('/follow')
    expect((await client.get('/follow/case/reply')).location).toBe('/follow')
    expect((await client.get('/follow/case/appeal')).location).toBe('/follow')
    await client.get('/follow')
    const invalid = await client.post('/follow', { reference: 'not a reference', email: 'nope' })
    expect(errorSummary(invalid)).toEqual([
      'Enter a reference number in the correct format, like OPCC-2026-00012',
      'Enter an email address in the correct format, like name@example.com',
    ])
  })
})

describe('on the case page', () => {
  it('the requester sends a message and a document; the office is told', async () => {
    const email = 'follow.reply@mail.example'
    const reference = await newRequest(email)
    const client = new PortalClient(h.app)
    await signIn(client, reference, email)
    await client.get('/follow/case/reply')
    const empty = await client.postMultipart('/follow/case/reply', { message: '' }, null)
    expect(errorSummary(empty)).toEqual(['Enter a message or choose a document to upload'])
    const { pdfBytes } = await import('../src/application/portal/upload-fixtures.js')
    const noKind = await client.postMultipart(
      '/follow/case/reply',
      { message: 'Here' },
      { field: 'file', filename: 'id.pdf', contentType: 'application/pdf', bytes: await pdfBytes() },
    )
    expect(errorSummary(noKind)).toEqual(['Select what the document is'])
    expect(noKind.$('#message').text()).toBe('Here')
    const sent = await client.postMultipart(
      '/follow/case/reply',
      { message: 'My passport is attached.', fileKind: 'identity' },
      { field: 'file', filename: 'id.pdf', contentType: 'application/pdf', bytes: await pdfBytes() },
    )
    expect(sent.location).toBe('/follow/case?sent=1')
    const page = await client.get('/follow/case?sent=1')
    expect(page.$('.govuk-notification-banner').text()).toContain('Your message has been sent')
    expect(page.body).toContain('My passport is attached.')
    const state = await caseOf(reference)
    const msg = (await h.db.pool.query('SELECT * FROM case_messages WHERE case_id = $1', [state.id])).rows[0]
    expect(msg).toMatchObject({ direction: 'in', body: 'My passport is attached.' })
    const doc = (await h.db.pool.query('SELECT kind, filename FROM documents WHERE id = $1', [msg.document_ids[0]]))
      .rows[0]
    expect(doc).toEqual({ kind: 'identity', filename: 'id.pdf' })
    const notice = mails.find(
      (m) => m.to.includes('dataprotection@opcc.northshire.example') && m.subject.includes(reference),
    )
    expect(notice?.text).toContain(`/staff/cases/${state.id}`)
    expect(notice?.text).not.toContain('passport')
  })

  it('released files can be downloaded by their requester only; nothing unreleased, nothing of another case', async () => {
    const email = 'follow.files@mail.example'
    const reference = await newRequest(email)
    const other = await caseOf(await newRequest('follow.other@mail.example'))
    const mine = await caseOf(reference)
    const store = (caseId: string, filename: string) =>
      withTransaction(h.deps.pool, (tx) =>
        storeDocumentIn(tx, h.deps, publicActor('office'), {
          caseId,
          kind: 'response',
          filename,
          contentType: 'application/pdf',
          bytes: Buffer.from(`%PDF ${filename}`),
        }),
      )
    const released = await store(mine.id, 'Our reply.pdf')
    const draft = await store(mine.id, 'draft.pdf')
    const theirs = await store(other.id, 'theirs.pdf')
    await markReleased(h.deps.pool, [released.id, theirs.id], new Date())

    const client = new PortalClient(h.app)
    const page = await signIn(client, reference, email)
    expect(page.$(`a[href="/follow/case/documents/${released.id}"]`).text()).toBe('Our reply.pdf')
    expect(page.body).not.toContain('draft.pdf')
    const download = await client.get(`/follow/case/documents/${released.id}`)
    expect(download.status).toBe(200)
    expect(download.res.headers['content-disposition']).toContain('attachment; filename="Our reply.pdf"')
    expect(download.body).toBe('%PDF Our reply.pdf')
    expect((await client.get(`/follow/case/documents/${draft.id}`)).status).toBe(404)
    expect((await client.get(`/follow/case/documents/${theirs.id}`)).status).toBe(404)
    expect((await client.get('/follow/case/documents/not-a-uuid')).status).toBe(404)
  })

  it('after a decision, the requester asks for a review: a linked review case with a 20-working-day due date', async () => {
    const r = await h.db.pool.query<{ state: CaseState }>(
      "SELECT state FROM cases WHERE case_type = 'rights-request' AND status IN ('responded', 'closed') ORDER BY reference",
    )
    const parent = r.rows
      .map((x) => x.state)
      .find((s) => !s.links.some((l) => l.relation === 'review') && s.subject.email)
    if (!parent?.subject.email) throw new Error('the demo data has no decided case to appeal')
    const client = new PortalClient(h.app)
    const page = await signIn(client, parent.reference, parent.subject.email)
    expect(page.$('a[href="/follow/case/appeal"]').length).toBe(1)
    await client.get('/follow/case/appeal')
    const empty = await client.postMultipart('/follow/case/appeal', { reasons: '' }, null)
    expect(errorSummary(empty)).toEqual(['Tell us why you disagree with our decision'])
    const sent = await client.postMultipart(
      '/follow/case/appeal',
      { reasons: 'You missed the emails from March.' },
      null,
    )
    expect(sent.location).toBe('/follow/case/appeal/sent')
    const confirmation = await client.get('/follow/case/appeal/sent')
    const reviewRef = references(confirmation).find((x) => x !== parent.reference) ?? ''
    const review = await caseOf(reviewRef)
    expect(review).toMatchObject({ caseType: 'review', parentCaseId: parent.id, channel: 'portal' })
    const due = addWorkingDays(review.receivedOn, 20, h.deps.calendar)
    expect((await h.db.pool.query('SELECT due_on FROM cases WHERE id = $1', [review.id])).rows[0].due_on).toBe(due)
    expect(confirmation.body).toContain('We will tell you the outcome by')
    const updated = await caseOf(parent.reference)
    expect(updated.links).toContainEqual({ caseId: review.id, relation: 'review' })
    const after = await client.get('/follow/case')
    expect(after.$('a[href="/follow/case/appeal"]').length).toBe(0)
    expect(after.body).toContain(`Its reference number is ${reviewRef}`)
    expect((await client.get('/follow/case/appeal')).location).toBe('/follow/case')
  })

  it('a complaint made while following a case is linked to it; signing out ends access', async () => {
    const email = 'follow.complain@mail.example'
    const reference = await newRequest(email)
    const client = new PortalClient(h.app)
    await signIn(client, reference, email)
    const form = await client.get('/complain')
    expect(form.body).toContain(`About request ${reference}`)
    const sent = await client.post('/complain', {
      complaint: 'Nobody replied to my letters.',
      name: 'Jane Quinn',
      email,
    })
    expect(sent.location, errorSummary(sent).join()).toBe('/complain/sent')
    const complaintRef = references(await client.get('/complain/sent')).find((x) => x !== reference) ?? ''
    const complaint = await caseOf(complaintRef)
    const parent = await caseOf(reference)
    expect(complaint).toMatchObject({ caseType: 'complaint', parentCaseId: parent.id })
    expect(parent.links).toContainEqual({ caseId: complaint.id, relation: 'complaint' })
    await client.get('/follow/case')
    const out = await client.post('/follow/sign-out', {})
    expect(out.location).toBe('/follow/signed-out')
    expect((await client.get('/follow/case')).location).toBe('/follow')
    expect(localDateInLondon(new Date(now))).toBe('2026-07-06')
  })
})
