import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { decideMany } from '../src/application/disclosure/decisions.js'
import { requestBundle, requestPreparation } from '../src/application/disclosure/runs.js'
import { executeCommand } from '../src/application/execute-command.js'
import { downloadReleasedDocument } from '../src/application/portal/download-released-document.js'
import { readPageTexts } from '../src/disclosure/pdf/index.js'
import { localDateInLondon, type CaseState } from '../src/domain/index.js'
import { findCase } from '../src/persistence/repositories/case-repository.js'
import type { Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { actorFor } from './support/casework-fixtures.js'
import { caseWithMaterial, errorSummary, settled, startWorkbench } from './support/disclosure-pages.js'

// Issue 10, the release gate, through the real app on real PostgreSQL with the real worker: the case of Alex Morgan
// with a witness statement (Rebecca Thornley) read, every proposal accepted and a verified bundle built.

let h: Harness
let close: () => Promise<void>
let caseId = ''
let dp: StaffClient
let reviewer: StaffClient
let dpActor: Actor
let statementId = ''
let bundleId = ''

const squash = (s: string) => s.replace(/\s+/g, ' ')
const stateOf = async (): Promise<CaseState> => (await findCase(h.db.pool, caseId))!
const docId = async (filename: string) =>
  String(
    (
      await h.db.pool.query('SELECT id FROM documents WHERE case_id = $1 AND filename = $2 ORDER BY created_at DESC', [
        caseId,
        filename,
      ])
    ).rows[0].id,
  )

async function ready(id: string, actor: Actor) {
  const today = localDateInLondon(h.deps.clock.now())
  await executeCommand(h.deps, actor, id, {
    type: 'RecordIdentityVerified',
    documentsSeen: [
      { party: 'subject', documentType: 'passport' },
      { party: 'subject', documentType: 'utility-bill' },
    ],
    verifiedOn: today,
    verifierId: actor.id,
    receivedOn: today,
  })
  await executeCommand(h.deps, actor, id, { type: 'StartWork' })
}

async function buildBundle(): Promise<string> {
  const run = await settled(h, caseId)
  expect(run.status).toBe('done')
  return run.resultDocumentId!
}

beforeAll(async () => {
  ;({ h, close } = await startWorkbench())
  dpActor = await actorFor(h, 'dp-manager')
  caseId = await caseWithMaterial(h)
  await ready(caseId, dpActor)
  await requestPreparation(h.deps, dpActor, caseId)
  expect((await settled(h, caseId)).status).toBe('done')
  await decideMany(h.deps, dpActor, caseId, {}, { decision: 'accepted', exemptionCode: 'S2P3_16_THIRD' })
  await requestBundle(h.deps, dpActor, caseId)
  bundleId = await buildBundle()
  statementId = await docId('witness-statement.pdf')
  dp = await new StaffClient(h.app).signInAs('dp-manager')
  reviewer = await new StaffClient(h.app).signInAs('reviewer')
}, 300_000)
afterAll(async () => close?.())

async function draft(attachmentDocumentIds: string[], outcome = 'disclosed-in-part') {
  await dp.get(`/staff/cases/${caseId}/draft`)
  return dp.post(`/staff/cases/${caseId}/draft`, { outcome, exemptionCodes: 'S2P3_16_THIRD', attachmentDocumentIds })
}

async function letterForm(url: string) {
  const page = await dp.get(url)
  return { subject: String(dp.$(page)('#subject').val()), body: String(dp.$(page)('#body').text()) }
}

describe('what may go out', () => {
  it('"Draft the response" offers the verified bundle, labelled, and never the original material', async () => {
    const page = await dp.get(`/staff/cases/${caseId}/draft`)
    const $ = dp.$(page)
    const offered = $('input[name="attachmentDocumentIds"]')
      .map((_, el) => String($(el).attr('value')))
      .get()
    expect(offered).toEqual([bundleId])
    expect(squash($('#attachmentDocumentIds-item-hint').text())).toMatch(
      /Disclosure bundle built on .*, verified: \d+ pages/,
    )
    expect(squash($('#held-back').text())).toContain('witness-statement.pdf: Material gathered for the case')
  })

  it('refuses the original statement from the form and through the API (problem+json, stable code)', async () => {
    const res = await draft([statementId])
    expect(res.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain('witness-statement.pdf: Material gathered for the case')
    const token = await h.tokenFor('dp-manager')
    const api = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/letters`,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        outcome: 'disclosed-in-part',
        exemptionCodes: ['S2P3_16_THIRD'],
        attachmentDocumentIds: [statementId],
      },
    })
    expect(api.statusCode).toBe(422)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(api.json()).toMatchObject({ code: 'not-releasable' })
    const list = await h.app.inject({
      url: `/api/v1/cases/${caseId}/releasable-files`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(list.json().files.map((f: { documentId: string }) => f.documentId)).toEqual([bundleId])
  })

  it('a document marked "disclose in full" as "nobody else’s data" is refused when it names someone the case redacted', async () => {
    const url = `/staff/cases/${caseId}/documents/${statementId}/disclose-in-full`
    await dp.get(url)
    const res = await dp.post(url, { reason: 'The requester asked for the statement', thirdParty: 'none' })
    expect(res.statusCode).toBe(400)
    expect(errorSummary(dp)).toMatch(
      /not only about the requester: it names “[^”]*thornley[^”]*” \(page 1\), which this case redacted elsewhere/i,
    )
  })
})

describe('letters are checked, and approval binds what was approved', () => {
  let letterUrl = ''
  it('keeps no "Enclosed" line in the letter: the list is made from the files attached when it is rendered', async () => {
    const res = await draft([bundleId])
    expect(res.statusCode, errorSummary(dp)).toBe(303)
    letterUrl = String(res.headers.location)
    const form = await letterForm(letterUrl)
    expect(form.body).not.toContain('Enclosed:')
    const bundleName = (await h.db.pool.query('SELECT filename FROM documents WHERE id = $1', [bundleId])).rows[0]
      .filename as string
    const pdfText = async (url: string) =>
      squash(readPageTexts(new Uint8Array((await dp.get(`${url}/pdf`)).rawPayload)).join(' '))
    expect(await pdfText(letterUrl)).toContain(`Enclosed: ${bundleName}`)
    // Unticked and saved as a new version: the letter no longer names the file.
    const saved = await dp.post(letterUrl, { ...form, exemptionCodes: 'S2P3_16_THIRD', step: 'save' })
    expect(saved.statusCode).toBe(303)
    letterUrl = String(saved.headers.location).replace(/\?.*$/, '')
    expect(await pdfText(letterUrl)).not.toContain('Enclosed')
  })

  it('refuses a disclosure with nothing attached, and a letter naming a redacted surname, saying where', async () => {
    const form = await letterForm(letterUrl)
    const before = (await h.db.pool.query('SELECT count(*)::int AS n FROM letters WHERE case_id = $1', [caseId]))
      .rows[0].n
    const none = await dp.post(letterUrl, { ...form, exemptionCodes: 'S2P3_16_THIRD', step: 'submit' })
    expect(none.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain('no file is attached')
    const paragraphs = form.body.split(/\n\s*\n/)
    const body = [...paragraphs.slice(0, 2), 'Mrs THORNLEY’s statement is not included.', ...paragraphs.slice(2)].join(
      '\n\n',
    )
    const named = await dp.post(letterUrl, {
      subject: form.subject,
      body,
      exemptionCodes: 'S2P3_16_THIRD',
      attachmentDocumentIds: bundleId,
      step: 'submit',
    })
    expect(named.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain(
      'Letter body, paragraph 3: “THORNLEY” was redacted in this case (Information about other people, DPA 2018 Sch 2 Part 3 para 16)',
    )
    // Nothing half-stored: the refused versions were not kept, and the case is still being drafted.
    expect(
      (await h.db.pool.query('SELECT count(*)::int AS n FROM letters WHERE case_id = $1', [caseId])).rows[0].n,
    ).toBe(before)
    expect((await stateOf()).status).toBe('in-progress')
  })

  it('records the letter version actually submitted and approved, with each file’s SHA-256', async () => {
    const form = await letterForm(letterUrl)
    const sent = await dp.post(letterUrl, {
      ...form,
      exemptionCodes: 'S2P3_16_THIRD',
      attachmentDocumentIds: bundleId,
      step: 'submit',
    })
    expect(sent.statusCode, errorSummary(dp)).toBe(303)
    const version = (await h.db.pool.query('SELECT max(version)::int AS v FROM letters WHERE case_id = $1', [caseId]))
      .rows[0].v
    expect(version).toBeGreaterThan(1)
    expect((await stateOf()).draft?.version).toBe(version)
    const review = await reviewer.get(`/staff/cases/${caseId}/review`)
    const sha = (await h.db.pool.query('SELECT sha256 FROM documents WHERE id = $1', [bundleId])).rows[0].sha256
    expect(reviewer.$(review)('#review-files').text()).toContain(sha)
    expect((await reviewer.post(`/staff/cases/${caseId}/approve`, { step: 'do' })).statusCode).toBe(303)
    const state = await stateOf()
    expect(state.approval).toMatchObject({ version, files: [{ documentId: bundleId, sha256: sha }] })
    const page = await dp.get(`/staff/cases/${caseId}`)
    expect(squash(dp.$(page)('#overview').text())).toContain(`Version ${version} approved by`)
  })

  it('refuses release once the bundle is built again after approval, and says why', async () => {
    await requestBundle(h.deps, dpActor, caseId)
    const newBundle = await buildBundle()
    expect(newBundle).not.toBe(bundleId)
    const page = await dp.get(`/staff/cases/${caseId}/send`)
    expect(squash(dp.$(page)('.govuk-warning-text').text())).toContain('not what was approved')
    const res = await dp.post(`/staff/cases/${caseId}/send`, { method: 'portal' })
    expect(res.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain('not what was approved')
    expect((await stateOf()).status).toBe('approved')
    bundleId = newBundle
  })

  it('an approved letter changed afterwards goes back for approval; then only the verified bundle reaches the requester', async () => {
    const url = `/staff/cases/${caseId}/letters/${(await stateOf()).draft!.letterId}`
    const form = await letterForm(url)
    expect(squash(dp.$()('.govuk-warning-text').text())).toContain('must be approved before anything can be sent')
    const changed = await dp.post(url, {
      ...form,
      body: `${form.body}\n\nThe bundle has been rebuilt.`,
      exemptionCodes: 'S2P3_16_THIRD',
      attachmentDocumentIds: bundleId,
      step: 'submit',
    })
    expect(changed.statusCode, errorSummary(dp)).toBe(303)
    expect((await stateOf()).status).toBe('in-review')
    expect((await dp.post(`/staff/cases/${caseId}/send`, { method: 'portal' })).statusCode).toBe(409)
    await reviewer.get(`/staff/cases/${caseId}/review`)
    expect((await reviewer.post(`/staff/cases/${caseId}/approve`, { step: 'do' })).statusCode).toBe(303)
    await dp.get(`/staff/cases/${caseId}/send`)
    const sent = await dp.post(`/staff/cases/${caseId}/send`, { method: 'portal' })
    expect(sent.statusCode, errorSummary(dp)).toBe(303)
    const released = await h.db.pool.query(
      'SELECT id FROM documents WHERE case_id = $1 AND released_to_requester_at IS NOT NULL',
      [caseId],
    )
    expect(released.rows).toHaveLength(1)
    const download = await downloadReleasedDocument(h.deps, caseId, released.rows[0].id)
    const text = squash(readPageTexts(new Uint8Array(download!.bytes)).join(' '))
    expect(text).toContain('Alex Morgan')
    for (const secret of ['Thornley', 'Rebecca', '07700 900123']) expect(text).not.toContain(secret)
    expect(await downloadReleasedDocument(h.deps, caseId, statementId)).toBeNull()
  })
})
