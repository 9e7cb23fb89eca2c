import { randomBytes, randomUUID } from 'node:crypto'
import { DomainError, localDateInLondon } from '../../domain/index.js'
import type { CaseState, Controller, ResponseChannel, ResponseDelivery } from '../../domain/index.js'
import { withTransaction, type Tx } from '../../persistence/db.js'
import { markReleased } from '../../persistence/repositories/document-repository.js'
import { combinePdfs, renderEmail } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import { applyCommand, type CommandOutcome } from '../apply-command.js'
import { requireCommandPermission } from '../authorise.js'
import { caseInScope } from '../boundary.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { storeDocumentIn } from '../store-document.js'
import { recordAudit } from './audit.js'
import { buildLetterContext, recipientOf } from './letter-context.js'
import { bodyWithEnclosures } from '../release/enclosures.js'
import { openRelease, type Release } from '../release/gate.js'
import { checkEmail, checkResponseFile } from '../release/letter-check.js'
import { readableSecret } from './readable-secret.js'
import { readSettings } from './settings.js'
import { letterPdfFor } from './send-letter.js'

export type SendMethod =
  | { method: 'encrypted-email' }
  | { method: 'portal' }
  | { method: 'post'; doubleEnvelope: boolean; disclaimerIncluded: boolean; specialDeliveryReference: string }

const CHANNEL: Record<SendMethod['method'], ResponseChannel> = {
  'encrypted-email': 'email',
  portal: 'portal',
  post: 'post',
}

/**
 * Sends the approved response (seed 002 "Responding to a SAR"): the approved letter and its disclosure files as one
 * PDF, by email encrypted with AES-256 (the password follows separately, see release-password.ts), for download in
 * the portal, or by post with a dispatch record. Records the response in the same transaction.
 */
export async function sendResponse(
  deps: AppDeps,
  actor: Actor,
  caseId: string,
  how: SendMethod,
): Promise<CommandOutcome & { documentId: string }> {
  requireCommandPermission(actor, { type: 'RecordResponseSent', channel: 'email', outcome: 'withdrawn', sentOn: '' })
  return withTransaction(deps.pool, async (tx) => {
    const state = await caseInScope(tx, actor, caseId, { forUpdate: true })
    // The release gate: the approved letter and files, exactly as approved, checked again now (issue 10).
    const release = await openRelease(deps, tx, state)
    const { letter } = release
    const { context, controller } = await buildLetterContext(tx, deps, state, actor)
    const pdf = await responsePdf(deps, tx, state, controller, release)
    const filename = `${state.reference}-response.pdf`
    await checkResponseFile(tx, state, filename, pdf)
    const plain = await storeDocumentIn(tx, deps, actor, {
      caseId,
      kind: 'response',
      filename,
      contentType: 'application/pdf',
      bytes: pdf,
    })
    const delivery = await deliver(tx, deps, actor, state, how, { pdf, documentId: plain.id, context })
    const outcome = await applyCommand(deps, tx, actor, state, {
      type: 'RecordResponseSent',
      channel: CHANNEL[how.method],
      outcome: letter.outcome ?? state.outcome ?? 'disclosed-in-full',
      sentOn: localDateInLondon(deps.clock.now()),
      exemptionCodes: letter.exemptionCodes,
      delivery,
    })
    await tx.query('UPDATE letters SET sent_at = $2, pdf_document_id = $3 WHERE id = $1', [
      letter.id,
      deps.clock.now(),
      plain.id,
    ])
    return { ...outcome, documentId: delivery.documentIds[0] ?? plain.id }
  })
}

/** The approved letter, ending with the list of what is enclosed, followed by the enclosed files, as one PDF. */
async function responsePdf(deps: AppDeps, tx: Tx, state: CaseState, controller: Controller, release: Release) {
  const names = release.files.map((f) => f.file.filename)
  const text = { subject: release.letter.subject, body: bodyWithEnclosures(release.letter.body, names) }
  const letterPdf = await letterPdfFor(deps, state, controller, text, (await readSettings(tx)).regulator)
  return combinePdfs(
    letterPdf,
    release.files.map((f) => f.bytes),
  )
}

interface Prepared {
  pdf: Uint8Array
  documentId: string
  context: Record<string, unknown>
}

async function deliver(tx: Tx, deps: AppDeps, actor: Actor, state: CaseState, how: SendMethod, p: Prepared) {
  const email = recipientOf(state).email
  // The answer to a regulator goes to the regulator: never by the requester's email or their portal download.
  if (state.caseType === 'regulator-case' && how.method !== 'post') {
    throw new DomainError('validation', 'regulator answers go by post or outside Rightsdesk', {
      fields: { method: 'Send the answer to the regulator by post' },
    })
  }
  switch (how.method) {
    case 'encrypted-email':
      if (!email)
        throw new DomainError('validation', 'no email address', {
          fields: {
            method: 'There is no email address for the requester: send it by post or through the online service',
          },
        })
      return encryptedEmail(tx, deps, actor, state, email, p)
    case 'portal': {
      await markReleased(tx, [p.documentId], deps.clock.now())
      await recordAudit(tx, deps, actor, {
        caseId: state.id,
        command: 'ReleaseToPortal',
        eventType: 'ResponseFileReleased',
        payload: { documentId: p.documentId },
      })
      if (email)
        await queueEmail(
          tx,
          deps,
          email,
          'response-portal',
          { ...p.context, followUrl: `${deps.baseUrl}/follow` },
          [],
          state,
        )
      return { method: 'portal', documentIds: [p.documentId] } satisfies ResponseDelivery
    }
    case 'post':
      return {
        method: 'post',
        documentIds: [p.documentId],
        doubleEnvelope: how.doubleEnvelope,
        disclaimerIncluded: how.disclaimerIncluded,
        specialDeliveryReference: how.specialDeliveryReference.replace(/\s+/g, '').toUpperCase(),
      } satisfies ResponseDelivery
  }
}

async function encryptedEmail(tx: Tx, deps: AppDeps, actor: Actor, state: CaseState, to: string, p: Prepared) {
  const password = readableSecret()
  // mupdf (WebAssembly, a few hundred ms to start) loads on the first encrypted response, not with the web server.
  const { encryptPdf } = await import('../../notifications/pdf-encrypt.js')
  const encrypted = encryptPdf(p.pdf, password, randomBytes(24).toString('hex'))
  const doc = await storeDocumentIn(tx, deps, actor, {
    caseId: state.id,
    kind: 'response',
    filename: `${state.reference}-response-password-protected.pdf`,
    contentType: 'application/pdf',
    bytes: encrypted,
  })
  // The password waits in the encrypted store until identity has been confirmed again (release-password.ts).
  const passwordKey = await deps.blobs.put(Buffer.from(password, 'utf8'))
  await tx.query(
    'INSERT INTO response_passwords (id, case_id, document_id, password_key, created_at) VALUES ($1,$2,$3,$4,$5)',
    [randomUUID(), state.id, doc.id, passwordKey, deps.clock.now()],
  )
  // The same protected file can also be downloaded in the portal (after the emailed one-time code), in case a mail
  // system strips the attachment; it still needs the password.
  await markReleased(tx, [doc.id], deps.clock.now())
  await recordAudit(tx, deps, actor, {
    caseId: state.id,
    command: 'ReleaseToPortal',
    eventType: 'ResponseFileReleased',
    payload: { documentId: doc.id, encrypted: true },
  })
  const attachment = { documentId: doc.id, filename: doc.filename }
  const context = { ...p.context, followUrl: `${deps.baseUrl}/follow` }
  await queueEmail(tx, deps, to, 'response-encrypted', context, [attachment], state)
  return { method: 'encrypted-email', documentIds: [doc.id] } satisfies ResponseDelivery
}

export async function queueEmail(
  tx: Tx,
  deps: AppDeps,
  to: string,
  template: string,
  context: Record<string, unknown>,
  attachments?: EmailJob['attachments'],
  checkedFor?: CaseState,
  secret?: EmailJob['secret'],
): Promise<void> {
  // The context comes from buildLetterContext, so it carries the privacy notice link every message must give.
  const mail = renderEmail(template, context)
  // An email to the requester about their case goes through the release gate's text check (issue 10).
  if (checkedFor)
    await checkEmail(
      tx,
      checkedFor,
      mail,
      (attachments ?? []).map((a) => a.filename),
    )
  const job: EmailJob = {
    to: [to],
    subject: mail.subject,
    text: mail.body,
    ...(attachments?.length ? { attachments } : {}),
    ...(secret ? { secret } : {}),
  }
  await deps.jobs.enqueue(tx, 'email-send', job)
}
