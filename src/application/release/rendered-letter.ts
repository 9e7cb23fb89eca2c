import type { Queryable } from '../../persistence/db.js'
import { bodyWithEnclosures } from './enclosures.js'

/** The file names of a letter's attachments, in the order attached (for its "Enclosed" list). */
export async function enclosedNames(db: Queryable, caseId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const r = await db.query<{ id: string; filename: string }>(
    'SELECT id, filename FROM documents WHERE case_id = $1 AND id = ANY($2::uuid[])',
    [caseId, ids],
  )
  const names = new Map(r.rows.map((row) => [row.id, row.filename]))
  return ids.flatMap((id) => names.get(id) ?? [])
}

/** A letter as the requester will read it: its text, ending with the list of the files attached to it now. */
export async function letterAsSent(
  db: Queryable,
  letter: { caseId: string; subject: string; body: string; attachmentDocumentIds: readonly string[] },
): Promise<{ subject: string; body: string }> {
  const names = await enclosedNames(db, letter.caseId, letter.attachmentDocumentIds)
  return { subject: letter.subject, body: bodyWithEnclosures(letter.body, names) }
}
