import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * The release gate (issue 10): documents the DP manager has marked "disclose in full", so that they may be sent to
 * the requester as they are. A marking records why, and, where the document holds other people's data, on what
 * basis it is disclosed (their consent, or that it is reasonable without it: DPA 2018 Sch 2 para 16(1)). Changing a
 * marking withdraws the old row and adds a new one, so what an approval was bound to can always be told apart.
 */
export const releaseMarkings = pgTable(
  'release_markings',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    documentId: uuid('document_id').notNull(),
    /** The file's SHA-256 when it was marked: the marking covers those bytes and no others. */
    documentSha256: text('document_sha256').notNull(),
    reason: text('reason').notNull(),
    /** 'none' (only the requester's own data), 'consent' or 'reasonable'. */
    thirdParty: text('third_party').notNull(),
    /** For 'consent' and 'reasonable': the decision as recorded (who consented, or the factors weighed). */
    thirdPartyDecision: text('third_party_decision'),
    markedBy: text('marked_by').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
    withdrawnBy: text('withdrawn_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('release_markings_case_idx').on(t.caseId),
    uniqueIndex('release_markings_current_idx')
      .on(t.documentId)
      .where(sql`withdrawn_at IS NULL`),
  ],
)
