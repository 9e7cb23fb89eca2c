import { parentPort } from 'node:worker_threads'
import { TASKS, type TaskName } from './tasks.js'
import { bufferList, MAX_SHARED, serialiseError, type TaskRequest, type ToWorker } from './messages.js'

/**
 * A disclosure worker thread (threads/pool.ts): runs one task at a time on its own mupdf instance and posts the
 * result back, PDF bytes transferred rather than copied.
 */
const port = parentPort
if (!port) throw new Error('threads/worker.js runs only as a worker thread')

// Large values several tasks share (the case's detected strings for the cross-document pass), sent once per thread.
const shared = new Map<number, unknown>()

port.on('message', (message: ToWorker) => {
  if (message.type === 'share') {
    // The oldest goes first, exactly as the pool forgets it (pool.ts), so the pool resends what was dropped here.
    shared.delete(message.key)
    shared.set(message.key, message.value)
    for (const key of shared.keys()) if (shared.size > MAX_SHARED) shared.delete(key)
    return
  }
  void run(message)
})

async function run(message: TaskRequest): Promise<void> {
  try {
    if (message.shared && !shared.has(message.shared.key)) throw new Error('a shared value was not sent to this thread')
    const args = message.shared
      ? { ...(message.args as object), [message.shared.field]: shared.get(message.shared.key) }
      : message.args
    const task = TASKS[message.task as TaskName] as (input: unknown) => unknown
    const result = await task(args)
    port!.postMessage({ id: message.id, result }, bufferList(result))
  } catch (err) {
    port!.postMessage({ id: message.id, error: serialiseError(err) })
  }
}
