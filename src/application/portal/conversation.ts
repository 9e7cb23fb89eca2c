import type { CaseState } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import type { DocumentRecord } from '../../persistence/repositories/document-repository.js'

/** A file shown with a letter or message; `downloadable` only when the release gate has released it to them. */
export interface ConversationFile {
  id: string
  filename: string
  downloadable: boolean
}

/** One thing that passed between the office and the requester: a letter we sent, or a message either way. */
export interface ConversationItem {
  id: string
  kind: 'letter' | 'message'
  direction: 'in' | 'out'
  subject: string | null
  body: string
  at: Date
  files: ConversationFile[]
}

/**
 * Everything sent to and received from the requester, newest first. Letters (acknowledgement, clarification request,
 * extension notice, the response) are part of the conversation: the portal said "see our message below" and then
 * showed neither letter (issue 14). Files are offered for download only if `isReleased` says the release gate let
 * them go to the requester; anything else is named (so they know it exists) but not linked.
 *
 * The answer to a regulator case goes to the regulator, never to the requester's portal, so its letters are left out.
 */
export async function conversationOf(
  db: Queryable,
  state: CaseState,
  documents: readonly DocumentRecord[],
  isReleased: (d: DocumentRecord) => boolean,
): Promise<ConversationItem[]> {
  const byId = new Map(documents.map((d) => [d.id, d]))
  const fileOf = (id: string): ConversationFile[] => {
    const d = byId.get(id)
    return d ? [{ id: d.id, filename: d.filename, downloadable: isReleased(d) }] : []
  }
  // One after the other: inside a transaction the queries share a connection.
  const letters =
    state.caseType === 'regulator-case'
      ? { rows: [] }
      : await db.query<{
          id: string
          subject: string
          body: string
          sent_at: Date
          pdf_document_id: string | null
          attachment_document_ids: string[] | null
        }>(
          `SELECT id, subject, body, sent_at, pdf_document_id, attachment_document_ids FROM letters
            WHERE case_id = $1 AND sent_at IS NOT NULL`,
          [state.id],
        )
  const messages = await db.query<{
    id: string
    direction: 'in' | 'out'
    body: string
    created_at: Date
    document_ids: string[]
  }>('SELECT id, direction, body, created_at, document_ids FROM case_messages WHERE case_id = $1', [state.id])
  const items: ConversationItem[] = [
    ...letters.rows.map((l) => ({
      id: l.id,
      kind: 'letter' as const,
      direction: 'out' as const,
      subject: l.subject,
      body: l.body,
      at: l.sent_at,
      // The response PDF already holds what was enclosed, so its separate enclosures are not listed again.
      files: l.pdf_document_id ? fileOf(l.pdf_document_id) : (l.attachment_document_ids ?? []).flatMap(fileOf),
    })),
    ...messages.rows.map((m) => ({
      id: m.id,
      kind: 'message' as const,
      direction: m.direction,
      subject: null,
      body: m.body,
      at: m.created_at,
      files: m.document_ids.flatMap(fileOf),
    })),
  ]
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
}
