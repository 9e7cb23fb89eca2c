import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Governance (issue: compliance, retention and disposal, training, register of processing). Kept apart
 * from the casework tables: these describe how the office manages its records, not a request.
 */

/** How long each kind of case is kept after it ends, and what happens then (admin-editable). */
export const retentionRules = pgTable('retention_rules', {
  id: text('id').primaryKey(),
  caseType: text('case_type').notNull(),
  /** An outcome, or '*' for every outcome of the case type. */
  outcome: text('outcome').notNull(),
  months: integer('months').notNull(),
  action: text('action').notNull(),
  reason: text('reason').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** A legal hold stops disposal of a case while litigation, a regulator's inquiry or similar needs it. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    reason: text('reason').notNull(),
    placedBy: text('placed_by').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    liftedBy: text('lifted_by'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftReason: text('lift_reason'),
  },
  (t) => [index('legal_holds_case_idx').on(t.caseId)],
)

/** The monthly list of cases due for disposal: proposed by one officer, approved by another (four eyes). */
export const disposalLists = pgTable('disposal_lists', {
  id: uuid('id').primaryKey(),
  /**
   * Each controller disposes of its own records (issue 11): one list per controller, proposed and approved by
   * officers who both work for it. Null only on lists proposed before lists had a controller; those cannot be approved.
   */
  controllerId: text('controller_id'),
  month: text('month').notNull(),
  status: text('status').notNull(),
  items: jsonb('items').notNull().$type<unknown[]>(),
  proposedBy: text('proposed_by').notNull(),
  proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
  approvedBy: text('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  /** The authorising officer may refuse the whole list (issue 14): who, when and why, shown on the list. */
  rejectedBy: text('rejected_by'),
  rejectedAt: timestamp('rejected_at', { withTimezone: true }),
  rejectionReason: text('rejection_reason'),
  /** Cases the authorising officer took off the list before approving it, each with who, when and why. */
  removed: jsonb('removed').notNull().default([]).$type<unknown[]>(),
})

/**
 * What remains of a disposed case: no personal data, enough for the statistics to keep adding up and to
 * show what was destroyed, when, under which rule and on whose authority.
 */
export const disposalRecords = pgTable('disposal_records', {
  caseId: uuid('case_id').primaryKey(),
  reference: text('reference').notNull(),
  controllerId: text('controller_id').notNull(),
  caseType: text('case_type').notNull(),
  right: text('right'),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  outcome: text('outcome'),
  statistics: jsonb('statistics').notNull().$type<Record<string, unknown>>(),
  ruleId: text('rule_id').notNull(),
  action: text('action').notNull(),
  listId: uuid('list_id').notNull(),
  authorisedBy: text('authorised_by').notNull(),
  disposedAt: timestamp('disposed_at', { withTimezone: true }).notNull(),
})

/** Everyone who needs data protection training: staff and volunteers, whether or not they use Rightsdesk. */
export const trainingPeople = pgTable('training_people', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  kind: text('kind').notNull(),
  userId: uuid('user_id'),
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  leftOn: date('left_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const trainingTypes = pgTable('training_types', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  deliveredBy: text('delivered_by').notNull(),
  method: text('method').notNull(),
  lengthMinutes: integer('length_minutes').notNull(),
  /** Months between refreshers; null when only required on commencement. */
  frequencyMonths: integer('frequency_months'),
  onCommencement: boolean('on_commencement').notNull(),
  appliesTo: text('applies_to').notNull(),
  active: boolean('active').notNull().default(true),
})

export const trainingCompletions = pgTable(
  'training_completions',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    typeId: text('type_id').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    certificateDocumentId: uuid('certificate_document_id'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_completions_person_idx').on(t.personId, t.typeId)],
)

/** The register of processing activities (UK GDPR Art 30), one row per activity per controller. */
export const processingActivities = pgTable(
  'processing_activities',
  {
    id: uuid('id').primaryKey(),
    controllerId: text('controller_id').notNull(),
    name: text('name').notNull(),
    details: jsonb('details').notNull().$type<Record<string, unknown>>(),
    position: integer('position').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('processing_activities_controller_idx').on(t.controllerId)],
)

/** Every published version of a controller's privacy notice, generated from the register. */
export const privacyNoticeVersions = pgTable(
  'privacy_notice_versions',
  {
    id: uuid('id').primaryKey(),
    controllerId: text('controller_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull().$type<Record<string, unknown>>(),
    changeSummary: text('change_summary').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('privacy_notice_versions_controller_idx').on(t.controllerId, t.version)],
)

/** Consents the office relies on (victim service referrals, mailing lists): what, when, and withdrawal. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    controllerId: text('controller_id').notNull(),
    purpose: text('purpose').notNull(),
    personName: text('person_name').notNull(),
    email: text('email'),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    evidence: text('evidence').notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalCaseId: uuid('withdrawal_case_id'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_controller_idx').on(t.controllerId)],
)
