import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Refused access attempts, folded per actor and route (issue 11). The first refusal in a minute becomes an
 * `access.refused` audit event; later ones in that minute are only counted here, and the count is written to the
 * trail by the next event for the same actor and route, or by a summary event before each checkpoint. A scan of
 * thousands of ids thus costs the trail a few events a minute, and still shows how many there were.
 */
export const accessRefusals = pgTable(
  'access_refusals',
  {
    actorId: text('actor_id').notNull(),
    /** Method and route pattern ("GET /staff/cases/:id"), so a scan over many ids folds into one row. */
    route: text('route').notNull(),
    /** When the last audit event for this actor and route was written. */
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** Refusals since then that are not yet in the audit trail. */
    folded: integer('folded').notNull().default(0),
    firstFoldedAt: timestamp('first_folded_at', { withTimezone: true }),
    lastFoldedAt: timestamp('last_folded_at', { withTimezone: true }),
    /** Up to ten of the case ids asked for among the folded refusals (which cases were probed). */
    caseIds: text('case_ids').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.route] })],
)
