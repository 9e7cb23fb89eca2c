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
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** A team search tasks can be sent to (seed 002: the DP manager liaises with staff directly or by team). */
  team: text('team'),
  /** The last TOTP time step accepted, so a code seen over someone's shoulder cannot be used again. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** Set when an administrator resets the password: the person chooses their own at the next sign-in. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
})

/** API bearer tokens: only a SHA-256 of the token is kept, so a database leak does not leak tokens. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})

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
  },
  (t) => [
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

/**
 * One-time codes that let a requester follow a case from the portal (reference + email + emailed code).
 * Only hashes are kept; a code expires, is single use, and allows a few attempts.
 */
export const accessCodes = pgTable(
  'access_codes',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('access_codes_case_idx').on(t.caseId)],
)

/** Messages between the office and the requester about a case (portal replies, office requests). */
export const caseMessages = pgTable(
  'case_messages',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    direction: text('direction').notNull(),
    body: text('body').notNull(),
    documentIds: uuid('document_ids').array().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('case_messages_case_idx').on(t.caseId, t.createdAt)],
)

/**
 * Search tasks: the DP manager asks named staff (or a team) to search their records for the requester's
 * identifiers (seed 002: live, closed and archived records), by a date; staff return material or a nil return.
 */
export const searchTasks = pgTable(
  'search_tasks',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    assigneeId: uuid('assignee_id'),
    team: text('team'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    identifiers: jsonb('identifiers').notNull().$type<string[]>(),
    scope: jsonb('scope').notNull().$type<string[]>(),
    instructions: text('instructions').notNull(),
    status: text('status').notNull(),
    nilReturn: boolean('nil_return'),
    whereSearched: text('where_searched'),
    documentIds: uuid('document_ids').array().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    lastChasedOn: date('last_chased_on', { mode: 'string' }),
  },
  (t) => [index('search_tasks_case_idx').on(t.caseId), index('search_tasks_assignee_idx').on(t.assigneeId, t.status)],
)

/** Letters drafted for a case, versioned: the text the reviewer approved is the text that is sent. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    template: text('template').notNull(),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    pdfDocumentId: uuid('pdf_document_id'),
    /** Responses: the outcome and exemptions the letter reports, so what is approved is what is recorded as sent. */
    outcome: text('outcome'),
    exemptionCodes: jsonb('exemption_codes').notNull().$type<string[]>().default([]),
    /** The disclosure files that go with the letter (PDFs, e.g. the redacted bundle). */
    attachmentDocumentIds: uuid('attachment_document_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Letters sent as soon as they are written (acknowledgements, requests) rather than drafted for review. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('letters_case_idx').on(t.caseId, t.version)],
)

/**
 * Who was copied on a case when it was logged (seed 002: the Chief Executive, Head of Policy, Head of Standards &
 * Regulation and Communications Manager). A copy recipient may read the cases they were copied on, and no others.
 */
export const caseCopies = pgTable(
  'case_copies',
  {
    caseId: uuid('case_id').notNull(),
    email: text('email').notNull(),
    userId: uuid('user_id'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.email] }), index('case_copies_user_idx').on(t.userId)],
)

/**
 * The password of a response emailed as an encrypted PDF. It is kept in the encrypted blob store (only its key
 * is here) until the officer has confirmed identity and given it to the requester separately (seed 002).
 */
export const responsePasswords = pgTable(
  'response_passwords',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    documentId: uuid('document_id').notNull(),
    passwordKey: text('password_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedVia: text('released_via'),
    releasedBy: text('released_by'),
  },
  (t) => [index('response_passwords_case_idx').on(t.caseId)],
)

/** Deployment settings an administrator can change (copy list, reminder rules, signposts, regulator). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull().$type<unknown>(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
export * from './governance.js'
