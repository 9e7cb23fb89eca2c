import { randomUUID } from 'node:crypto'
import type { Actor } from '../../application/actor.js'
import type { AppDeps } from '../../application/deps.js'
import { responseOutcomes } from '../../application/casework/draft-letter.js'
import { buildLetterContext } from '../../application/casework/letter-context.js'
import { insertLetter } from '../../application/casework/letter-repository.js'
import { nextLetterVersion } from '../../application/casework/send-letter.js'
import { writeSetting } from '../../application/casework/settings.js'
import { addDays } from '../../domain/index.js'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { storeDocumentIn } from '../../application/store-document.js'
import { withoutEnclosedLines } from '../../application/release/enclosures.js'
import type { CaseState, Command } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import { renderLetter, templateForOutcome } from '../../notifications/letters.js'
import { demoEmail } from './demo-controllers.js'

/**
 * A draft submitted in the demo gets a real response letter from the templates, so the reviewer can read what they
 * approve and the DP manager can send it. Returns the command with the letter attached. An access request discloses
 * the requester's own records: a short PDF marked "disclose in full" (nothing about anyone else), attached as the
 * release gate requires. The year of history was answered before the office used Rightsdesk for letters (`letters`
 * false): its drafts carry no letter.
 */
export async function withDemoLetter(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  command: Exclude<Command, { type: 'LogRequest' }>,
  letters = true,
): Promise<Exclude<Command, { type: 'LogRequest' }>> {
  if (command.type !== 'SubmitDraft' || command.letterId || !letters) return command
  const outcome = responseOutcomes(state)[0]
  if (!outcome) return command
  const attachmentDocumentIds = outcome === 'disclosed-in-full' ? [await demoRecords(tx, deps, actor, state)] : []
  const { context } = await buildLetterContext(tx, deps, state, actor, { exemptionCodes: [] })
  const template = templateForOutcome(outcome)
  const id = randomUUID()
  const text = renderLetter(template, context)
  await insertLetter(tx, {
    id,
    caseId: state.id,
    template,
    version: await nextLetterVersion(tx, state.id),
    subject: text.subject,
    body: withoutEnclosedLines(text.body),
    createdBy: actor.id,
    outcome,
    exemptionCodes: [],
    attachmentDocumentIds,
  })
  return { ...command, letterId: id }
}

/** The requester's own records for a demo access request, marked "disclose in full" as a DP manager would. */
async function demoRecords(tx: Tx, deps: AppDeps, actor: Actor, state: CaseState): Promise<string> {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595.28, 841.89])
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const lines = [
    `Records held about ${state.subject.name} (${state.reference})`,
    '',
    `Request received: ${state.request.description}`,
    'Contact history: emails and letters exchanged with the office about this request.',
  ]
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 11, font }))
  const doc = await storeDocumentIn(tx, deps, actor, {
    caseId: state.id,
    kind: 'material',
    filename: `${state.reference}-records.pdf`,
    contentType: 'application/pdf',
    bytes: await pdf.save(),
  })
  await tx.query(
    `INSERT INTO release_markings (id, case_id, document_id, document_sha256, reason, third_party, marked_by, marked_at)
     VALUES ($1, $2, $3, $4, $5, 'none', $6, $7)`,
    [
      randomUUID(),
      state.id,
      doc.id,
      doc.sha256,
      'The requester’s own records; nothing about anyone else.',
      `user:${actor.id}`,
      deps.clock.now(),
    ],
  )
  return doc.id
}

/** The office's settings for the demo: seed 002's copy list, reminders as the issue describes. */
export async function seedDemoSettings(tx: Tx, at: Date): Promise<void> {
  await writeSetting(
    tx,
    'copyList',
    [
      { name: 'Helen Ashworth', role: 'Chief Executive', email: demoEmail('chief-executive') },
      { name: 'Priya Raman', role: 'Head of Policy Coordination and Research', email: demoEmail('reviewer') },
      { name: 'Grace Liu', role: 'Head of Standards and Regulation', email: demoEmail('copy-recipient') },
      {
        name: 'Communications Manager',
        role: 'Communications Manager',
        email: 'communications@opcc.northshire.example',
      },
    ],
    'system',
    at,
  )
}

/** A search task for the demo member of staff on a case being worked, so "My tasks" is not empty. */
export async function seedDemoTask(
  tx: Tx,
  state: CaseState,
  by: string,
  staffId: string,
  today: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO search_tasks (id, case_id, assignee_id, due_on, identifiers, scope, instructions, status, document_ids,
       created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', '{}', $8)`,
    [
      randomUUID(),
      state.id,
      staffId,
      addDays(today, 3),
      JSON.stringify([state.subject.name, state.subject.email ?? '']),
      JSON.stringify(['live', 'closed', 'archived', 'email']),
      'Notes and emails from the meeting with the Deputy Commissioner.',
      by,
    ],
  )
}
