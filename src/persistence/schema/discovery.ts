import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * Discovery (issue 16): the places a controller's records are kept (mailbox exports, file shares, databases), the
 * index of what they hold, the person searches run on a case with the hits kept or dropped, database erasure plans,
 * and the information rights mailbox that turns emails into draft cases. docs/adr/0006 explains the index.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/** A place records are searched in, registered per controller by an administrator. */
export const discoverySources = pgTable(
  'discovery_sources',
  {
    id: uuid('id').primaryKey(),
    controllerId: text('controller_id').notNull(),
    /** mbox | email-folder | pst | file-share | postgres | mysql */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** A path on the server for files; for a database, where it is (never its password). */
    location: text('location').notNull(),
    /** Databases: the connection URL, encrypted in the blob store; only its key is kept here. */
    secretKey: text('secret_key'),
    /** Databases: which tables and columns hold which identifiers, and how each table is erased. */
    dataMap: jsonb('data_map').$type<unknown>(),
    ownerId: uuid('owner_id').notNull(),
    retentionNote: text('retention_note').notNull(),
    lastIndexedAt: timestamp('last_indexed_at', { withTimezone: true }),
    itemCount: integer('item_count').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discovery_sources_controller_idx').on(t.controllerId)],
)

/** One indexing run of a source: split into units (a file, a table) that workers take in parallel. */
export const discoveryIndexRuns = pgTable(
  'discovery_index_runs',
  {
    id: uuid('id').primaryKey(),
    sourceId: uuid('source_id').notNull(),
    status: text('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    unitsTotal: integer('units_total').notNull().default(0),
    unitsDone: integer('units_done').notNull().default(0),
    itemsAdded: integer('items_added').notNull().default(0),
    itemsUpdated: integer('items_updated').notNull().default(0),
    itemsUnchanged: integer('items_unchanged').notNull().default(0),
    itemsRemoved: integer('items_removed').notNull().default(0),
    problems: jsonb('problems').notNull().$type<{ locator: string; message: string }[]>().default([]),
    error: text('error'),
  },
  (t) => [index('discovery_index_runs_source_idx').on(t.sourceId, t.requestedAt)],
)

export const discoveryIndexUnits = pgTable(
  'discovery_index_units',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** The file (relative to the source's location) or table this unit reads. */
    unitKey: text('unit_key').notNull(),
    status: text('status').notNull(),
    /** Where to carry on from: a byte offset, a file number, a primary key. */
    cursor: jsonb('cursor').$type<unknown>(),
    itemsSeen: integer('items_seen').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('discovery_index_units_run_idx').on(t.runId, t.status)],
)

/**
 * The index: one row per message, file or database row. Partitioned by source (LIST on source_id; a partition is
 * created with the source and dropped with it), so a force's archive of millions of messages is its own table.
 */
export const discoveryItems = pgTable(
  'discovery_items',
  {
    sourceId: uuid('source_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** Where it is in the source: "inbox.mbox@1234" (byte offset), "a/b/c.eml", "Inbox/Sent#2097188", "users#42". */
    locator: text('locator').notNull(),
    kind: text('kind').notNull(),
    messageId: text('message_id'),
    /** Size and modification time (files) or content hash (messages, rows): unchanged items are skipped. */
    version: text('version').notNull(),
    title: text('title').notNull(),
    sender: text('sender'),
    recipients: text('recipients'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    body: text('body').notNull(),
    /** Capitalised words of the item, lower case, for similar-spelling search (pg_trgm). */
    nameWords: text('name_words').notNull(),
    emails: text('emails').array().notNull(),
    emailLocals: text('email_locals').array().notNull(),
    phones: text('phones').array().notNull(),
    postcodes: text('postcodes').array().notNull(),
    dobs: text('dobs').array().notNull(),
    niNumbers: text('ni_numbers').array().notNull(),
    pncIds: text('pnc_ids').array().notNull(),
    vehicleRegs: text('vehicle_regs').array().notNull(),
    refs: text('refs').array().notNull(),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(sender, '') || ' ' || coalesce(recipients, '') || ' ' || body)`,
      ),
    lastRunId: uuid('last_run_id').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.id] }),
    uniqueIndex('discovery_items_locator_idx').on(t.sourceId, t.locator),
    index('discovery_items_tsv_idx').using('gin', t.tsv),
    index('discovery_items_emails_idx').using('gin', t.emails),
    index('discovery_items_email_locals_idx').using('gin', t.emailLocals),
    index('discovery_items_phones_idx').using('gin', t.phones),
    index('discovery_items_identifiers_idx').using(
      'gin',
      t.postcodes,
      t.dobs,
      t.niNumbers,
      t.pncIds,
      t.vehicleRegs,
      t.refs,
    ),
    index('discovery_items_name_words_idx').using('gin', t.nameWords.op('gin_trgm_ops')),
  ],
)

/** A person search run on a case (or for a search task): the evidence of a reasonable and proportionate search. */
export const discoveryRuns = pgTable(
  'discovery_runs',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    taskId: uuid('task_id'),
    controllerId: text('controller_id').notNull(),
    subject: jsonb('subject').notNull().$type<Record<string, string[]>>(),
    /** The sources as they were when searched: name, kind, owner, last indexed, item count. */
    sources: jsonb('sources').notNull().$type<Record<string, unknown>[]>(),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    candidateCount: integer('candidate_count').notNull(),
    hitCount: integer('hit_count').notNull(),
    capped: boolean('capped').notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** Why the search stopped where it did (what was not searched, and why that is proportionate). */
    scopeNote: text('scope_note').notNull().default(''),
    addedAt: timestamp('added_at', { withTimezone: true }),
  },
  (t) => [index('discovery_runs_case_idx').on(t.caseId, t.createdAt), index('discovery_runs_task_idx').on(t.taskId)],
)

export const discoveryHits = pgTable(
  'discovery_hits',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    itemId: bigint('item_id', { mode: 'number' }).notNull(),
    rank: integer('rank').notNull(),
    locator: text('locator').notNull(),
    messageId: text('message_id'),
    title: text('title').notNull(),
    sender: text('sender'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    score: real('score').notNull(),
    reasons: jsonb('reasons').notNull().$type<{ kind: string; text: string; count: number }[]>(),
    snippet: text('snippet').notNull(),
    /** undecided | kept | dropped */
    decision: text('decision').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The case document the kept hit became. */
    documentId: uuid('document_id'),
  },
  (t) => [index('discovery_hits_run_idx').on(t.runId, t.rank)],
)

/** Erasure or anonymisation of a subject's rows in one database source: drafted, dry run, approved, run. */
export const erasurePlans = pgTable(
  'erasure_plans',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    controllerId: text('controller_id').notNull(),
    subject: jsonb('subject').notNull().$type<Record<string, string[]>>(),
    /** Per table: delete | null | hash | keep, with the columns and a reason for keep. */
    steps: jsonb('steps').notNull().$type<unknown[]>(),
    dryRun: jsonb('dry_run').$type<unknown>(),
    dryRunAt: timestamp('dry_run_at', { withTimezone: true }),
    /** draft | approved | done | failed */
    status: text('status').notNull(),
    draftedBy: text('drafted_by').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    /** What changed: per table, the action, the primary keys and the row count; never the values. */
    changeLog: jsonb('change_log').$type<unknown>(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('erasure_plans_case_idx').on(t.caseId)],
)

/** The information rights inbox of a controller, polled over IMAP. */
export const intakeMailboxes = pgTable('intake_mailboxes', {
  id: uuid('id').primaryKey(),
  controllerId: text('controller_id').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  secure: boolean('secure').notNull(),
  username: text('username').notNull(),
  /** The password, encrypted in the blob store. */
  secretKey: text('secret_key').notNull(),
  folder: text('folder').notNull(),
  uidValidity: bigint('uid_validity', { mode: 'number' }),
  lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  lastError: text('last_error'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})

/** An email that arrived in the inbox: a draft case until Correspondence confirms or dismisses it. */
export const intakeDrafts = pgTable(
  'intake_drafts',
  {
    id: uuid('id').primaryKey(),
    mailboxId: uuid('mailbox_id').notNull(),
    controllerId: text('controller_id').notNull(),
    messageId: text('message_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    fromName: text('from_name').notNull(),
    fromEmail: text('from_email').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The email itself and each attachment, stored as documents (no case yet), checked by content. */
    documentIds: uuid('document_ids').array().notNull(),
    refused: jsonb('refused').notNull().$type<{ filename: string; reason: string }[]>(),
    /** pending | confirmed | dismissed */
    status: text('status').notNull(),
    caseId: uuid('case_id'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('intake_drafts_message_idx').on(t.controllerId, t.messageId),
    index('intake_drafts_status_idx').on(t.controllerId, t.status),
  ],
)
