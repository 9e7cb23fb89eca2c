import path from 'node:path'
import type pg from 'pg'
import { createPool } from './pool.js'
import { acquireDataDirLock, ensureWritableDataDir } from './data-dir-lock.js'
import { startEmbeddedPostgres } from './embedded.js'

export interface OpenDatabase {
  mode: 'embedded' | 'server'
  url: string
  pool: pg.Pool
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  dataDir: string
  databaseUrl: string | undefined
  poolSize: number
  log: (msg: string) => void
  /** Called when an embedded server's process has been spawned (not when it is ready); never for a server. */
  onSpawned?: () => void
}

/** Masks the password in a connection URL so it can be printed. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1****@')
}

/**
 * Opens the database Rightsdesk runs on: a PostgreSQL server when DATABASE_URL is set, otherwise an
 * embedded PostgreSQL under the data directory, guarded by a lock so a second process cannot share it.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (opts.databaseUrl) return openServer(opts.databaseUrl, opts.poolSize)
  const dataDir = path.resolve(opts.dataDir)
  await ensureWritableDataDir(dataDir)
  const lock = await acquireDataDirLock(dataDir)
  try {
    const embedded = await startEmbeddedPostgres({ dataDir, log: opts.log, onSpawned: opts.onSpawned })
    const pool = createPool(embedded.url, opts.poolSize)
    return {
      mode: 'embedded',
      url: embedded.url,
      pool,
      async close() {
        await pool.end().catch(() => undefined)
        await embedded.stop()
        await lock.release()
      },
    }
  } catch (err) {
    await lock.release()
    throw err
  }
}

export interface EarlyDatabase {
  opened: Promise<OpenDatabase>
  /** Resolves once the database is on its way: an embedded server spawned, a server named, or a failure. */
  underway: Promise<void>
  /** Where what the database says goes from now on (and what it said before this was called). */
  attachLog(log: (msg: string) => void): void
}

/**
 * Opens the database now, before the caller has a logger: `rightsdesk start` does this first, so that PostgreSQL
 * starts in its own process while this one loads the rest of the product. Messages wait until a log is attached.
 */
export function openDatabaseEarly(opts: Omit<OpenDatabaseOptions, 'log'>): EarlyDatabase {
  let sink: ((msg: string) => void) | undefined
  const pending: string[] = []
  let spawned = () => undefined as void
  const underway = new Promise<void>((resolve) => (spawned = resolve))
  const opened = openDatabase({ ...opts, log: (msg) => (sink ? sink(msg) : pending.push(msg)), onSpawned: spawned })
  opened.then(spawned, spawned) // a server, or a failure: nothing to wait for
  if (opts.databaseUrl) spawned()
  return {
    opened,
    underway,
    attachLog(log) {
      sink = log
      for (const msg of pending.splice(0)) log(msg)
    },
  }
}

async function openServer(url: string, poolSize: number): Promise<OpenDatabase> {
  const pool = createPool(url, poolSize)
  try {
    await pool.query('SELECT 1')
  } catch (err) {
    await pool.end().catch(() => undefined)
    throw new Error(`Could not connect to the PostgreSQL server at ${redactUrl(url)}: ${(err as Error).message}`, {
      cause: err,
    })
  }
  return { mode: 'server', url, pool, close: () => pool.end() }
}
