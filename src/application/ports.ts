import type { Queryable } from '../persistence/db.js'

/** Queues follow-up work (emails, reminders) inside the transaction of the change it reports. */
export interface JobQueue {
  enqueue(tx: Queryable, queue: string, data: object, options?: { singletonKey?: string }): Promise<void>
}
