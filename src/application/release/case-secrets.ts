import { gazetteers } from '../../disclosure/detect/gazetteer.js'
import type { CaseState } from '../../domain/index.js'
import type { Queryable } from '../../persistence/db.js'
import { findController } from '../../persistence/repositories/controller-repository.js'
import { protectedStrings } from '../disclosure/case-access.js'
import { readSettings } from '../casework/settings.js'
import { caseSecrets, type CaseSecret, type RedactedText } from './redacted-strings.js'

/**
 * The strings this case redacted (its accepted redactions, and those of the case it is about, for an appeal, a
 * complaint or a regulator's enquiry), less the requester's own identifiers and the office's own name and contacts,
 * which letters must be able to say.
 */
export async function secretsOfCase(db: Queryable, state: CaseState): Promise<CaseSecret[]> {
  const caseIds = [state.id, ...(state.parentCaseId ? [state.parentCaseId] : [])]
  const r = await db.query<{ text: string; type: string; exemption_code: string }>(
    `SELECT text, type, exemption_code FROM redactions
      WHERE case_id = ANY($1::uuid[]) AND status = 'accepted' AND text <> '' ORDER BY created_at, id`,
    [caseIds],
  )
  if (r.rows.length === 0) return []
  const redacted: RedactedText[] = r.rows.map((row) => ({
    text: row.text,
    type: row.type,
    exemptionCode: row.exemption_code,
  }))
  const controller = await findController(db, state.controllerId)
  const regulator = (await readSettings(db)).regulator
  const own = [
    ...protectedStrings(state),
    ...(state.representative?.name ? [state.representative.name] : []),
    ...(controller
      ? [controller.name, controller.shortName, controller.contact.email, ...controller.contact.postalAddress]
      : []),
    regulator.name,
  ]
  return caseSecrets(redacted, own)
}

/** A common English word is never taken for a misspelt name ("brown" is not "Browne"). */
export function isCommonWord(word: string): boolean {
  const g = gazetteers()
  return g.words.has(word) || g.stop.has(word)
}
