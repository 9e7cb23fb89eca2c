import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../src/application/actor.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { updateSettings } from '../src/application/staff/update-settings.js'
import { demoEmail } from '../src/cli/demo/demo-controllers.js'
import { addDays, localDateInLondon } from '../src/domain/index.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { opensWithPassword } from '../src/notifications/pdf-encrypt.js'
import { verifyAuditChain } from '../src/persistence/audit-verify.js'
import { withTransaction } from '../src/persistence/db.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { act, dateFields, doAction, samplePdf } from './support/casework-steps.js'
import { startSmtpCapture } from './support/smtp-capture.js'

let h: Harness
let jobs: Jobs
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>
const REQUESTER = 'robin.rivers@mail.example'

beforeAll(async () => {
  smtp = await startSmtpCapture()
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: 'Rightsdesk <no-reply@test.example>',
    outboxDir: path.join(h.blobDir, 'x'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
  await updateSettings(h.deps, SYSTEM_ACTOR, {
    copyList: [
      { name: 'Helen Ashworth', role: 'Chief Executive', email: demoEmail('chief-executive') },
      { name: 'Grace Liu', role: 'Head of Standards and Regulation', email: demoEmail('copy-recipient') },
      { name: 'Comms', role: 'Communications Manager', email: 'comms@opcc.test.example' },
    ],
  })
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
  await smtp?.close()
})

const today = () => localDateInLondon(h.deps.clock.now())
const caseIdFrom = (location: unknown) => /\/staff\/cases\/([0-9a-f-]{36})/.exec(String(location))![1]!

describe('a subject access request from logging to the appeal decision, through the staff pages', () => {
  let caseId = ''
  let reference = ''
  const corr = () => new StaffClient(h.app).signInAs('correspondence')
  const dp = () => new StaffClient(h.app).signInAs('dp-manager')

  it('Correspondence logs an emailed request with the original attached; the copy list is told', async () => {
    const c = await corr()
    await c.get('/staff/cases/new')
    const res = await c.postMultipart(
      '/staff/cases/new',
      {
        controllerId: 'northshire-opcc',
        channel: 'email',
        ...dateFields('receivedOn', today()),
        right: 'access',
        route: 'UK_GDPR',
        subjectName: 'Robin Rivers',
        subjectEmail: REQUESTER,
        requesterType: 'self',
        description: 'All emails about my complaint to the Commissioner',
      },
      [
        {
          field: 'original',
          filename: 'request-email.pdf',
          content: await samplePdf('Please send me my data'),
          type: 'application/pdf',
        },
      ],
    )
    expect(res.statusCode, c.$(res)('.govuk-error-summary').text()).toBe(303)
    caseId = caseIdFrom(res.headers.location)
    const page = await c.get(`/staff/cases/${caseId}`)
    reference = c.$(page)('.govuk-caption-l').first().text().split(' ')[0]!
    expect(reference).toMatch(/^OPCC-\d{4}-\d{5}$/)
    expect(page.body).toContain('request-email.pdf')
    const copy = await smtp.waitFor((m) => m.subject.includes(reference) && m.to.includes(demoEmail('copy-recipient')))
    expect(copy.to).toEqual(expect.arrayContaining([demoEmail('chief-executive'), 'comms@opcc.test.example']))
    expect(copy.text).not.toContain('Robin Rivers')
  })

  it('acknowledges (letter checked, then emailed with its PDF) and asks for proof of identity', async () => {
    const c = await corr()
    await act(c, caseId, 'acknowledge')
    const ack = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && m.subject.startsWith('We have received your request'),
    )
    expect(ack.text).toContain(`http://rightsdesk.test/privacy/northshire-opcc`)
    expect(ack.attachments[0]?.contentType).toBe('application/pdf')
    await act(c, caseId, 'request-identity')
    const idMail = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && m.subject.startsWith('We need proof of identity'),
    )
    expect(idMail.text).toContain('We do not keep copies of identity documents')
  })

  it('verifies identity from the documents seen; the uploaded copies are deleted and the timeline says so', async () => {
    const doc = await withTransaction(h.db.pool, (tx) =>
      storeDocumentIn(tx, h.deps, SYSTEM_ACTOR, {
        caseId,
        kind: 'identity',
        filename: 'passport-scan.png',
        contentType: 'image/png',
        bytes: Buffer.from('not really a png'),
      }),
    )
    const c = await dp()
    await act(c, caseId, 'verify-identity', {
      subjectDocuments: ['passport', 'utility-bill'],
      ...dateFields('receivedOn', today()),
      ...dateFields('verifiedOn', today()),
    })
    const row = await h.db.pool.query('SELECT storage_key, purged_at FROM documents WHERE id = $1', [doc.id])
    expect(row.rows[0]).toMatchObject({ storage_key: null })
    expect(row.rows[0].purged_at).not.toBeNull()
    const page = await c.get(`/staff/cases/${caseId}`)
    const timeline = c.$(page)('.moj-timeline').text()
    expect(timeline).toContain('1 identity document copy deleted for good')
    expect(timeline).toContain('Identity verified: valid passport, utility bill')
  })

  it('sends a search task to staff, who answer it with the material they found', async () => {
    const c = await dp()
    // Identity arriving ended the wait, so the case is already in progress (no separate start).
    expect(
      c
        .$(await c.get(`/staff/cases/${caseId}`))('.govuk-tag')
        .first()
        .text(),
    ).toBe('In progress')
    const staffId = (await h.db.pool.query('SELECT id FROM users WHERE email = $1', [demoEmail('staff')])).rows[0]
      .id as string
    await c.get(`/staff/cases/${caseId}/tasks/new`)
    const created = await c.post(`/staff/cases/${caseId}/tasks/new`, {
      assigneeId: staffId,
      ...dateFields('dueOn', addDays(today(), 3)),
      identifiers: 'Robin Rivers\nrobin.rivers@mail.example',
      scope: ['live', 'closed', 'archived', 'email'],
      instructions: 'Emails about the complaint in March',
    })
    expect(created.statusCode, c.$(created)('.govuk-error-summary').text()).toBe(303)
    const taskMail = await smtp.waitFor((m) => m.to.includes(demoEmail('staff')) && m.subject.includes(reference))
    const taskUrl = /\/staff\/tasks\/[0-9a-f-]{36}/.exec(taskMail.text)![0]
    const s = await new StaffClient(h.app).signInAs('staff')
    expect((await s.get('/staff/tasks')).body).toContain(reference)
    expect((await s.get(`/staff/cases/${caseId}`)).statusCode).toBe(403)
    await s.get(taskUrl)
    const answered = await s.postMultipart(
      taskUrl,
      { found: 'yes', whereSearched: 'My inbox, the archive and the shared drive' },
      [
        {
          field: 'files',
          filename: 'emails-about-robin.pdf',
          content: await samplePdf('Email to Robin Rivers from J Smith'),
          type: 'application/pdf',
        },
      ],
    )
    expect(answered.statusCode, s.$(answered)('.govuk-error-summary').text()).toBe(303)
    await smtp.waitFor(
      (m) => m.to.includes(demoEmail('dp-manager')) && m.subject.startsWith(`Search task answered for ${reference}`),
    )
  })

  it('drafts, is returned by the reviewer, redrafts, and is approved by someone else', async () => {
    const c = await dp()
    // What a search returns goes out only once the DP manager marks it "disclose in full" (issue 10 release gate).
    const found = await h.db.pool.query(`SELECT id FROM documents WHERE case_id = $1 AND filename = $2`, [
      caseId,
      'emails-about-robin.pdf',
    ])
    const markUrl = `/staff/cases/${caseId}/documents/${found.rows[0].id}/disclose-in-full`
    await c.get(markUrl)
    const marked = await c.post(markUrl, {
      reason: 'Emails about Robin’s own complaint, found in the March inbox search',
      thirdParty: 'consent',
      thirdPartyDecision: 'J Smith agreed by email on 2 March to the emails being disclosed',
    })
    expect(marked.statusCode, c.$(marked)('.govuk-error-summary').text()).toBe(303)
    const start = await c.get(`/staff/cases/${caseId}/draft`)
    const material = c.$(start)('input[name="attachmentDocumentIds"]').first().attr('value')!
    const drafted = await c.post(`/staff/cases/${caseId}/draft`, {
      outcome: 'disclosed-in-part',
      exemptionCodes: 'S2P3_16_THIRD',
      attachmentDocumentIds: material,
    })
    expect(drafted.statusCode, c.$(drafted)('.govuk-error-summary').text()).toBe(303)
    const letterPage = await c.get(String(drafted.headers.location))
    const body = String(c.$(letterPage)('#body').text())
    expect(body).toContain('Information about other people')
    expect(body).toContain('judicial remedy')
    const letterUrl = String(drafted.headers.location)
    const submitted = await c.post(letterUrl, {
      subject: String(c.$(letterPage)('#subject').val()),
      body,
      exemptionCodes: 'S2P3_16_THIRD',
      attachmentDocumentIds: material,
      step: 'submit',
    })
    expect(submitted.statusCode, c.$(submitted)('.govuk-error-summary').text()).toBe(303)

    const r = await new StaffClient(h.app).signInAs('reviewer')
    const review = await r.get(`/staff/cases/${caseId}/review`)
    expect(r.$(review)('#letter-text').text()).toContain('Information about other people')
    const returned = await r.post(`/staff/cases/${caseId}/return-draft`, {
      step: 'do',
      comments: 'Say which dates the emails cover.',
    })
    expect(returned.statusCode).toBe(303)

    const again = await c.get(`/staff/cases/${caseId}/draft`)
    const draftLink = c.$(again)('a[href*="/letters/"]').first().attr('href')!
    const v = await c.get(draftLink)
    const revised = await c.post(draftLink, {
      subject: String(c.$(v)('#subject').val()),
      body: `${String(c.$(v)('#body').text())}\n\nThe enclosed emails date from March 2026.`,
      exemptionCodes: 'S2P3_16_THIRD',
      attachmentDocumentIds: material,
      step: 'submit',
    })
    expect(revised.statusCode).toBe(303)
    // The DP manager may not approve (role), and four-eyes would stop them anyway (domain).
    expect((await c.get(`/staff/cases/${caseId}/review`)).statusCode).toBe(403)
    await r.get(`/staff/cases/${caseId}/review`)
    expect((await r.post(`/staff/cases/${caseId}/approve`, { step: 'do' })).statusCode).toBe(303)
  })

  it('sends it by email as an AES-256 PDF, then gives the password separately after confirming identity', async () => {
    const c = await dp()
    await c.get(`/staff/cases/${caseId}/send`)
    const sent = await c.post(`/staff/cases/${caseId}/send`, { method: 'encrypted-email' })
    expect(sent.statusCode, c.$(sent)('.govuk-error-summary').text()).toBe(303)
    const mail = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && m.subject.startsWith('Our response to your request'),
    )
    const pdf = mail.attachments[0]!.content
    expect(opensWithPassword(pdf, 'wrong-password').opens).toBe(false)
    expect(mail.text).not.toMatch(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/)
    expect((await c.get(`/staff/cases/${caseId}/close`)).statusCode).toBe(200)
    const early = await c.post(`/staff/cases/${caseId}/close`, { step: 'do' })
    expect(early.statusCode).toBe(400)

    await c.get(`/staff/cases/${caseId}/release-password`)
    const vague = await c.post(`/staff/cases/${caseId}/release-password`, {
      via: 'separate-email',
      identityConfirmedHow: 'ok',
    })
    expect(vague.statusCode).toBe(400)
    const released = await c.post(`/staff/cases/${caseId}/release-password`, {
      via: 'separate-email',
      identityConfirmedHow: 'Called Robin on the number on the verified ID and checked date of birth and address',
    })
    expect(released.statusCode).toBe(303)
    const pw = await smtp.waitFor((m) => m.to.includes(REQUESTER) && m.subject.startsWith('Password for our response'))
    const password = /\n\n([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\n/.exec(pw.text)![1]!
    expect(opensWithPassword(pdf, password)).toEqual({ encrypted: true, opens: true })
    await doAction(c, caseId, 'close')
  })

  it('logs the appeal, acknowledges it, and the Chief Executive decides it; the outcome goes to the portal', async () => {
    const c = await corr()
    await c.get(`/staff/cases/${caseId}/log-related`)
    const logged = await c.post(`/staff/cases/${caseId}/log-related`, {
      caseType: 'review',
      channel: 'email',
      ...dateFields('receivedOn', today()),
      description: 'I think more emails exist',
    })
    expect(logged.statusCode, c.$(logged)('.govuk-error-summary').text()).toBe(303)
    const appealId = caseIdFrom(logged.headers.location)
    await act(c, appealId, 'acknowledge')
    const ackMail = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && m.subject.startsWith('We have received your appeal'),
    )
    expect(ackMail.text).toContain('20 working days')
    const ce = await new StaffClient(h.app).signInAs('chief-executive')
    await ce.get(`/staff/cases/${appealId}/decide-appeal`)
    const decided = await ce.post(`/staff/cases/${appealId}/decide-appeal`, {
      upheld: 'no',
      reasons: 'The searches covered every system; nothing more is held.',
      senderId: String(ce.$()('input[name="senderId"]').first().attr('value')),
    })
    expect(decided.statusCode).toBe(303)
    const d = await dp()
    await d.get(`/staff/cases/${appealId}/send`)
    expect((await d.post(`/staff/cases/${appealId}/send`, { method: 'portal' })).statusCode).toBe(303)
    const released = await h.db.pool.query(
      `SELECT filename FROM documents WHERE case_id = $1 AND kind = 'response' AND released_to_requester_at IS NOT NULL`,
      [appealId],
    )
    expect(released.rows).toHaveLength(1)
    await smtp.waitFor((m) => m.to.includes(REQUESTER) && m.subject.startsWith('Our response to your request is ready'))
    appealDocId = (
      await h.db.pool.query(`SELECT id FROM documents WHERE case_id = $1 AND kind = 'response'`, [appealId])
    ).rows[0].id
    expect((await verifyAuditChain(h.db.pool)).ok).toBe(true)
  })

  let appealDocId = ''
  it('the requester downloads the protected response in the portal, and their code opens no other case (IDOR)', async () => {
    const d = await dp()
    await d.get(`/staff/cases/${caseId}/message`)
    const sent = await d.post(`/staff/cases/${caseId}/message`, {
      body: 'The password was given to you by telephone today.',
    })
    expect(sent.statusCode).toBe(303)
    const note = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && m.subject.startsWith('A message about your request'),
    )
    expect(note.text).not.toContain('password was given')
    const p = new StaffClient(h.app)
    await p.get('/follow')
    const asked = await p.post('/follow', { reference, email: REQUESTER })
    expect(asked.statusCode).toBe(303)
    const codeMail = await smtp.waitFor(
      (m) => m.to.includes(REQUESTER) && /\b\d{6}\b/.test(m.text) && !m.subject.includes('OPCC'),
    )
    const code = /\b(\d{6})\b/.exec(codeMail.text)![1]!
    await p.get('/follow/code')
    expect((await p.post('/follow/code', { code })).statusCode).toBe(303)
    const page = await p.get('/follow/case')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('The password was given to you by telephone today.')
    const link = p.$(page)('a[href^="/follow/case/documents/"]').first().attr('href')!
    const download = await p.get(link)
    expect(download.statusCode).toBe(200)
    expect(opensWithPassword(download.rawPayload, 'not-the-password').opens).toBe(false)
    // The appeal's file belongs to another case: signed in for this one, it is not found.
    expect((await p.get(`/follow/case/documents/${appealDocId}`)).statusCode).toBe(404)
    const demoDoc = await h.db.pool.query(`SELECT id FROM documents WHERE case_id <> $1 LIMIT 1`, [caseId])
    if (demoDoc.rows[0]) expect((await p.get(`/follow/case/documents/${demoDoc.rows[0].id}`)).statusCode).toBe(404)
    // Nor can the portal session reach any staff page.
    expect((await p.get(`/staff/cases/${caseId}`)).statusCode).toBe(302)
  })
})
