import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

/** The organisations one deployment serves (an OPCC, one or more forces). */
export const controllers = pgTable('controllers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  kind: text('kind').notNull(),
  details: jsonb('details').notNull().$type<Record<string, unknown>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  roles: text('roles').array().notNull(),
  controllerIds: text('controller_ids').array().notNull(),
  passwordHash: text('password_hash'),
  totpSecret: text('totp_secret'),
  /** argon2id hashes of the unused recovery codes given when the authenticator app was set up. */
  totpRecoveryCodes: text('totp_recovery_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** A team search tasks can be sent to (seed 002: the DP manager liaises with staff directly or by team). */
  team: text('team'),
  /** The last TOTP time step accepted, so a code seen over someone's shoulder cannot be used again. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** Set when an administrator resets the password: the person chooses their own at the next sign-in. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  /** How this person hears that something waits for them (issue 14): an email each time, or one daily digest. */
  notifyMode: text('notify_mode').notNull().default('immediate'),
})

/** API bearer tokens: only a SHA-256 of the token is kept, so a database leak does not leak tokens. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull(),
  /**
   * The controllers this token may act for (issue 11): a subset of its user's, fixed when it is issued. A call is
   * scoped to these and to the user's controllers at the time of the call, whichever is narrower.
   */
  controllerIds: text('controller_ids').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})

/**
 * Idempotency keys for API calls that create (issue 11; draft-ietf-httpapi-idempotency-key-header): a client that
 * retries a POST with the same `Idempotency-Key` gets the first response again instead of a second case. Scoped to the
 * token that sent it; the request's SHA-256 tells a retry from a different request reusing the key.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id),
    key: text('key').notNull(),
    requestSha256: text('request_sha256').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] })],
)

const SEARCH_KEYS_SQL = `array_remove(ARRAY[
  'email:' || nullif(lower(btrim(state #>> '{subject,email}')), ''),
  'rep-email:' || nullif(lower(btrim(state #>> '{representative,email}')), ''),
  'phone:' || rightsdesk_phone_key(state #>> '{subject,phone}'),
  'rep-phone:' || rightsdesk_phone_key(state #>> '{representative,phone}'),
  'postcode:' || nullif(upper(regexp_replace(state #>> '{subject,address,postcode}', '\\s', '', 'g')), ''),
  'dob:' || nullif(state #>> '{subject,dateOfBirth}', '')
], NULL)`

const SEARCH_NAMES_SQL = `lower(coalesce(state #>> '{subject,name}', '') || ' ' || coalesce(state #>> '{representative,name}', '')
  || ' ' || coalesce(state #>> '{subject,otherNames}', ''))`

/**
 * One row per case: the decider's snapshot in `state`, plus columns copied out of it for filtering and
 * sorting. Only the application layer writes it, in the same transaction as the case's audit events.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    controllerId: text('controller_id')
      .notNull()
      .references(() => controllers.id),
    caseType: text('case_type').notNull(),
    right: text('right'),
    status: text('status').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    assigneeId: uuid('assignee_id'),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email'),
    parentCaseId: uuid('parent_case_id'),
    version: integer('version').notNull(),
    state: jsonb('state').notNull().$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * "Find a person" (issue 14): the requester's identifiers in one normal form each ("email:a@b.org",
     * "phone:+447700900123", "postcode:SW1A1AA", "dob:1980-02-01"; "rep-email:"/"rep-phone:" for a representative),
     * computed by PostgreSQL from the state so every writer of a case keeps them right. casework/person-keys.ts
     * normalises what staff type the same way; rightsdesk_phone_key is created by the migration.
     */
    searchKeys: text('search_keys').array().notNull().generatedAlwaysAs(sql.raw(SEARCH_KEYS_SQL)),
    /** Every name on the case, lower case, for full-text and similar-spelling (pg_trgm) search. */
    searchNames: text('search_names').notNull().generatedAlwaysAs(sql.raw(SEARCH_NAMES_SQL)),
  },
  (t) => [
    index('cases_search_keys_idx').using('gin', t.searchKeys),
    index('cases_search_names_trgm_idx').using('gin', sql`${t.searchNames} gin_trgm_ops`),
    index('cases_search_names_tsv_idx').using('gin', sql`to_tsvector('simple'::regconfig, ${t.searchNames})`),
    index('cases_status_idx').on(t.status),
    index('cases_due_on_idx').on(t.dueOn),
    index('cases_controller_idx').on(t.controllerId),
    index('cases_requester_name_idx').on(sql`lower(${t.requesterName})`),
  ],
)

/** Per controller and year: the next case number, so references are short and never reused. */
export const referenceCounters = pgTable('reference_counters', {
  key: text('key').primaryKey(),
  next: integer('next').notNull(),
})

/**
 * The audit trail: a single hash chain over every event in the system (case changes, views, sign-ins,
 * API calls). `hash = sha256(prevHash ‖ canonical(envelope))`, where the envelope carries `payloadHash`
 * rather than the payload, so a payload can later be redacted for retention (issue: disposal) while the
 * chain still verifies. `seq` is contiguous; `audit_head` holds the last hash so a deleted tail shows.
 * `seal` is an HMAC of `hash` under a key derived from the audit signing key, which is never in the database, so a
 * chain recomputed or extended without that key shows (docs/adr/0008-audit-checkpoints.md).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    caseId: uuid('case_id'),
    actorId: text('actor_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    command: text('command').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<unknown>(),
    payloadHash: text('payload_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    redactedAt: timestamp('redacted_at', { withTimezone: true, mode: 'string' }),
    seal: text('seal'),
  },
  (t) => [index('audit_events_case_idx').on(t.caseId, t.seq)],
)

export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
})

/** Extra non-working days an administrator adds (e.g. a one-off bank holiday proclaimed after release). */
export const extraHolidays = pgTable('extra_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * Server-side sessions: staff sign-ins and the public's in-progress forms. The cookie carries a random
 * token; only its SHA-256 is stored here, so a database leak does not hand out live sessions.
 */
export const webSessions = pgTable(
  'web_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    kind: text('kind').notNull(),
    userId: uuid('user_id'),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('web_sessions_expires_idx').on(t.expiresAt), index('web_sessions_user_idx').on(t.userId)],
)

/**
 * Files held for a case (identity evidence, the original request, search material, letters, responses).
 * The bytes live encrypted in the blob store under `storageKey`; a purge deletes them and keeps this row
 * (without the key) as the record of what was held and when it was destroyed.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id'),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256'),
    storageKey: text('storage_key'),
    uploadedBy: text('uploaded_by').notNull(),
    releasedToRequesterAt: timestamp('released_to_requester_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    purgeReason: text('purge_reason'),
  },
  (t) => [index('documents_case_idx').on(t.caseId)],
)

/** Deployment settings an administrator can change (copy list, reminder rules, signposts, regulator). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull().$type<unknown>(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
export * from './governance.js'
export * from './casework.js'
export * from './disclosure.js'
export * from './release.js'
export * from './discovery.js'
export * from './audit.js'
export * from './staff-security.js'
export * from './portal-feedback.js'
