import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Disclosure (issue 5): the material gathered for a case, normalised to PDF pages; the redactions proposed and
 * decided on each page; pages and documents withheld; and the preparation and bundle runs with their progress.
 * Every row belongs to a case and goes when the case is disposed of (application/governance/dispose-case.ts).
 */

/** One document of the case's material after ingestion (an email's attachments are items of their own). */
export const disclosureItems = pgTable(
  'disclosure_items',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    /** The uploaded (or search-task) document it came from. */
    sourceDocumentId: uuid('source_document_id').notNull(),
    /** Order within its source (0 for the file itself, 1… for attachments or messages found inside). */
    sourceIndex: integer('source_index').notNull(),
    title: text('title').notNull(),
    sourceName: text('source_name').notNull(),
    kind: text('kind').notNull(),
    sha256: text('sha256').notNull(),
    pageCount: integer('page_count').notNull(),
    /** The normalised PDF, encrypted in the blob store like every other file. */
    storageKey: text('storage_key').notNull(),
    needsManualReview: boolean('needs_manual_review').notNull(),
    warnings: jsonb('warnings').notNull().$type<string[]>(),
    /** Set when the same content (or the same email in another mailbox) is already an item of the case. */
    duplicateOf: uuid('duplicate_of'),
    nearDuplicateOf: uuid('near_duplicate_of'),
    /** Emails: what identifies the same message found in several mailboxes. */
    emailHash: text('email_hash'),
    /** Withheld whole, with the exemption relied on. */
    withheldCode: text('withheld_code'),
    withheldReason: text('withheld_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('disclosure_items_case_idx').on(t.caseId)],
)

/** A page withheld in full (the rest of its document is disclosed). */
export const disclosureWithheldPages = pgTable(
  'disclosure_withheld_pages',
  {
    itemId: uuid('item_id').notNull(),
    /** 1-based page of the item. */
    page: integer('page').notNull(),
    caseId: uuid('case_id').notNull(),
    exemptionCode: text('exemption_code').notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.page] }), index('disclosure_withheld_pages_case_idx').on(t.caseId)],
)

/**
 * One redaction on one page: proposed by detection, or added by a person (search, text selection, a drawn box).
 * Decisions are made one row at a time with a version check, so two reviewers never overwrite each other unseen.
 */
export const redactions = pgTable(
  'redactions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    itemId: uuid('item_id').notNull(),
    /** 1-based page of the item. */
    page: integer('page').notNull(),
    /** Boxes in PDF points, origin top-left: [[x0, y0, x1, y1], …]. */
    rects: jsonb('rects').notNull().$type<[number, number, number, number][]>(),
    /** What is under the boxes (empty for a drawn box over an image). Case data: disposed of with the case. */
    text: text('text').notNull(),
    /** PERSON, EMAIL… for detections; TERM for a search or selection; AREA for a drawn box. */
    type: text('type').notNull(),
    source: text('source').notNull(),
    recogniser: text('recogniser'),
    score: real('score'),
    status: text('status').notNull(),
    exemptionCode: text('exemption_code').notNull(),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('redactions_case_idx').on(t.caseId), index('redactions_item_page_idx').on(t.itemId, t.page)],
)

/**
 * A preparation (ingest + detect) or bundle (redact + assemble + verify) run: a pg-boss job whose progress is
 * kept here, so the workbench can show it and a restarted worker can carry on from the last finished step.
 */
export const disclosureRuns = pgTable(
  'disclosure_runs',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    stage: text('stage'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Bundle runs: the decisions taken as they stood when the run was asked for (what the bundle must contain). */
    snapshot: jsonb('snapshot').$type<unknown>(),
    options: jsonb('options').notNull().$type<Record<string, unknown>>(),
    /** Bundle runs: the 'bundle' document produced, and what it holds. */
    resultDocumentId: uuid('result_document_id'),
    pageCount: integer('page_count'),
    redactionCount: integer('redaction_count'),
    /** Redactions and withholdings in the bundle by exemption code: what the compliance figures count. */
    exemptionCounts: jsonb('exemption_counts').$type<Record<string, number>>(),
    failures: jsonb('failures').$type<{ document: string; error: string }[]>(),
    error: text('error'),
  },
  (t) => [index('disclosure_runs_case_idx').on(t.caseId)],
)

/** A bundle run's finished per-document steps (redacted PDFs in the blob store), so a restart does not redo them. */
export const disclosureRunParts = pgTable(
  'disclosure_run_parts',
  {
    runId: uuid('run_id').notNull(),
    itemId: uuid('item_id').notNull(),
    storageKey: text('storage_key').notNull(),
    pageCount: integer('page_count').notNull(),
    applied: jsonb('applied').notNull().$type<unknown[]>(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.itemId] })],
)
