import { randomUUID } from 'node:crypto'
import type { CaseState } from '../../domain/index.js'
import { formatLongDate, localDateInLondon } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import { markReleased } from '../../persistence/repositories/document-repository.js'
import { letterEmail, letterToPdf, type LetterTemplateId } from '../../notifications/letters.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../deps.js'
import type { EmailJob } from '../follow-up-jobs.js'
import { storeDocumentIn } from '../store-document.js'
import { recordAudit } from './audit.js'
import { letterheadOf, recipientOf } from './letter-context.js'
import { readSettings, type RegulatorDetails } from './settings.js'
import { checkEmail } from '../release/letter-check.js'
import type { Controller } from '../../domain/index.js'

export interface LetterText {
  template: LetterTemplateId
  subject: string
  body: string
}

export interface StoredLetter {
  id: string
  version: number
  documentId: string
}

/** Government Security Classifications: personal information about an individual is OFFICIAL-SENSITIVE. */
export const LETTER_MARKING = 'OFFICIAL-SENSITIVE'

/** The PDF of a letter on the controller's letterhead, dated today. */
export async function letterPdfFor(
  deps: Pick<AppDeps, 'clock'>,
  state: CaseState,
  controller: Controller,
  letter: { subject: string; body: string },
  regulator?: RegulatorDetails,
): Promise<Uint8Array> {
  const recipient = recipientOf(state, regulator)
  return letterToPdf({
    letterhead: letterheadOf(controller),
    recipient: { name: recipient.name, addressLines: recipient.addressLines },
    date: formatLongDate(localDateInLondon(deps.clock.now())),
    reference: state.reference,
    subject: letter.subject,
    body: letter.body,
    marking: LETTER_MARKING,
  })
}

export async function nextLetterVersion(tx: Tx, caseId: string): Promise<number> {
  const r = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM letters WHERE case_id = $1', [caseId])
  return (r.rows[0]?.v ?? 0) + 1
}

/**
 * Sends a notice straight away (acknowledgements and requests do not need a reviewer): keeps the text and its PDF,
 * emails both to the requester when there is an address, and records it. With no email address the PDF is there to
 * print and post, and the case page says so.
 */
export async function sendLetterIn(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  controller: Controller,
  letter: LetterText,
  privacyUrl: string,
): Promise<StoredLetter> {
  // A notice is checked like a response: nothing the case redacted goes out in it (issue 10).
  await checkEmail(tx, state, letter, [], 'letter')
  const pdf = await letterPdfFor(deps, state, controller, letter, (await readSettings(tx)).regulator)
  const doc = await storeDocumentIn(tx, deps, actor, {
    caseId: state.id,
    kind: 'letter',
    filename: `${state.reference}-${letter.template}.pdf`,
    contentType: 'application/pdf',
    bytes: pdf,
  })
  const id = randomUUID()
  const version = await nextLetterVersion(tx, state.id)
  await tx.query(
    `INSERT INTO letters (id, case_id, template, version, subject, body, created_by, pdf_document_id, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, state.id, letter.template, version, letter.subject, letter.body, actor.id, doc.id, deps.clock.now()],
  )
  // The letter passed the release gate's check above and is addressed to the requester, so the same PDF may be
  // downloaded from their follow page (issue 14). A regulator's letter is not the requester's to download.
  if (state.caseType !== 'regulator-case') await markReleased(tx, [doc.id], deps.clock.now())
  const to = recipientOf(state).email
  if (to) {
    const mail = letterEmail(letter, privacyUrl)
    const job: EmailJob = {
      to: [to],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: [{ documentId: doc.id, filename: doc.filename }],
    }
    await deps.jobs.enqueue(tx, 'email-send', job)
  }
  await recordAudit(tx, deps, actor, {
    caseId: state.id,
    command: 'SendLetter',
    eventType: 'LetterSent',
    payload: { letterId: id, template: letter.template, title: letter.subject, email: Boolean(to), documentId: doc.id },
  })
  return { id, version, documentId: doc.id }
}
