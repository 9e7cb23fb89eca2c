import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { executeCommand } from '../src/application/execute-command.js'
import { logRequest } from '../src/application/log-request.js'
import { storeDocumentIn } from '../src/application/store-document.js'
import { localDateInLondon } from '../src/domain/index.js'
import { withTransaction } from '../src/persistence/db.js'
import { findCase } from '../src/persistence/repositories/case-repository.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { actorFor, NEW_REQUEST } from './support/casework-fixtures.js'
import { samplePdf } from './support/casework-steps.js'
import { errorSummary } from './support/disclosure-pages.js'

// Issue 10: approval binds what was approved. A document marked "disclose in full" is offered with its reason; marking
// it again, or altering the approved letter afterwards, stops the release.

let h: Harness
let dp: StaffClient
let reviewer: StaffClient
let dpActor: Actor

const squash = (s: string) => s.replace(/\s+/g, ' ')

beforeAll(async () => {
  h = await startHarness()
  dpActor = await actorFor(h, 'dp-manager')
  dp = await new StaffClient(h.app).signInAs('dp-manager')
  reviewer = await new StaffClient(h.app).signInAs('reviewer')
})
afterAll(async () => h?.close())

async function letterForm(url: string) {
  const page = await dp.get(url)
  return { subject: String(dp.$(page)('#subject').val()), body: String(dp.$(page)('#body').text()) }
}

describe('a document marked "disclose in full", and an approval that no longer matches', () => {
  let id = ''
  let recordsId = ''
  const mark = async (reason: string) => {
    const url = `/staff/cases/${id}/documents/${recordsId}/disclose-in-full`
    await dp.get(url)
    return dp.post(url, { reason, thirdParty: 'none' })
  }
  const approveDraft = async () => {
    await dp.get(`/staff/cases/${id}/draft`)
    const drafted = await dp.post(`/staff/cases/${id}/draft`, {
      outcome: 'disclosed-in-full',
      attachmentDocumentIds: recordsId,
    })
    expect(drafted.statusCode, errorSummary(dp)).toBe(303)
    const form = await letterForm(String(drafted.headers.location))
    const submitted = await dp.post(String(drafted.headers.location), {
      ...form,
      attachmentDocumentIds: recordsId,
      step: 'submit',
    })
    expect(submitted.statusCode, errorSummary(dp)).toBe(303)
    await reviewer.get(`/staff/cases/${id}/review`)
    expect((await reviewer.post(`/staff/cases/${id}/approve`, { step: 'do' })).statusCode).toBe(303)
  }

  beforeAll(async () => {
    id = (
      await logRequest(h.deps, dpActor, { ...NEW_REQUEST, subject: { name: 'Sam Summers', email: 'sam@mail.example' } })
    ).state.id
    const today = localDateInLondon(h.deps.clock.now())
    await executeCommand(h.deps, dpActor, id, {
      type: 'RecordIdentityVerified',
      documentsSeen: [
        { party: 'subject', documentType: 'passport' },
        { party: 'subject', documentType: 'utility-bill' },
      ],
      verifiedOn: today,
      verifierId: dpActor.id,
      receivedOn: today,
    })
    await executeCommand(h.deps, dpActor, id, { type: 'StartWork' })
    const bytes = await samplePdf('Call notes about Sam Summers, 3 March 2026')
    recordsId = await withTransaction(
      h.deps.pool,
      async (tx) =>
        (
          await storeDocumentIn(tx, h.deps, dpActor, {
            caseId: id,
            kind: 'material',
            filename: 'call-notes.pdf',
            contentType: 'application/pdf',
            bytes,
          })
        ).id,
    )
  })

  it('offers a marked document with its reason, and refuses release after it is marked again', async () => {
    expect((await mark('Sam’s own call notes; nobody else is in them')).statusCode).toBe(303)
    const page = await dp.get(`/staff/cases/${id}/draft`)
    expect(squash(dp.$(page)('#attachmentDocumentIds-item-hint').text())).toContain(
      'Disclosed in full: Sam’s own call notes; nobody else is in them',
    )
    await approveDraft()
    expect((await mark('Checked again: only Sam’s own call notes')).statusCode).toBe(303)
    await dp.get(`/staff/cases/${id}/send`)
    const res = await dp.post(`/staff/cases/${id}/send`, {
      method: 'post',
      protocol: ['double-envelope', 'disclaimer'],
      specialDeliveryReference: 'AB123456789GB',
    })
    expect(res.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain('the “disclose in full” marking of call-notes.pdf changed')
  })

  it('refuses release when the approved letter’s text was altered afterwards (its hash no longer matches)', async () => {
    const letterId = (await findCase(h.db.pool, id))!.draft!.letterId!
    await dp.post(`/staff/cases/${id}/letters/${letterId}`, {
      ...(await letterForm(`/staff/cases/${id}/letters/${letterId}`)),
      attachmentDocumentIds: recordsId,
      step: 'submit',
    })
    await reviewer.get(`/staff/cases/${id}/review`)
    expect((await reviewer.post(`/staff/cases/${id}/approve`, { step: 'do' })).statusCode).toBe(303)
    const approved = (await findCase(h.db.pool, id))!.approval!
    await h.db.pool.query(`UPDATE letters SET body = body || ' P.S. something else' WHERE id = $1`, [approved.letterId])
    await dp.get(`/staff/cases/${id}/send`)
    const res = await dp.post(`/staff/cases/${id}/send`, { method: 'portal' })
    expect(res.statusCode).toBe(400)
    expect(errorSummary(dp)).toContain(`the text of version ${approved.version} has changed`)
    expect(
      (
        await h.db.pool.query(
          'SELECT count(*)::int AS n FROM documents WHERE case_id = $1 AND released_to_requester_at IS NOT NULL',
          [id],
        )
      ).rows[0].n,
    ).toBe(0)
  })
})
