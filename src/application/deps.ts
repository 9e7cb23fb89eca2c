import type pg from 'pg'
import type { Clock, ClockSettings, WorkingDayCalendar } from '../domain/index.js'
import type { JobQueue } from './ports.js'

/** What every use case needs: the database, time, the calendar, and the job queue. */
export interface AppDeps {
  pool: pg.Pool
  clock: Clock
  calendar: WorkingDayCalendar
  clockSettings: ClockSettings
  jobs: JobQueue
  dueSoonWorkingDays: number
  baseUrl: string
}
