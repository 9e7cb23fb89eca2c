import { DomainError } from '../../domain/index.js'
import type { CaseState } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { findLetter, listLetters, type LetterRecord } from './letter-repository.js'

/**
 * The one letter that may be sent: the version the reviewer approved (four-eyes, seed 002), or for an appeal the
 * outcome letter written with the Chief Executive's decision (the decision is the sign-off).
 */
export async function approvedLetterIn(db: Queryable, state: CaseState): Promise<LetterRecord> {
  if (state.status !== 'approved') {
    throw new DomainError('approval-required', `case ${state.id} is ${state.status}`)
  }
  if (state.caseType === 'review') {
    const letter = (await listLetters(db, state.id)).find((l) => l.template === 'appeal-outcome' && !l.sentAt)
    if (letter) return letter
  } else if (state.draft?.letterId && state.approval?.version === state.draft.version) {
    const letter = await findLetter(db, state.id, state.draft.letterId)
    if (letter && !letter.sentAt) return letter
  }
  throw new DomainError('approval-required', `no approved letter for case ${state.id}`, {
    userMessage: 'There is no approved response letter to send. Draft the response and have it approved first.',
  })
}
