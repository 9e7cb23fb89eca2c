import { randomUUID } from 'node:crypto'
import type { Actor } from '../../application/actor.js'
import type { AppDeps } from '../../application/deps.js'
import { responseOutcomes } from '../../application/casework/draft-letter.js'
import { buildLetterContext } from '../../application/casework/letter-context.js'
import { insertLetter } from '../../application/casework/letter-repository.js'
import { nextLetterVersion } from '../../application/casework/send-letter.js'
import { writeSetting } from '../../application/casework/settings.js'
import { addDays } from '../../domain/index.js'
import type { CaseState, Command } from '../../domain/index.js'
import type { Tx } from '../../persistence/db.js'
import { renderLetter, templateForOutcome } from '../../notifications/letters.js'
import { demoEmail } from './demo-controllers.js'

/**
 * A draft submitted in the demo gets a real response letter from the templates, so the reviewer can read what they
 * approve and the DP manager can send it. Returns the command with the letter attached.
 */
export async function withDemoLetter(
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  state: CaseState,
  command: Exclude<Command, { type: 'LogRequest' }>,
): Promise<Exclude<Command, { type: 'LogRequest' }>> {
  if (command.type !== 'SubmitDraft' || command.letterId) return command
  const outcome = responseOutcomes(state)[state.right === 'access' && !state.refusal ? 1 : 0]
  if (!outcome) return command
  const codes = outcome === 'disclosed-in-part' ? [state.route === 'DPA_PART3' ? 'LE_45_4_E' : 'S2P3_16_THIRD'] : []
  const { context } = await buildLetterContext(tx, deps, state, actor, { exemptionCodes: codes })
  const template = templateForOutcome(outcome)
  const id = randomUUID()
  await insertLetter(tx, {
    id,
    caseId: state.id,
    template,
    version: await nextLetterVersion(tx, state.id),
    ...renderLetter(template, context),
    createdBy: actor.id,
    outcome,
    exemptionCodes: codes,
    attachmentDocumentIds: [],
  })
  return { ...command, letterId: id }
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
