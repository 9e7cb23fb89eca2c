import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Tables for working a case with the requester and colleagues: portal access codes, messages, search tasks,
 * letters, who was copied, and held-back response passwords. Split from index.ts to keep files readable.
 */

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

/**
 * Something waiting for one member of staff (issue 14): a draft to review, a requester's reply, a returned search
 * task, an appeal. Shown on their staff home until they clear it; emailed at once, or in the next daily digest
 * (`emailed_at` set when it has gone either way).
 */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [
    index('staff_notifications_user_idx').on(t.userId, t.clearedAt),
    index('staff_notifications_unsent_idx').on(t.emailedAt),
  ],
)
