import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eicarBytes, heicBytes, heicHeaderThen, pdfBytes } from '../src/application/portal/upload-fixtures.js'
import { deepHexEscapedScriptPdf } from './fixtures/uploads/hostile-pdfs.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { SELF_ACCESS, answerAll } from './support/portal-journeys.js'

/**
 * What the issue found, through the real pages: a script hidden ten actions deep behind escaped names, an HEIC
 * header with a test virus after it, and a right-to-left override that made a PDF download as "passport_fdp.exe".
 */
let h: Harness
let caseId: string
let portal: PortalClient

beforeAll(async () => {
  h = await startHarness()
  const row = await h.db.pool.query<{ id: string }>(
    "SELECT id FROM cases WHERE status = 'in-progress' AND case_type = 'rights-request' ORDER BY reference LIMIT 1",
  )
  caseId = row.rows[0]!.id
  portal = new PortalClient(h.app)
  await answerAll(portal, { ...SELF_ACCESS, evidenceMethod: 'upload' })
  await portal.get('/request/upload')
})
afterAll(async () => {
  await h?.close()
})

const documentCount = async () =>
  (await h.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]!.n

function upload(filename: string, bytes: Buffer, contentType = 'application/pdf') {
  return portal.postMultipart(
    '/request/upload',
    { party: 'subject', 'documentType-subject': 'passport' },
    { field: 'file', filename, contentType, bytes },
  )
}

describe('requesters’ evidence, judged by its structure', () => {
  it('refuses a PDF whose script is ten actions deep behind /#4Aava#53cript, keeping nothing', async () => {
    const before = await documentCount()
    const page = await upload('bill.pdf', deepHexEscapedScriptPdf())
    expect(errorSummary(page)[0]).toContain('The selected file contains code that runs when it is opened')
    expect(await documentCount()).toBe(before)
  })

  it('refuses an HEIC header followed by the EICAR test file, and keeps a real HEIC photo', async () => {
    const before = await documentCount()
    const page = await upload('IMG_0001.HEIC', heicHeaderThen(eicarBytes()), 'image/heic')
    expect(errorSummary(page)[0]).toContain('The selected file could not be opened')
    expect(await documentCount()).toBe(before)
    const photo = await upload('IMG_0002.HEIC', heicBytes(), 'image/heic')
    expect(photo.status, errorSummary(photo).join()).toBe(303)
    expect(await documentCount()).toBe(before + 1)
  })

  it('keeps no bidirectional override in an uploaded name', async () => {
    expect((await upload('passport\u202efdp.exe', await pdfBytes())).status).toBe(303)
    const row = await h.db.pool.query("SELECT filename FROM documents WHERE filename LIKE 'passport%' LIMIT 1")
    expect(row.rows[0]).toEqual({ filename: 'passportfdp.pdf' })
  })
})

describe('a file name with a right-to-left override', () => {
  it('is stored and downloaded for what it is (passportfdp.pdf), never as "passport_fdp.exe"', async () => {
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    await dp.get(`/staff/cases/${caseId}/documents/new`)
    const res = await dp.postMultipart(`/staff/cases/${caseId}/documents`, { kind: 'correspondence' }, [
      { field: 'file', filename: 'passport\u202efdp.exe', content: await pdfBytes(), type: 'application/pdf' },
    ])
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303)
    const doc = await h.db.pool.query<{ id: string; filename: string }>(
      "SELECT id, filename FROM documents WHERE case_id = $1 AND kind = 'correspondence' ORDER BY created_at DESC LIMIT 1",
      [caseId],
    )
    expect(doc.rows[0]!.filename).toBe('passportfdp.pdf')
    const download = await dp.get(`/staff/cases/${caseId}/documents/${doc.rows[0]!.id}`)
    expect(download.headers['content-disposition']).toBe(`attachment; filename="passportfdp.pdf"`)
  })

  it('stored before this rule existed, is cleaned on its way out', async () => {
    const dp = await new StaffClient(h.app).signInAs('dp-manager')
    const doc = await h.db.pool.query<{ id: string }>(
      "UPDATE documents SET filename = 'passport\u202efdp.exe' WHERE id = (SELECT id FROM documents WHERE case_id = $1 AND storage_key IS NOT NULL LIMIT 1) RETURNING id",
      [caseId],
    )
    const download = await dp.get(`/staff/cases/${caseId}/documents/${doc.rows[0]!.id}`)
    const header = String(download.headers['content-disposition'])
    expect(header).toBe(`attachment; filename="passportfdp.exe"`)
    expect(header).not.toContain('%E2%80%AE')
  })
})
