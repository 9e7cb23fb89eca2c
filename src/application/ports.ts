import type { Queryable } from '../persistence/db.js'

/** Queues follow-up work (emails, reminders) inside the transaction of the change it reports. */
export interface JobQueue {
  enqueue(tx: Queryable, queue: string, data: object, options?: { singletonKey?: string }): Promise<void>
}

/** What a virus scanner said about a file. `unavailable`: it could not be asked (down, timed out, refused). */
export type ScanVerdict =
  { verdict: 'clean' } | { verdict: 'infected'; signature: string } | { verdict: 'unavailable'; reason: string }

/** A virus scanner (ClamAV's clamd when configured). Never throws: a failure is the `unavailable` verdict. */
export interface VirusScanner {
  scan(bytes: Uint8Array): Promise<ScanVerdict>
}
