import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../src/application/actor.js'
import { confirmDraft, dismissDraft } from '../src/application/discovery/confirm-draft.js'
import { listDrafts, pollMailboxes, registerMailbox } from '../src/application/discovery/mailbox-intake.js'
import { startHarness, type Harness } from './support/app-harness.js'
import { actorFor } from './support/casework-fixtures.js'
import { dovecotAvailable, startDovecot, type Dovecot } from './support/dovecot.js'

// CI installs dovecot-imapd (.ci/run) and must run this; elsewhere it is skipped, with a message, only without dovecot.
const run = dovecotAvailable() || process.env.CI === 'true'
if (!run)
  process.stderr.write('mailbox-intake: /usr/sbin/dovecot not installed (apt-get install dovecot-imapd): skipped\n')

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

function email(id: string, date: string, attachments: { name: string; type: string; bytes: Buffer }[] = []) {
  const boundary = 'b1_rightsdesk'
  const parts = attachments.map(
    (a) =>
      `--${boundary}\nContent-Type: ${a.type}; name="${a.name}"\nContent-Disposition: attachment; filename="${a.name}"\nContent-Transfer-Encoding: base64\n\n${a.bytes.toString('base64')}\n`,
  )
  return [
    'From: "Alex Morgan" <Alex.Morgan@home.example>',
    'To: information.rights@opcc.northshire.example',
    `Subject: Subject access request ${id}`,
    `Date: ${date}`,
    `Message-ID: <${id}@home.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}\nContent-Type: text/plain; charset=utf-8\n\nPlease send me a copy of all the information you hold about me.\nAlex Morgan\n`,
    ...parts,
    `--${boundary}--`,
    '',
  ].join('\n')
}

/** A poll, with the mailbox's own error in the message when it fails. */
async function poll() {
  const result = await pollMailboxes(h.deps)
  if (result.failed > 0) {
    const r = await h.db.pool.query('SELECT last_error FROM intake_mailboxes')
    throw new Error(`poll failed: ${r.rows.map((x) => x.last_error).join('; ')}`)
  }
  return result
}

let h: Harness
let imap: Dovecot
let admin: Actor
let correspondence: Actor

beforeAll(async () => {
  if (!run) return
  imap = await startDovecot()
  h = await startHarness()
  admin = await actorFor(h, 'admin')
  correspondence = await actorFor(h, 'correspondence')
}, 300_000)
afterAll(async () => {
  await h?.close()
  await imap?.stop()
})

describe.skipIf(!run)('the information rights inbox over IMAP (dovecot)', () => {
  it('turns each new email into one draft case, attachments checked by content, duplicates by Message-ID dropped', async () => {
    await registerMailbox(h.deps, admin, {
      controllerId: 'northshire-opcc',
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      username: imap.user,
      password: imap.password,
      folder: 'INBOX',
    })
    await imap.deliver(
      email('sar-1', 'Fri, 27 Feb 2026 23:30:00 +0000', [
        { name: 'passport.pdf', type: 'application/pdf', bytes: PDF },
        { name: 'tool.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ\x90\x00binary') },
      ]),
    )
    expect(await poll()).toEqual({ drafts: 1, failed: 0 })
    // The same email again (forwarded into the inbox twice), and a poll with nothing new.
    await imap.deliver(email('sar-1', 'Fri, 27 Feb 2026 23:30:00 +0000'))
    expect(await poll()).toEqual({ drafts: 0, failed: 0 })
    expect(await poll()).toEqual({ drafts: 0, failed: 0 })
    const [draft, ...rest] = await listDrafts(h.deps, correspondence)
    expect(rest).toEqual([])
    expect(draft).toMatchObject({
      fromName: 'Alex Morgan',
      fromEmail: 'alex.morgan@home.example',
      subject: 'Subject access request sar-1',
      refused: [{ filename: 'tool.exe', reason: expect.stringMatching(/must be a PDF/) }],
    })
    expect(new Date(draft!.receivedAt).toISOString()).toBe('2026-02-27T23:30:00.000Z')
    expect(draft!.documentIds).toHaveLength(2)
    const outcome = await confirmDraft(h.deps, correspondence, draft!.id, {
      requesterName: 'Alex Morgan',
      requesterEmail: '',
      right: 'access',
      description: 'A copy of all information held',
    })
    // Received on the date the email was sent: the clock runs from then (Art 12(3)), not from when we polled.
    expect(outcome.state).toMatchObject({ channel: 'email', receivedOn: '2026-02-27' })
    const docs = await h.db.pool.query('SELECT kind, filename FROM documents WHERE case_id = $1 ORDER BY kind', [
      outcome.state.id,
    ])
    expect(docs.rows).toEqual([
      { kind: 'correspondence', filename: 'passport.pdf' },
      { kind: 'original-request', filename: 'Subject access request sar-1.eml' },
    ])
    expect(await listDrafts(h.deps, correspondence)).toEqual([])
  })

  it('lets Correspondence dismiss an email that is not a request, deleting its files', async () => {
    await imap.deliver(email('spam-2', 'Mon, 2 Mar 2026 09:00:00 +0000'))
    expect(await poll()).toEqual({ drafts: 1, failed: 0 })
    const [draft] = await listDrafts(h.deps, correspondence)
    await expect(dismissDraft(h.deps, correspondence, draft!.id, '')).rejects.toMatchObject({ code: 'validation' })
    await dismissDraft(h.deps, correspondence, draft!.id, 'Marketing email, not a request')
    const doc = await h.db.pool.query('SELECT storage_key, purged_at FROM documents WHERE id = $1', [
      draft!.documentIds[0],
    ])
    expect(doc.rows[0]).toMatchObject({ storage_key: null, purged_at: expect.any(Date) })
  })
})
