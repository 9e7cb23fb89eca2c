import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Answers to the GOV.UK feedback page at the end of each public journey ("Service Manual: measuring user
 * satisfaction"). Anonymous: no case, session or address is kept with it, so it is nobody's personal data unless
 * someone types their own details into the free text.
 */
export const portalFeedback = pgTable(
  'portal_feedback',
  {
    id: uuid('id').primaryKey(),
    /** Which organisation's journey it came from, when known; null for the general feedback link. */
    controllerId: text('controller_id'),
    /** Which journey: request, complaint, withdraw or general. */
    journey: text('journey').notNull(),
    satisfaction: text('satisfaction').notNull(),
    improvement: text('improvement').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portal_feedback_created_idx').on(t.createdAt)],
)
