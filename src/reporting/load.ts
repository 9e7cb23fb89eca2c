// Loads what the compliance figures need from the database: case snapshots, disposal records, search tasks, user and
// controller names, redaction counts and the working-day calendar with the administrator's extra holidays. Read-only.
import { createCalendar, type CalendarName, type CaseState, type WorkingDayCalendar } from '../domain/index.js'
import type { Queryable } from '../persistence/db.js'
import { listExtraHolidays } from '../persistence/repositories/controller-repository.js'
import { statisticsFromRecord } from './facts.js'
import type { DisposedCase, Period, SearchTaskRow } from './types.js'

export interface ReportingData {
  cases: CaseState[]
  /** Cases destroyed under the retention schedule: their disposal records (FiguresInput.disposed); none when absent. */
  disposed?: DisposedCase[]
  searchTasks: SearchTaskRow[]
  /** Every user's display name by id (for the assignee column). */
  userNames: Map<string, string>
  /** The controllers reported on, in name order. */
  controllers: { id: string; name: string }[]
}

/**
 * Every case of the controllers (all controllers when none are named). All of them, not just the period's: the
 * snapshot figures need every open case and the series needs a year; an office of this size has thousands at most.
 */
export async function loadCases(db: Queryable, controllerIds?: readonly string[]): Promise<CaseState[]> {
  const r = await db.query<{ state: CaseState }>(
    `SELECT state FROM cases WHERE ($1::text[] IS NULL OR controller_id = ANY($1::text[])) ORDER BY received_on, reference`,
    [controllerIds ?? null],
  )
  return r.rows.map((row) => row.state)
}

/** The disposal records of the controllers; a record whose case still exists is left out (never counted twice). */
export async function loadDisposedCases(db: Queryable, controllerIds?: readonly string[]): Promise<DisposedCase[]> {
  const r = await db.query<{
    case_id: string
    reference: string
    controller_id: string
    case_type: string
    right: string | null
    received_on: string
    closed_on: string | null
    statistics: Record<string, unknown> | null
  }>(
    `SELECT d.case_id, d.reference, d.controller_id, d.case_type, d."right", d.received_on, d.closed_on, d.statistics
       FROM disposal_records d
      WHERE ($1::text[] IS NULL OR d.controller_id = ANY($1::text[]))
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id)
      ORDER BY d.received_on, d.reference`,
    [controllerIds ?? null],
  )
  return r.rows.map((d) => ({
    caseId: d.case_id,
    reference: d.reference,
    controllerId: d.controller_id,
    statistics: statisticsFromRecord(d.statistics ?? {}, {
      caseType: d.case_type,
      right: d.right,
      receivedOn: d.received_on,
      closedOn: d.closed_on,
    }),
  }))
}

/** A finished disclosure bundle's exemption counts, as a disposal record keeps them (no personal data). */
export interface BundleRunCounts {
  /** Europe/London date the bundle was finished. */
  finishedOn: string
  finishedAt: string
  exemptionCounts: Record<string, number>
}

/**
 * The case's finished bundle runs, for its disposal record (statistics.bundleRuns): the disposal job deletes the
 * runs with the rest of the case, and the exemption figures of past months must still add up.
 */
export async function bundleRunsForDisposal(db: Queryable, caseId: string): Promise<BundleRunCounts[]> {
  const r = await db.query<{ finished_on: string; finished_at: Date; exemption_counts: Record<string, number> | null }>(
    `SELECT (finished_at AT TIME ZONE 'Europe/London')::date::text AS finished_on, finished_at, exemption_counts
       FROM disclosure_runs
      WHERE case_id = $1 AND kind = 'bundle' AND status = 'done' AND finished_at IS NOT NULL
      ORDER BY finished_at`,
    [caseId],
  )
  return r.rows.map((row) => ({
    finishedOn: row.finished_on,
    finishedAt: row.finished_at.toISOString(),
    exemptionCounts: row.exemption_counts ?? {},
  }))
}

/**
 * Exemptions applied in the disclosure bundles finished in the period, by exemption code: for each case, its latest
 * finished ('done') bundle run whose finished_at falls in the period (Europe/London dates), so a bundle run again
 * after a change is counted once. Live cases' runs come from disclosure_runs; a disposed case's from its disposal
 * record (statistics.bundleRuns). Cases of other controllers are left out.
 */
export async function loadRedactionCounts(
  db: Queryable,
  period: Period,
  controllerIds?: readonly string[],
): Promise<Record<string, number>> {
  const r = await db.query<{ counts: Record<string, unknown> | null }>(
    `WITH runs AS (
       SELECT r.case_id, c.controller_id, r.finished_at AS at,
              (r.finished_at AT TIME ZONE 'Europe/London')::date AS finished_on, r.exemption_counts AS counts
         FROM disclosure_runs r JOIN cases c ON c.id = r.case_id
        WHERE r.kind = 'bundle' AND r.status = 'done' AND r.finished_at IS NOT NULL
       UNION ALL
       SELECT d.case_id, d.controller_id, (b->>'finishedAt')::timestamptz, (b->>'finishedOn')::date, b->'exemptionCounts'
         FROM disposal_records d
        CROSS JOIN LATERAL jsonb_array_elements(
          CASE WHEN jsonb_typeof(d.statistics->'bundleRuns') = 'array' THEN d.statistics->'bundleRuns' ELSE '[]' END) b
        WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id)
     )
     SELECT DISTINCT ON (case_id) counts FROM runs
      WHERE finished_on BETWEEN $1::date AND $2::date
        AND ($3::text[] IS NULL OR controller_id = ANY($3::text[]))
      ORDER BY case_id, at DESC`,
    [period.from, period.to, controllerIds ?? null],
  )
  const totals: Record<string, number> = {}
  for (const row of r.rows) {
    for (const [code, n] of Object.entries(row.counts ?? {})) {
      if (typeof n === 'number' && Number.isFinite(n) && n > 0) totals[code] = (totals[code] ?? 0) + n
    }
  }
  return totals
}

export async function loadSearchTasks(db: Queryable, controllerIds?: readonly string[]): Promise<SearchTaskRow[]> {
  const r = await db.query<{
    id: string
    case_id: string
    assignee_id: string | null
    team: string | null
    due_on: string
    status: string
    returned_at: Date | null
  }>(
    `SELECT t.id, t.case_id, t.assignee_id, t.team, t.due_on, t.status, t.returned_at
       FROM search_tasks t JOIN cases c ON c.id = t.case_id
      WHERE ($1::text[] IS NULL OR c.controller_id = ANY($1::text[]))
      ORDER BY t.due_on`,
    [controllerIds ?? null],
  )
  return r.rows.map((t) => ({
    id: t.id,
    caseId: t.case_id,
    assigneeId: t.assignee_id,
    team: t.team,
    dueOn: t.due_on,
    status: t.status,
    returnedAt: t.returned_at ? t.returned_at.toISOString() : null,
  }))
}

export async function loadUserNames(db: Queryable): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; name: string }>('SELECT id, name FROM users')
  return new Map(r.rows.map((u) => [u.id, u.name]))
}

export async function loadControllers(
  db: Queryable,
  controllerIds?: readonly string[],
): Promise<{ id: string; name: string }[]> {
  const r = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM controllers WHERE ($1::text[] IS NULL OR id = ANY($1::text[])) ORDER BY name',
    [controllerIds ?? null],
  )
  return r.rows
}

export async function loadReportingData(
  db: Queryable,
  options: { controllerIds?: readonly string[] } = {},
): Promise<ReportingData> {
  const [cases, disposed, searchTasks, userNames, controllers] = await Promise.all([
    loadCases(db, options.controllerIds),
    loadDisposedCases(db, options.controllerIds),
    loadSearchTasks(db, options.controllerIds),
    loadUserNames(db),
    loadControllers(db, options.controllerIds),
  ])
  return { cases, disposed, searchTasks, userNames, controllers }
}

/** The deployment's working-day calendar: the region's bank holidays plus holidays an administrator added. */
export async function loadCalendar(
  db: Queryable,
  name: CalendarName = 'england-and-wales',
): Promise<WorkingDayCalendar> {
  return createCalendar(name, await listExtraHolidays(db))
}
