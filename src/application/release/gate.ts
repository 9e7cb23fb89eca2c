import { createHash } from 'node:crypto'
import { DomainError, type BoundFile, type CaseState, type Command } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { LETTER_TEMPLATES } from '../../notifications/letters.js'
import type { AppDeps } from '../deps.js'
import { approvedLetterIn } from '../casework/approved-letter.js'
import { findLetter, listLetters, type LetterRecord } from '../casework/letter-repository.js'
import { checkLetter, letterSha256 } from './letter-check.js'
import { basisKey, caseReleasables, requireReleasable, type ReleasableFile } from './releasable-files.js'

/**
 * The release gate (issue 10, DESIGN §8): the one path by which a letter and its files reach a requester. At
 * submission it checks the letter and binds the exact text and files (by SHA-256) to the draft; the reviewer approves
 * that binding; at release everything is checked again and must still match what was approved.
 */

type SubmitDraft = Extract<Command, { type: 'SubmitDraft' }>

const isResponse = (l: LetterRecord) => LETTER_TEMPLATES[l.template].kind === 'response'

/** The response letter in hand: the newest unsent version. An older version is superseded by it. */
export async function latestResponseDraft(db: Queryable, caseId: string): Promise<LetterRecord | null> {
  return (await listLetters(db, caseId)).find((l) => isResponse(l) && !l.sentAt) ?? null
}

function bound(f: ReleasableFile): BoundFile {
  return { documentId: f.documentId, sha256: f.sha256, basis: basisKey(f.basis) }
}

/**
 * Checks a draft submitted for review and binds it: the letter's own version number (not a count of submissions:
 * issue 10 found "version 3" recorded as "version 1"), its text's hash, and each file's hash and basis.
 */
export async function bindSubmission(db: Queryable, state: CaseState, cmd: SubmitDraft): Promise<SubmitDraft> {
  // Without a letter, the draft was written outside Rightsdesk: nothing can be sent from Rightsdesk on it.
  if (!cmd.letterId) return { ...cmd, letterSha256: undefined, files: undefined }
  const letter = await findLetter(db, state.id, cmd.letterId)
  if (!letter || !isResponse(letter) || letter.sentAt) {
    throw new DomainError('not-found', `no draft response ${cmd.letterId}`)
  }
  const latest = await latestResponseDraft(db, state.id)
  if (latest && latest.id !== letter.id) {
    throw new DomainError('conflict', `letter version ${letter.version} is superseded by ${latest.version}`, {
      userMessage: `Version ${latest.version} of this letter has been saved since version ${letter.version}: submit that one.`,
    })
  }
  const files = await requireReleasable(db, state.id, letter.attachmentDocumentIds)
  await checkLetter(db, state, letter, files)
  return { ...cmd, version: letter.version, letterSha256: letterSha256(letter), files: files.map(bound) }
}

export interface Binding {
  letterId?: string
  version?: number
  letterSha256?: string
  files?: readonly BoundFile[]
}

/**
 * What has changed since a letter and its files were bound (empty when nothing has): a new letter version, the text
 * itself, a rebuilt bundle, new decisions, a changed marking, different bytes.
 */
export async function changesSince(db: Queryable, state: CaseState, b: Binding): Promise<string[]> {
  const letter = b.letterId ? await findLetter(db, state.id, b.letterId) : null
  if (!letter || !b.letterSha256) return ['the letter approved is not held, or was approved before the release gate']
  const reasons: string[] = []
  const latest = await latestResponseDraft(db, state.id)
  if (latest && latest.id !== letter.id) reasons.push(`version ${latest.version} of the letter has been saved since`)
  if (letterSha256(letter) !== b.letterSha256) reasons.push(`the text of version ${letter.version} has changed`)
  const { files, heldBack } = await caseReleasables(db, state.id)
  const now = new Map(files.map((f) => [f.documentId, f]))
  const held = new Map(heldBack.map((h) => [h.documentId, h]))
  for (const f of b.files ?? []) {
    const current = now.get(f.documentId)
    const name = current?.filename ?? held.get(f.documentId)?.filename ?? 'a file'
    if (!current) reasons.push(`${name} may no longer be sent (${held.get(f.documentId)?.why ?? 'it is not held'})`)
    else if (basisKey(current.basis) !== f.basis)
      reasons.push(
        f.basis.startsWith('bundle:')
          ? `the bundle was built again`
          : `the “disclose in full” marking of ${name} changed`,
      )
    else if (current.sha256 !== f.sha256) reasons.push(`${name} is not the file that was approved`)
  }
  return reasons
}

function mismatch(reasons: string[], when: 'approve' | 'release'): DomainError {
  const what = reasons.join('; ')
  return new DomainError('approval-mismatch', `${when}: ${what}`, {
    userMessage:
      when === 'approve'
        ? `This draft has changed since it was submitted (${what}). Return it so the drafter can submit it again.`
        : `What would be sent is not what was approved (${what}). Open the letter and submit it for approval again.`,
  })
}

/**
 * The gate's part in every command (application/apply-command.ts): a draft submitted is checked and bound; an
 * approval is refused if what was submitted has changed since, or now mentions something redacted since.
 */
export async function gateCommand(db: Queryable, state: CaseState | null, command: Command): Promise<Command> {
  if (!state) return command
  if (command.type === 'SubmitDraft') return bindSubmission(db, state, command)
  if (command.type === 'Approve' && state.draft?.letterId) {
    const reasons = await changesSince(db, state, state.draft)
    if (reasons.length) throw mismatch(reasons, 'approve')
    const letter = (await findLetter(db, state.id, state.draft.letterId))!
    const files = await requireReleasable(db, state.id, letter.attachmentDocumentIds)
    await checkLetter(db, state, letter, files)
  }
  return command
}

export interface Release {
  letter: LetterRecord
  files: { file: ReleasableFile; bytes: Uint8Array }[]
}

/**
 * Opens the approved response for release, or refuses: the approval must still match the letter and files exactly
 * (each file's bytes hashed again now), every file must still be releasable, and the text and PDF metadata must hold
 * nothing the case redacted — including anything redacted after approval.
 */
export async function openRelease(deps: AppDeps, db: Queryable, state: CaseState): Promise<Release> {
  const letter = await approvedLetterIn(db, state)
  const a = state.approval
  if (state.caseType === 'review') {
    // An appeal's outcome letter is written from the Chief Executive's decision, which is its sign-off.
    if (a?.letterId && a.letterId !== letter.id) throw mismatch(['another letter was written since'], 'release')
  } else {
    const reasons = await changesSince(db, state, a ?? {})
    if (reasons.length) throw mismatch(reasons, 'release')
  }
  const chosen = await requireReleasable(db, state.id, letter.attachmentDocumentIds)
  const files: Release['files'] = []
  for (const file of chosen) {
    const bytes = new Uint8Array(await deps.blobs.get(file.storageKey))
    const sha = createHash('sha256').update(bytes).digest('hex')
    const approved = a?.files?.find((f) => f.documentId === file.documentId)
    if (sha !== file.sha256 || (approved && approved.sha256 !== sha)) {
      throw mismatch([`${file.filename} is not the file that was approved`], 'release')
    }
    files.push({ file, bytes })
  }
  await checkLetter(
    db,
    state,
    letter,
    files.map((f) => ({ filename: f.file.filename, bytes: f.bytes })),
  )
  return { letter, files }
}
