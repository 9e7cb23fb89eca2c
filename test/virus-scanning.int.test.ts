import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eicarBytes, pdfBytes } from '../src/application/portal/upload-fixtures.js'
import { createClamdScanner } from '../src/storage/clamav.js'
import { buildPdf, onePage } from './fixtures/disclosure/raw-pdf.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { StaffClient } from './support/casework-client.js'
import { clamdMissing, freePort, startClamd, type RunningClamd } from './support/clamd.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { SELF_ACCESS, answerAll } from './support/portal-journeys.js'

/**
 * Uploads scanned by a real ClamAV daemon (Debian's clamd) when one is configured: an infected file is refused with
 * the GOV.UK message and nothing is kept; a clamd that is configured but cannot be reached refuses the file too,
 * asking the person to try again, because a file nobody could scan is not a clean one.
 */
const missing = clamdMissing()
if (missing) console.warn(`virus-scanning.int.test.ts ${missing}`)

let h: Harness
let clamd: RunningClamd
let caseId: string

// A well-formed PDF (no scripts) whose page text is the EICAR test string: only a virus scanner can refuse it.
const eicarPdf = () =>
  buildPdf(onePage(`BT /F1 12 Tf 72 720 Td (${eicarBytes().toString('latin1')}) Tj ET`), '<</Root 1 0 R>>')

beforeAll(async () => {
  if (missing) return
  ;[h, clamd] = await Promise.all([startHarness(), startClamd()])
  h.deps.virusScanner = createClamdScanner({ socketPath: clamd.socketPath })
  const row = await h.db.pool.query<{ id: string }>(
    "SELECT id FROM cases WHERE status = 'in-progress' AND case_type = 'rights-request' ORDER BY reference LIMIT 1",
  )
  caseId = row.rows[0]!.id
})
afterAll(async () => {
  await clamd?.stop()
  await h?.close()
})

const documentCount = async () =>
  (await h.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]!.n

async function portalUpload(filename: string, bytes: Buffer) {
  const client = new PortalClient(h.app)
  await answerAll(client, { ...SELF_ACCESS, evidenceMethod: 'upload' })
  await client.get('/request/upload')
  return client.postMultipart(
    '/request/upload',
    { party: 'subject', 'documentType-subject': 'passport' },
    { field: 'file', filename, contentType: 'application/pdf', bytes },
  )
}

async function staffUpload(filename: string, content: Buffer) {
  const dp = await new StaffClient(h.app).signInAs('dp-manager')
  await dp.get(`/staff/cases/${caseId}/documents/new`)
  return dp.postMultipart(`/staff/cases/${caseId}/documents`, { kind: 'material' }, [
    { field: 'file', filename, content, type: 'text/plain' },
  ])
}

describe.skipIf(missing !== null)('virus scanning with a real clamd', () => {
  it('the client reads clamd’s verdicts over its socket and over TCP, for a file larger than one chunk', async () => {
    const tcp = createClamdScanner({ host: '127.0.0.1', port: clamd.port })
    const socket = createClamdScanner({ socketPath: clamd.socketPath })
    const big = Buffer.concat([Buffer.alloc(300_000, 0x20), eicarBytes(), Buffer.alloc(300_000, 0x20)])
    await expect(tcp.scan(await pdfBytes())).resolves.toEqual({ verdict: 'clean' })
    await expect(socket.scan(eicarBytes())).resolves.toEqual({
      verdict: 'infected',
      signature: expect.stringContaining('Rightsdesk.Test.EICAR'),
    })
    await expect(tcp.scan(big)).resolves.toMatchObject({ verdict: 'infected' })
  })

  it('a requester’s evidence that carries a virus is refused with the GOV.UK message, and nothing is kept', async () => {
    const before = await documentCount()
    const page = await portalUpload('bill.pdf', eicarPdf())
    expect(page.status).toBe(200)
    expect(errorSummary(page)).toEqual(['The selected file contains a virus. It has not been kept'])
    expect(await documentCount()).toBe(before)
    const clean = await portalUpload('bill.pdf', await pdfBytes())
    expect(clean.status, errorSummary(clean).join()).toBe(303)
  })

  it('a caseworker’s upload (plain text, not parsed by anything else) is scanned too', async () => {
    const before = await documentCount()
    const res = await staffUpload('notes.txt', eicarBytes())
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('The selected file contains a virus: it has not been kept')
    expect(await documentCount()).toBe(before)
  })

  it('with clamd configured but not answering, an upload is refused as “try again”, never let through', async () => {
    const scanner = h.deps.virusScanner
    h.deps.virusScanner = createClamdScanner({ host: '127.0.0.1', port: await freePort() })
    try {
      const before = await documentCount()
      const page = await portalUpload('bill.pdf', await pdfBytes())
      expect(errorSummary(page)).toEqual([
        'The selected file could not be checked for viruses just now. Try again in a few minutes',
      ])
      const res = await staffUpload('notes.txt', Buffer.from('Search of the case file: nothing found\n'))
      expect(res.body).toContain('could not be checked for viruses just now')
      expect(await documentCount()).toBe(before)
    } finally {
      h.deps.virusScanner = scanner
    }
  })
})
