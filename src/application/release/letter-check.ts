import { createHash } from 'node:crypto'
import { DomainError, exemptionByCode, type CaseState, type Outcome } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { canonicalJson } from '../../persistence/canonical-json.js'
import { isCommonWord, secretsOfCase } from './case-secrets.js'
import { enclosedList, enclosureProblems } from './enclosures.js'
import { pdfMetadataTexts } from './pdf-metadata.js'
import type { CaseSecret } from './redacted-strings.js'
import { findRedactedText, paragraphs, type OutgoingText, type RedactedTextFound } from './text-check.js'

/** What of a letter the gate checks and binds. */
export interface GateLetter {
  template: string
  subject: string
  body: string
  outcome: Outcome | null
  exemptionCodes: readonly string[]
  attachmentDocumentIds: readonly string[]
}

/** The hash an approval is bound to: the letter's text, outcome, exemptions and the files it names. */
export function letterSha256(l: GateLetter): string {
  const bound = {
    template: l.template,
    subject: l.subject,
    body: l.body,
    outcome: l.outcome,
    exemptionCodes: l.exemptionCodes,
    attachmentDocumentIds: l.attachmentDocumentIds,
  }
  return createHash('sha256').update(canonicalJson(bound), 'utf8').digest('hex')
}

/** Everything of a response letter the requester reads: subject, each paragraph, the "Enclosed" list, file names. */
export function letterTexts(letter: Pick<GateLetter, 'subject' | 'body'>, names: readonly string[]): OutgoingText[] {
  return [
    { place: 'letter subject', field: 'subject', text: letter.subject },
    ...paragraphs('letter body', 'body', letter.body),
    ...(names.length ? [{ place: '“Enclosed” list', field: 'attachmentDocumentIds', text: enclosedList(names) }] : []),
    ...names.map((name, i) => ({
      place: `file name of attachment ${i + 1}`,
      field: 'attachmentDocumentIds',
      text: name,
    })),
  ]
}

/** The metadata of an outgoing PDF as places ("PDF metadata (title) of attachment 1"). */
export async function pdfTexts(bytes: Uint8Array, label: string): Promise<OutgoingText[]> {
  const fields = await pdfMetadataTexts(bytes).catch(() => {
    throw new DomainError('not-releasable', `${label} could not be read as a PDF`, {
      fields: { attachmentDocumentIds: `${label} could not be read as a PDF, so its metadata cannot be checked.` },
    })
  })
  return fields.map((f) => ({
    place: `PDF metadata (${f.field}) of ${label}`,
    field: 'attachmentDocumentIds',
    text: f.text,
  }))
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** "Letter body, paragraph 3: “Thornley” was redacted in this case (Information about other people, DPA …)." */
export function findingMessage(f: RedactedTextFound): string {
  const e = exemptionByCode(f.exemptionCode)
  const law = e ? `${e.shortName}, ${e.citation}` : f.exemptionCode
  return `${capitalised(f.place)}: “${f.found}” was redacted in this case (${law}).`
}

/** Refuses, naming each place and the exemption, when outgoing text holds something the case redacted. */
export function refuseFindings(found: readonly RedactedTextFound[]): void {
  if (found.length === 0) return
  const fields: Record<string, string> = {}
  for (const f of found) fields[f.field] = `${fields[f.field] ? `${fields[f.field]} ` : ''}${findingMessage(f)}`
  for (const k of Object.keys(fields)) fields[k] = `${fields[k]} Remove it before the response goes out.`
  throw new DomainError('redacted-text', `outgoing text holds ${found.length} redacted string(s)`, {
    userMessage: 'The response mentions something this case redacted. Remove it before the response goes out.',
    fields,
  })
}

/** Checks outgoing texts against the case's redacted strings (found once per case per check). */
export function checkTexts(texts: readonly OutgoingText[], secrets: readonly CaseSecret[]): void {
  if (secrets.length) refuseFindings(findRedactedText(texts, secrets, isCommonWord))
}

/**
 * The checks of a response letter with its files (at submission, at approval and again at release): it encloses what
 * it says it encloses, and no text the requester will read (subject, paragraphs, "Enclosed" list, file names, PDF
 * metadata) holds a string the case redacted.
 */
export async function checkLetter(
  db: Queryable,
  state: CaseState,
  letter: GateLetter,
  files: readonly { filename: string; bytes?: Uint8Array }[],
): Promise<void> {
  const problems = enclosureProblems({ ...letter, attachmentCount: files.length })
  if (Object.keys(problems).length) {
    throw new DomainError('nothing-enclosed', 'response encloses nothing', {
      userMessage: Object.values(problems)[0]!,
      fields: problems,
    })
  }
  const secrets = await secretsOfCase(db, state)
  if (secrets.length === 0) return
  const texts = letterTexts(
    letter,
    files.map((f) => f.filename),
  )
  for (const [i, f] of files.entries()) if (f.bytes) texts.push(...(await pdfTexts(f.bytes, `attachment ${i + 1}`)))
  checkTexts(texts, secrets)
}

/**
 * An email to the requester, a portal message or a notice letter: subject, each paragraph and attachment names are
 * checked like a response (`where` names it: "email", "message", "letter").
 */
export async function checkEmail(
  db: Queryable,
  state: CaseState,
  mail: { subject: string; body: string },
  attachmentNames: readonly string[] = [],
  where = 'email',
): Promise<void> {
  const secrets = await secretsOfCase(db, state)
  if (secrets.length === 0) return
  checkTexts(
    [
      ...(mail.subject ? [{ place: `${where} subject`, field: 'subject', text: mail.subject }] : []),
      ...paragraphs(`${where} body`, 'body', mail.body),
      ...attachmentNames.map((n) => ({ place: `file name of the ${where} attachment`, field: 'body', text: n })),
    ],
    secrets,
  )
}

/** The response file as it goes out (letter and enclosures in one PDF): its name and metadata. */
export async function checkResponseFile(db: Queryable, state: CaseState, filename: string, pdf: Uint8Array) {
  const secrets = await secretsOfCase(db, state)
  if (secrets.length === 0) return
  checkTexts(
    [{ place: 'file name of the response', field: 'body', text: filename }, ...(await pdfTexts(pdf, 'the response'))],
    secrets,
  )
}
