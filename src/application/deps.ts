import type pg from 'pg'
import type { Clock, ClockSettings, WorkingDayCalendar } from '../domain/index.js'
import type { AuditProof } from '../persistence/audit-proof.js'
import type { BlobStore } from '../storage/blob-store.js'
import type { JobQueue, VirusScanner } from './ports.js'

/** What every use case needs: the database, time, the calendar, and the job queue. */
export interface AppDeps {
  pool: pg.Pool
  clock: Clock
  calendar: WorkingDayCalendar
  clockSettings: ClockSettings
  jobs: JobQueue
  dueSoonWorkingDays: number
  baseUrl: string
  blobs: BlobStore
  /** Identity copies never verified are deleted after this many days (issue: ID documents never outlive their use). */
  identityDocumentMaxDays: number
  /** Where the file outbox writes .eml files when no SMTP server is set (shown to admins in the staff UI). */
  outboxDir?: string
  /** Scans every uploaded file before it is kept; absent when no clamd is configured (CLAMAV_URL/CLAMAV_SOCKET). */
  virusScanner?: VirusScanner
  /** The audit key and checkpoint file (ADR 0008); absent only in tests that build their own deps. */
  auditProof?: AuditProof
}
