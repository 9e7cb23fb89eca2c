// Loads what the compliance figures need from the database: case snapshots, search tasks, user and controller names,
// and the working-day calendar with the administrator's extra holidays. Read-only.
import { createCalendar, type CalendarName, type CaseState, type WorkingDayCalendar } from '../domain/index.js'
import type { Queryable } from '../persistence/db.js'
import { listExtraHolidays } from '../persistence/repositories/controller-repository.js'
import type { SearchTaskRow } from './types.js'

export interface ReportingData {
  cases: CaseState[]
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
  const [cases, searchTasks, userNames, controllers] = await Promise.all([
    loadCases(db, options.controllerIds),
    loadSearchTasks(db, options.controllerIds),
    loadUserNames(db),
    loadControllers(db, options.controllerIds),
  ])
  return { cases, searchTasks, userNames, controllers }
}

/** The deployment's working-day calendar: the region's bank holidays plus holidays an administrator added. */
export async function loadCalendar(
  db: Queryable,
  name: CalendarName = 'england-and-wales',
): Promise<WorkingDayCalendar> {
  return createCalendar(name, await listExtraHolidays(db))
}
