import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './index.js'

/**
 * Administrator changes that need a second administrator (issue 11: duties separated for admins): granting roles or
 * organisations, creating an account, resetting a password or an authenticator app, and relaxing who must use a
 * second factor. One admin proposes, another approves or rejects; neither may act on their own account.
 */
export const adminChanges = pgTable(
  'admin_changes',
  {
    id: uuid('id').primaryKey(),
    /** grant-access | create-user | reset-password | reset-two-factor | security-settings */
    kind: text('kind').notNull(),
    /** The account the change is about (null for a new account or a deployment setting). */
    targetUserId: uuid('target_user_id').references(() => users.id),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** The organisations the change touches: their DP managers are told, and both admins must hold them. */
    controllerIds: text('controller_ids').array().notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('admin_changes_status_idx').on(t.status, t.proposedAt)],
)

/**
 * Failed sign-ins counted per client address and per account (by hashes, so the table names nobody), in the database
 * so the limits hold across restarts and across several web processes (NCSC password guidance: throttle guessing;
 * OWASP ASVS 2.2.1). The account key is the hash of the address typed, whether or not an account has it, so the
 * answer never tells which addresses are real.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    /** 'ip' or 'account' */
    scope: text('scope').notNull(),
    keyHash: text('key_hash').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.keyHash] })],
)

/** One-time links to set a password (after an approved reset, or for a new account): only the SHA-256 is kept. */
export const passwordSetTokens = pgTable(
  'password_set_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_set_tokens_user_idx').on(t.userId)],
)
