import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Runs the real `rightsdesk` executable as a child process, the way an operator does, for tests and the
 * benchmark that must see what only a separate process shows: kill -9, restarts, exit codes, stderr.
 * Every child is tracked so a failing test still leaves no Rightsdesk (and so no embedded PostgreSQL) behind.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const bin = path.join(repoRoot, 'bin', 'rightsdesk.js')
// The tail of each output stream we keep: request logs under load would otherwise grow without bound.
const MAX_BUFFER = 1024 * 1024

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface RightsdeskProcess {
  readonly pid: number
  readonly port: number
  readonly baseUrl: string
  readonly dataDir: string
  stdout(): string
  stderr(): string
  kill(signal: NodeJS.Signals): void
  /** Undefined while running; once it has exited, how, with its stderr. */
  exitNote(): string | undefined
  /** Polls GET /ready until 200; fails at once, with its stderr, if the process has died. */
  waitForReady(timeoutMs?: number): Promise<void>
  waitForExit(timeoutMs?: number): Promise<Exit>
  /** SIGINT (a clean stop, embedded PostgreSQL included), then SIGKILL if it has not gone in time. */
  stop(timeoutMs?: number): Promise<Exit>
}

export interface StartOptions {
  dataDir: string
  port?: number
  env?: Record<string, string | undefined>
  demo?: boolean
  command?: 'start' | 'web' | 'worker'
  readyTimeoutMs?: number
}

const live = new Set<ChildProcess>()

// If the test worker itself goes away, ask each child to stop cleanly; kill(2) is synchronous, so this
// works from 'exit', and SIGINT lets the child take its PostgreSQL down with it.
process.on('exit', () => {
  for (const child of live) child.kill('SIGINT')
})

/** The environment a child sees: ours, without a DATABASE_URL we did not ask for, plus the overrides. */
function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, NODE_ENV: 'test' }
  for (const [key, value] of Object.entries(overrides)) env[key] = value
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  return env
}

function spawnCli(args: string[], env: Record<string, string | undefined>): ChildProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = ''
  stream?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8')
    if (text.length > MAX_BUFFER) text = text.slice(-MAX_BUFFER)
  })
  return () => text
}

function exited(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}

/** Resolves once the output pipes are drained too, so the last stderr line has been read. */
function closed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.stdout?.readableEnded !== false && child.stderr?.readableEnded !== false) return resolve()
    child.once('close', () => resolve())
    setTimeout(resolve, 2_000).unref()
  })
}

/** Starts `rightsdesk start` (or web/worker) and resolves when GET /ready answers 200. */
export async function startRightsdesk(opts: StartOptions): Promise<RightsdeskProcess> {
  const port = opts.port ?? (await freePort())
  const args = [opts.command ?? 'start', ...(opts.demo ? ['--demo'] : [])]
  const env = { RIGHTSDESK_DATA_DIR: opts.dataDir, PORT: String(port), HOST: '127.0.0.1', ...opts.env }
  const child = spawnCli(args, env)
  const stdout = collect(child.stdout)
  const stderr = collect(child.stderr)
  const proc: RightsdeskProcess = {
    pid: child.pid ?? -1,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir: opts.dataDir,
    stdout,
    stderr,
    kill: (signal) => void child.kill(signal),
    exitNote: () => exitNote(child, stderr),
    waitForReady: (timeoutMs = 60_000) => waitForReady(proc.baseUrl, timeoutMs, proc.exitNote),
    waitForExit: (timeoutMs = 60_000) => withTimeout(exited(child), timeoutMs, `pid ${child.pid} to exit`),
    stop: (timeoutMs = 30_000) => stopChild(child, timeoutMs),
  }
  try {
    await proc.waitForReady(opts.readyTimeoutMs ?? 90_000)
  } catch (err) {
    await proc.stop()
    throw err
  }
  return proc
}

function exitNote(child: ChildProcess, stderr: () => string): string | undefined {
  if (child.exitCode === null && child.signalCode === null) return undefined
  return `rightsdesk exited (${child.exitCode ?? child.signalCode}): ${stderr().trim()}`
}

async function stopChild(child: ChildProcess, timeoutMs: number): Promise<Exit> {
  const done = exited(child)
  if (child.exitCode !== null || child.signalCode !== null) return done
  child.kill('SIGINT')
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  try {
    const result = await done
    await closed(child)
    return result
  } finally {
    clearTimeout(timer)
  }
}

/** For afterAll/afterEach: stops every child still running, cleanly first. */
export async function stopAllRightsdesk(): Promise<void> {
  await Promise.all([...live].map((child) => stopChild(child, 30_000)))
}

/** Polls GET /ready until 200; `gone` explains a child that died meanwhile. */
export async function waitForReady(baseUrl: string, timeoutMs: number, gone?: () => string | undefined) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const note = gone?.()
    if (note) throw new Error(note)
    const status = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) return
    if (Date.now() > deadline) throw new Error(`${baseUrl}/ready did not answer 200 within ${timeoutMs} ms`)
    await sleep(100)
  }
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a one-shot command (`token create`, `audit verify`, ...) to completion. */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<CliResult> {
  const child = spawnCli(args, env)
  const stdout = collect(child.stdout)
  const stderr = collect(child.stderr)
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  try {
    const { code } = await exited(child)
    await closed(child)
    return { code, stdout: stdout(), stderr: stderr() }
  } finally {
    clearTimeout(timer)
  }
}

/** The pid of the embedded postmaster, from the first line of <data>/pg/postmaster.pid. */
export async function postmasterPid(dataDir: string): Promise<number> {
  const text = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10)
  if (!(pid > 0)) throw new Error(`no postmaster pid in ${dataDir}/pg/postmaster.pid`)
  return pid
}

/** Whether an embedded PostgreSQL is still running on this data directory (clean stops remove the pid file). */
export async function embeddedPostgresRunning(dataDir: string): Promise<boolean> {
  const pid = await postmasterPid(dataDir).catch(() => undefined)
  return pid !== undefined && isAlive(pid)
}

/** Alive and not a zombie (an exited orphan stays one until PID 1 reaps it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/**
 * Last resort after a failed test that killed Rightsdesk with -9: stops the PostgreSQL it orphaned on
 * this data directory (only that one: the pid file's process must be a postgres serving this directory).
 */
export async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir).catch(() => 0)
  if (!pid || !isAlive(pid)) return
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  if (!cmdline.includes(path.join(dataDir, 'pg'))) return
  process.kill(pid, 'SIGINT')
  for (const until = Date.now() + 15_000; Date.now() < until && isAlive(pid);) await sleep(50)
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
}

export async function makeDataDir(prefix = 'rightsdesk-proc-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix))
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface ApiResponse<T = unknown> {
  status: number
  body: T
}

/** A small JSON client for /api/v1 with a bearer token. Network failures reject; HTTP errors resolve. */
export function apiClient(baseUrl: string, token: string, timeoutMs = 20_000) {
  const call = async <T>(method: string, route: string, body?: unknown): Promise<ApiResponse<T>> => {
    const res = await fetch(`${baseUrl}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }
  return {
    get: <T = unknown>(route: string) => call<T>('GET', route),
    post: <T = unknown>(route: string, body: unknown) => call<T>('POST', route, body),
  }
}
export type ApiClient = ReturnType<typeof apiClient>

export interface CaseSummary {
  id: string
  reference: string
  status: string
  due: string | null
}

/** A request as the correspondence team would log it from an email; `n` keeps the subjects apart. */
export function sampleRequest(n: number, controllerId = 'northshire-opcc') {
  return {
    controllerId,
    right: 'access',
    channel: 'email',
    receivedAt: new Date().toISOString(),
    subject: { name: `Load Tester ${n}`, email: `load-${n}@mail.example` },
    request: { description: `Request number ${n}: my records`, actionWanted: 'a copy' },
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
