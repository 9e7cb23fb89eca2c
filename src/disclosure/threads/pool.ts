import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { NeedleSet } from '../redact/index.js'
import type { ItemDecisions, Proposal, RedactedPart } from '../review/types.js'
import { MAX_SHARED, revive, type TaskReply, type ToWorker } from './messages.js'
import { TASKS, type PreparedFile, type PrepareFileInput, type ProposeElsewhereInput, type TaskName } from './tasks.js'

/**
 * A bounded pool of worker threads for the workbench's per-document work (ingest and prepare, the cross-document
 * pass, redaction), so that a large case uses every core: each thread has its own mupdf instance and holds one
 * document at a time. Threads start on first use and stop after a while idle (their WebAssembly memory goes with
 * them). With no threads (RIGHTSDESK_DISCLOSURE_THREADS=0, or running from the TypeScript sources, where a worker
 * could not load them) every task runs here, in this thread, with the same results.
 */
export class DisclosurePool {
  private readonly slots: Slot[] = []
  private readonly waiting: Pending[] = []
  private readonly sharedKeys = new WeakMap<object, number>()
  private nextId = 1
  private idleTimer: NodeJS.Timeout | undefined

  constructor(
    /** Threads at most; 0 runs every task in the calling thread. */
    readonly size: number,
    private readonly workerUrl: URL = WORKER_URL,
    private readonly idleMs = 30_000,
  ) {}

  /** How many tasks to keep in flight to keep every thread busy (1 when tasks run in the calling thread). */
  get concurrency(): number {
    return Math.max(1, this.size)
  }

  prepareFile(input: PrepareFileInput): Promise<PreparedFile> {
    return this.run('prepareFile', input)
  }

  /** The case's needles are sent to each thread once per set, not with every item. */
  proposeElsewhere(input: ProposeElsewhereInput): Promise<Proposal[]> {
    return this.run('proposeElsewhere', input, { field: 'needles', value: input.needles })
  }

  redact(item: ItemDecisions): Promise<RedactedPart> {
    return this.run('redact', item)
  }

  /** Stops every thread now (tasks still running are failed). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer)
    const slots = this.slots.splice(0)
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }

  private async run<T>(task: TaskName, args: unknown, shared?: { field: string; value: NeedleSet }): Promise<T> {
    if (this.size === 0) return (await (TASKS[task] as (input: unknown) => unknown)(args)) as T
    clearTimeout(this.idleTimer)
    return new Promise<T>((resolve, reject) => {
      const request = { type: 'task' as const, id: this.nextId++, task, args }
      this.waiting.push({ request, shared, resolve: resolve as (v: unknown) => void, reject })
      this.dispatch()
    })
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => !s.current)
      if (!slot && this.slots.length < this.size) slot = this.spawn()
      if (!slot) return
      const pending = this.waiting.shift()!
      slot.current = pending
      slot.worker.ref()
      const message = { ...pending.request } as Extract<ToWorker, { type: 'task' }>
      if (pending.shared) {
        const { field, value } = pending.shared
        let key = this.sharedKeys.get(value)
        if (key === undefined) this.sharedKeys.set(value, (key = this.nextId++))
        if (!slot.shared.has(key)) {
          slot.worker.postMessage({ type: 'share', key, value } satisfies ToWorker)
          // The thread keeps the last MAX_SHARED values and forgets the oldest, and so does this record of it.
          slot.shared.add(key)
          for (const k of slot.shared) if (slot.shared.size > MAX_SHARED) slot.shared.delete(k)
        }
        message.args = { ...(message.args as object), [field]: undefined }
        message.shared = { field, key }
      }
      slot.worker.postMessage(message)
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl)
    const slot: Slot = { worker, shared: new Set() }
    worker.on('message', (reply: TaskReply) => {
      const pending = slot.current
      if (!pending || pending.request.id !== reply.id) return
      slot.current = undefined
      worker.unref()
      if (reply.error) pending.reject(revive(reply.error))
      else pending.resolve(reply.result)
      this.dispatch()
      this.idleWhenDone()
    })
    const lost = (err: Error) => {
      const at = this.slots.indexOf(slot)
      if (at !== -1) this.slots.splice(at, 1)
      const pending = slot.current
      slot.current = undefined
      pending?.reject(err)
      this.dispatch()
    }
    // A thread that dies (out of memory in the PDF engine, say) fails its task only; the next task gets a new one.
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`a disclosure worker thread stopped (exit code ${code})`)))
    this.slots.push(slot)
    return slot
  }

  private idleWhenDone(): void {
    if (this.waiting.length > 0 || this.slots.some((s) => s.current)) return
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs)
    this.idleTimer.unref()
  }
}

interface Pending {
  request: Extract<ToWorker, { type: 'task' }>
  shared?: { field: string; value: NeedleSet }
  resolve: (value: unknown) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: Worker
  /** The task it is running. An idle thread is unref'd, so it never keeps the process alive on its own. */
  current?: Pending
  /** Shared values it has been sent. */
  shared: Set<number>
}

// The compiled worker beside this file in dist/; from the sources (src/…/pool.ts) the compiled copy in dist/.
const FROM_SOURCES = import.meta.url.endsWith('.ts')
const WORKER_URL = FROM_SOURCES
  ? new URL('../../../dist/disclosure/threads/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url)

/**
 * RIGHTSDESK_DISCLOSURE_THREADS, or as many threads as cores up to 2 (one document each; more would only add
 * memory on the two-core machines this runs on). From the sources, 0 unless set: the compiled worker in dist/ may
 * be older than the sources being run.
 */
export function defaultThreadCount(env: Record<string, string | undefined> = process.env): number {
  const set = env.RIGHTSDESK_DISCLOSURE_THREADS
  if (set !== undefined && set !== '') {
    const n = Number(set)
    if (!Number.isInteger(n) || n < 0 || n > 64)
      throw new Error('RIGHTSDESK_DISCLOSURE_THREADS must be a whole number from 0 to 64')
    return n
  }
  return FROM_SOURCES ? 0 : Math.min(2, availableParallelism())
}

let shared: DisclosurePool | undefined
const here = new DisclosurePool(0)

/** Fewer documents than this are read in the calling thread. */
export const MIN_THREADED_ITEMS = 8

/**
 * The pool for a job over `items` documents: the process's threads (started on first use) for a large case, this
 * thread for a few documents. A new thread costs about a second of CPU before its first document (its own copy of
 * the PDF engine and of detection's name lists), more than three short documents take to read.
 */
export function disclosurePool(items = Infinity): DisclosurePool {
  if (items < MIN_THREADED_ITEMS) return here
  return (shared ??= new DisclosurePool(defaultThreadCount()))
}
