import { createHash, randomUUID } from 'node:crypto'
import type * as Imap from 'imapflow'
import type { ParsedMail } from 'mailparser'
import type * as Mailparser from 'mailparser'
import { DomainError } from '../../domain/index.js'
import { withTransaction, type Queryable, type Tx } from '../../persistence/db.js'
import { htmlToText } from '../../disclosure/ingest/html-text.js'
import { SYSTEM_ACTOR, type Actor } from '../actor.js'
import { requireController, requirePermission } from '../authorise.js'
import { recordAudit } from '../casework/audit.js'
import { checkStaffUpload } from '../casework/staff-upload.js'
import type { AppDeps } from '../deps.js'
import { storeDocumentIn } from '../store-document.js'
import { lazyRequire } from '../../lazy-require.js'

const imapflow = lazyRequire<typeof Imap>('imapflow')
const mailparser = lazyRequire<typeof Mailparser>('mailparser')

export interface NewMailbox {
  controllerId: string
  host: string
  port: number
  secure: boolean
  username: string
  password: string
  folder: string
}

/** An administrator connects a controller's information rights inbox (checked by signing in once). */
export async function registerMailbox(deps: AppDeps, actor: Actor, input: NewMailbox): Promise<string> {
  requirePermission(actor, 'discovery:manage')
  // An organisation not chosen is a mistake on the form, not an attempt on another controller.
  if (!input.controllerId)
    throw new DomainError('validation', 'no controller', { fields: { controllerId: 'Choose the organisation' } })
  requireController(actor, input.controllerId)
  const fields: Record<string, string> = {}
  if (!input.host.trim()) fields.host = 'Enter the mail server'
  if (!(input.port > 0 && input.port < 65536)) fields.port = 'Enter the port, for example 993'
  if (!input.username.trim()) fields.username = 'Enter the user name'
  if (Object.keys(fields).length === 0) {
    const problem = await tryConnect(input)
    if (problem) fields.host = `Cannot sign in to the mailbox: ${problem}`
  }
  if (Object.keys(fields).length > 0) throw new DomainError('validation', 'invalid mailbox', { fields })
  const secretKey = await deps.blobs.put(Buffer.from(input.password))
  const id = randomUUID()
  await withTransaction(deps.pool, async (tx) => {
    await tx.query(
      `INSERT INTO intake_mailboxes (id, controller_id, host, port, secure, username, secret_key, folder, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        id,
        input.controllerId,
        input.host.trim(),
        input.port,
        input.secure,
        input.username.trim(),
        secretKey,
        input.folder || 'INBOX',
        deps.clock.now(),
      ],
    )
    await recordAudit(tx, deps, actor, {
      command: 'RegisterMailbox',
      eventType: 'IntakeMailboxRegistered',
      payload: {
        mailboxId: id,
        controllerId: input.controllerId,
        host: input.host.trim(),
        username: input.username.trim(),
      },
    })
  })
  return id
}

function client(m: { host: string; port: number; secure: boolean; username: string }, password: string) {
  return new (imapflow().ImapFlow)({
    host: m.host,
    port: m.port,
    secure: m.secure,
    auth: { user: m.username, pass: password },
    logger: false,
    // A self-signed certificate on an internal mail server is common; plain connections are refused by STARTTLS.
    tls: { rejectUnauthorized: false },
  })
}

async function tryConnect(input: NewMailbox): Promise<string | undefined> {
  const imap = client(input, input.password)
  try {
    await imap.connect()
    await imap.mailboxOpen(input.folder || 'INBOX', { readOnly: true })
    return undefined
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  } finally {
    await imap.logout().catch(() => undefined)
  }
}

interface MailboxRow {
  id: string
  controller_id: string
  host: string
  port: number
  secure: boolean
  username: string
  secret_key: string
  folder: string
  uid_validity: string | null
  last_uid: string
}

/**
 * Worker, every minute: each new email in each inbox becomes a draft case for Correspondence to confirm. The inbox
 * is opened read-only (nothing is marked, moved or deleted); messages are taken by UID after the last one seen, and a
 * Message-ID already drafted for the controller is never drafted twice (the same email copied, or the UIDs reset).
 */
export async function pollMailboxes(deps: AppDeps): Promise<{ drafts: number; failed: number }> {
  const r = await deps.pool.query<MailboxRow>('SELECT * FROM intake_mailboxes WHERE enabled ORDER BY created_at')
  let drafts = 0
  let failed = 0
  for (const m of r.rows) {
    try {
      drafts += await pollOne(deps, m)
      await deps.pool.query('UPDATE intake_mailboxes SET last_polled_at = $2, last_error = NULL WHERE id = $1', [
        m.id,
        deps.clock.now(),
      ])
    } catch (err) {
      failed++
      await deps.pool.query('UPDATE intake_mailboxes SET last_polled_at = $2, last_error = $3 WHERE id = $1', [
        m.id,
        deps.clock.now(),
        (err instanceof Error ? err.message : String(err)).slice(0, 500),
      ])
    }
  }
  return { drafts, failed }
}

async function pollOne(deps: AppDeps, m: MailboxRow): Promise<number> {
  const password = Buffer.from(await deps.blobs.get(m.secret_key)).toString('utf8')
  const imap = client(m, password)
  await imap.connect()
  let made = 0
  try {
    const box = await imap.mailboxOpen(m.folder, { readOnly: true })
    const validity = String(box.uidValidity)
    // A new UIDVALIDITY means the server renumbered the folder: read it all again; Message-IDs stop duplicates.
    let lastUid = m.uid_validity === validity ? Number(m.last_uid) : 0
    const range = `${lastUid + 1}:*`
    const fetched: { uid: number; source: Buffer }[] = []
    for await (const msg of imap.fetch(range, { uid: true, source: true }, { uid: true })) {
      if (msg.uid > lastUid && msg.source) fetched.push({ uid: msg.uid, source: msg.source })
    }
    for (const msg of fetched.sort((a, b) => a.uid - b.uid)) {
      if (await draftFromEmail(deps, m, msg.source)) made++
      lastUid = msg.uid
      await deps.pool.query('UPDATE intake_mailboxes SET uid_validity = $2, last_uid = $3 WHERE id = $1', [
        m.id,
        validity,
        lastUid,
      ])
    }
    await deps.pool.query('UPDATE intake_mailboxes SET uid_validity = $2 WHERE id = $1', [m.id, validity])
  } finally {
    await imap.logout().catch(() => undefined)
  }
  return made
}

/** One email → one draft with the email and its attachments stored (each checked by its content), or nothing. */
export async function draftFromEmail(deps: AppDeps, m: Pick<MailboxRow, 'id' | 'controller_id'>, source: Buffer) {
  const mail = await mailparser().simpleParser(source, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  })
  const messageId = mail.messageId?.trim() || `<sha256:${createHash('sha256').update(source).digest('hex')}>`
  const from = mail.from?.value[0]
  return withTransaction(deps.pool, async (tx) => {
    // One draft per Message-ID per controller, even with two workers polling at once.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [`${m.controller_id}\n${messageId}`])
    const seen = await tx.query('SELECT 1 FROM intake_drafts WHERE controller_id = $1 AND message_id = $2', [
      m.controller_id,
      messageId,
    ])
    if ((seen.rowCount ?? 0) > 0) return false
    const actor: Actor = { ...SYSTEM_ACTOR, id: 'mailbox-intake', name: 'Information rights inbox' }
    const ids: string[] = []
    const original = await storeDocumentIn(tx, deps, actor, {
      caseId: null,
      kind: 'original-request',
      filename: `${(mail.subject ?? 'email').slice(0, 80)}.eml`,
      contentType: 'message/rfc822',
      bytes: source,
    })
    ids.push(original.id)
    const refused = await storeAttachments(tx, deps, actor, mail, ids)
    const id = randomUUID()
    await tx.query(
      `INSERT INTO intake_drafts (id, mailbox_id, controller_id, message_id, received_at, from_name, from_email, subject, body,
         document_ids, refused, status, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'pending',$12)`,
      [
        id,
        m.id,
        m.controller_id,
        messageId,
        // The received date is the message's own Date header (when the requester sent it), not when we polled.
        mail.date ?? deps.clock.now(),
        from?.name ?? '',
        (from?.address ?? '').toLowerCase(),
        mail.subject ?? '',
        bodyOf(mail).slice(0, 100_000),
        ids,
        JSON.stringify(refused),
        deps.clock.now(),
      ],
    )
    await recordAudit(tx, deps, actor, {
      command: 'DraftFromEmail',
      eventType: 'IntakeDraftCreated',
      payload: { draftId: id, mailboxId: m.id, documents: ids.length, refused: refused.length },
    })
    return true
  })
}

async function storeAttachments(tx: Tx, deps: AppDeps, actor: Actor, mail: ParsedMail, ids: string[]) {
  const refused: { filename: string; reason: string }[] = []
  for (const [i, a] of mail.attachments.entries()) {
    const filename = a.filename ?? `attachment ${i + 1}`
    const check = await checkStaffUpload({ filename, bytes: new Uint8Array(a.content) }, { scanner: deps.virusScanner })
    if (!check.ok) {
      refused.push({ filename, reason: check.message })
      continue
    }
    const doc = await storeDocumentIn(tx, deps, actor, {
      caseId: null,
      kind: 'correspondence',
      filename,
      contentType: check.contentType,
      bytes: new Uint8Array(a.content),
    })
    ids.push(doc.id)
  }
  return refused
}

function bodyOf(mail: ParsedMail): string {
  const text = mail.text?.trim() ?? ''
  const html = mail.html ? htmlToText(mail.html) : ''
  return text.length >= html.length * 0.3 ? text : html
}

export interface IntakeDraft {
  id: string
  controllerId: string
  messageId: string
  receivedAt: Date
  fromName: string
  fromEmail: string
  subject: string
  body: string
  documentIds: string[]
  refused: { filename: string; reason: string }[]
  status: string
  caseId: string | null
}

export async function findDraft(db: Queryable, id: string): Promise<IntakeDraft | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const r = await db.query(
    `SELECT id, controller_id AS "controllerId", message_id AS "messageId", received_at AS "receivedAt", from_name AS "fromName",
       from_email AS "fromEmail", subject, body, document_ids AS "documentIds", refused, status, case_id AS "caseId"
       FROM intake_drafts WHERE id = $1`,
    [id],
  )
  return r.rows[0] as IntakeDraft | undefined
}

/** Correspondence's list of emails waiting to be confirmed as requests (or dismissed). */
export async function listDrafts(deps: AppDeps, actor: Actor): Promise<IntakeDraft[]> {
  requirePermission(actor, 'case:log')
  const r = await deps.pool.query<{ id: string }>(
    `SELECT id FROM intake_drafts WHERE status = 'pending' AND ($1::text[] IS NULL OR controller_id = ANY($1))
      ORDER BY received_at`,
    [actor.controllerIds],
  )
  return Promise.all(r.rows.map(async (row) => (await findDraft(deps.pool, row.id))!))
}
